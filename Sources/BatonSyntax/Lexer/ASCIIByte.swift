/// The ASCII bytes Baton's words are made of, for every reader of raw bytes in this module: the
/// lexer (names, numbers, units) and the cuts of a parse in parts (`PartParse`), which must
/// agree with it on where a word ends. (Letters beyond ASCII are the lexer's own business: it
/// decodes them.)
enum ASCIIByte {
    /// `A`–`Z` or `a`–`z`: setting bit 5 folds the capitals onto the small letters, and no
    /// other byte onto them.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    /// `0`–`9`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// What may begin an ASCII name: a letter or `_`.
    @inline(__always)
    static func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

    /// What may follow the first letter of an ASCII name: a letter, a digit or `_`.
    @inline(__always)
    static func isNameContinue(_ byte: UInt8) -> Bool { isIn(byte, low: digits, high: lettersAndUnderscore) }

    /// A byte of a word inside brackets (`at-least-once`): what continues a name, or `-`.
    @inline(__always)
    static func isNameContinueOrDash(_ byte: UInt8) -> Bool { isIn(byte, low: digits | dash, high: lettersAndUnderscore) }

    // Sets of ASCII bytes as two words of bits, one per half of ASCII: a lookup is a shift and a
    // mask, where the three range tests of `isNameContinue` took about nine instructions for
    // each byte of every name.
    /// `0`–`9` (48–57) in the low half.
    private static let digits: UInt64 = 0x03FF_0000_0000_0000
    /// `-` (45) in the low half.
    private static let dash: UInt64 = 0x0000_2000_0000_0000
    /// `A`–`Z` (65–90), `_` (95) and `a`–`z` (97–122) in the high half.
    private static let lettersAndUnderscore: UInt64 = 0x07FF_FFFE_87FF_FFFE

    @inline(__always)
    private static func isIn(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        guard byte < 0x80 else { return false }
        return ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }
}
