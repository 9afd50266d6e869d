// The object layer of a PDF file: numbered objects, the cross-reference table and the trailer.
//
// A reader finds every object through the byte offsets in the `xref` table, so the table is
// computed from the bytes actually written, never estimated. The file stays ASCII (no binary
// comment line after the header, every string and stream written with escapes or in hex), so a
// PDF fits in the `String` every other render returns and its offsets are its UTF-8 offsets.

/// A PDF 1.4 file under construction: objects are numbered in the order they are added.
struct PDFDocument {
    /// The body of each object (what goes between `N 0 obj` and `endobj`), by number − 1.
    private(set) var objects: [String] = []

    /// Reserves the next object number, for an object that must be referred to before its body
    /// is known (the page tree refers to the page, which refers back to the tree).
    mutating func reserve() -> Int {
        objects.append("null")
        return objects.count
    }

    /// Adds an object and returns its number.
    @discardableResult
    mutating func add(_ body: String) -> Int {
        objects.append(body)
        return objects.count
    }

    mutating func set(_ number: Int, _ body: String) {
        objects[number - 1] = body
    }

    /// A stream object: its dictionary gets the exact `/Length` of the (ASCII) data.
    static func stream(_ data: String, dictionary: String = "") -> String {
        let extra = dictionary.isEmpty ? "" : " " + dictionary
        return "<< /Length \(data.utf8.count)\(extra) >>\nstream\n" + data + "\nendstream"
    }

    /// The whole file: header, objects, cross-reference table, trailer. `trailer` holds the
    /// entries besides `/Size` (`/Root`, `/Info`, `/ID`).
    func serialized(trailer: String) -> String {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        offsets.reserveCapacity(objects.count)
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n"
            out += body
            out += "\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n"
        // Each entry is exactly 20 bytes: ten-digit offset, five-digit generation, type, space, newline.
        out += "0000000000 65535 f \n"
        for offset in offsets {
            out += Self.padded(offset, width: 10) + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return out
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
