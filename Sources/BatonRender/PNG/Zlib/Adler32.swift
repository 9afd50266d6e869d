/// Adler-32 (RFC 1950), the checksum at the end of a zlib stream: two sums modulo 65521.
///
/// Most of a filtered diagram is zero bytes, and zeros leave the first sum alone and add it to
/// the second once per byte, so a run of zeros is counted in one step (`update(zeros:)`).
struct Adler32: Sendable {
    static let modulus: UInt32 = 65_521
    /// The most bytes summed before reducing: the largest n for which the second sum cannot
    /// overflow 32 bits (zlib's NMAX).
    static let block = 5_552

    private var a: UInt32 = 1
    private var b: UInt32 = 0

    var value: UInt32 { b << 16 | a }

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(start)
        var a = self.a, b = self.b
        var index = 0
        let count = bytes.count
        while index < count {
            let end = min(count, index + Self.block)
            // Eight zero bytes add eight times the first sum to the second; a diagram's filtered
            // rows are mostly that.
            while index + 8 <= end {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) == 0 {
                    b &+= a << 3
                } else {
                    for offset in index..<index + 8 {
                        a &+= UInt32(bytes[offset])
                        b &+= a
                    }
                }
                index += 8
            }
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= Self.modulus
            b %= Self.modulus
        }
        self.a = a
        self.b = b
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// `count` zero bytes.
    mutating func update(zeros count: Int) {
        guard count > 0 else { return }
        let times = UInt64(count % Int(Self.modulus))
        b = UInt32((UInt64(b) + UInt64(a) * times) % UInt64(Self.modulus))
    }
}
