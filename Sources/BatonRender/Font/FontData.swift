/// The bytes of a font file, read big-endian with every offset checked: a read outside the
/// file throws instead of trapping, so a truncated or hostile table is a `FontError`.
struct FontData: Sendable {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func u8(_ at: Int) throws(FontError) -> Int {
        guard at >= 0, at < bytes.count else { throw FontError("a table reaches past the end of the file (byte \(at))") }
        return Int(bytes[at])
    }

    func u16(_ at: Int) throws(FontError) -> Int {
        guard at >= 0, at <= bytes.count - 2 else { throw FontError("a table reaches past the end of the file (byte \(at))") }
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    func i16(_ at: Int) throws(FontError) -> Int {
        Int(Int16(truncatingIfNeeded: try u16(at)))
    }

    func i8(_ at: Int) throws(FontError) -> Int {
        Int(Int8(truncatingIfNeeded: try u8(at)))
    }

    func u32(_ at: Int) throws(FontError) -> Int {
        guard at >= 0, at <= bytes.count - 4 else { throw FontError("a table reaches past the end of the file (byte \(at))") }
        return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    /// A 2.14 fixed-point number (a composite glyph's scale).
    func f2dot14(_ at: Int) throws(FontError) -> Double {
        Double(try i16(at)) / 16384
    }

    /// Whether `length` bytes from `offset` lie inside the file.
    func contains(_ offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }
}
