/// A zlib stream (RFC 1950): a two-byte header, deflate data, and the Adler-32 of what went in.
struct ZlibWriter {
    private var deflater = Deflater()
    private var adler = Adler32()
    private var output: [UInt8] = [0x78, 0x9C]  // deflate, 32 KB window, default level

    /// Adds `bytes`, of which only `live` may be other than zero.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, live: Range<Int>) {
        adler.update(zeros: live.lowerBound)
        adler.update(UnsafeBufferPointer(rebasing: bytes[live]))
        adler.update(zeros: bytes.count - live.upperBound)
        deflater.append(bytes)
        output.append(contentsOf: deflater.take())
    }

    /// The compressed bytes so far, handed over.
    mutating func take() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// Ends the stream; `take()` then gives the rest.
    mutating func finish() {
        deflater.finish()
        output.append(contentsOf: deflater.take())
        let value = adler.value
        output.append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
