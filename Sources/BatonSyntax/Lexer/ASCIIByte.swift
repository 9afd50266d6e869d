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
    static func isNameContinue(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
}
