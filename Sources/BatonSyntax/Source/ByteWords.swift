/// Eight bytes of a source at once, as one 64-bit word: the encoding check, which every file
/// gets, skips a word of plain ASCII per step where a byte per step cost a comparison and a
/// branch each. Byte `i` of the text is bits `8i ..< 8i + 8` of the word, whatever the
/// machine's byte order.
enum ByteWords {
    /// The eight bytes at `offset` (the buffer must hold them).
    @inline(__always)
    static func load(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        guard let base = buffer.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of every byte of `word` that is zero, and no other bit (exact: no
    /// borrow crosses from one byte to the next).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }

    /// The high bit of every byte of `word` that continues a multi-byte UTF-8 character
    /// (`10xxxxxx`), and no other bit: each byte's bit 6, shifted onto its bit 7, must be clear.
    @inline(__always)
    static func continuationBytes(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & highBits
    }
}
