/// A PNG file written as its rows arrive (ISO/IEC 15948): the signature, `IHDR` (8-bit RGB,
/// not interlaced), the rows (filtered by `PNGFilteredRows`) compressed into `IDAT` chunks of
/// at most `chunkSize` bytes, and `IEND`. Nothing else — no time, no gamma, no text — so the same
/// pixels are the same bytes on every machine.
struct PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let chunkSize = 1 << 20
    static let bytesPerPixel = 3

    let width: Int
    let height: Int
    private(set) var bytes: [UInt8] = []
    private var zlib = ZlibWriter()
    private var pending: [UInt8] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bytes = Self.signature
        var header: [UInt8] = []
        Self.appendBigEndian(UInt32(width), to: &header)
        Self.appendBigEndian(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filtering, no interlace
        chunk("IHDR", header)
    }

    /// Adds the rows of a band, filtered.
    mutating func append(_ rows: PNGFilteredRows) {
        rows.bytes.withUnsafeBufferPointer { bytes in
            for row in 0..<rows.rows {
                zlib.append(UnsafeBufferPointer(rebasing: bytes[row * rows.stride..<(row + 1) * rows.stride]), live: rows.live[row])
            }
        }
        pending.append(contentsOf: zlib.take())
        while pending.count >= Self.chunkSize {
            chunk("IDAT", Array(pending[0..<Self.chunkSize]))
            pending.removeFirst(Self.chunkSize)
        }
    }

    /// The finished file.
    mutating func finish() -> [UInt8] {
        zlib.finish()
        pending.append(contentsOf: zlib.take())
        var offset = 0
        repeat {
            let end = min(pending.count, offset + Self.chunkSize)
            chunk("IDAT", Array(pending[offset..<end]))
            offset = end
        } while offset < pending.count
        chunk("IEND", [])
        return bytes
    }

    private mutating func chunk(_ type: String, _ data: [UInt8]) {
        Self.appendBigEndian(UInt32(data.count), to: &bytes)
        let typed = Array(type.utf8) + data
        bytes.append(contentsOf: typed)
        Self.appendBigEndian(CRC32.checksum(typed), to: &bytes)
    }

    static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }
}
