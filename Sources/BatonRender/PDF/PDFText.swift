// Text inside a PDF: strings shown with the standard 14 fonts, and text strings for metadata.
//
// Helvetica and Helvetica-Bold are built into every PDF reader and need no embedding; with
// WinAnsiEncoding they draw the Latin-1 letters plus the typographic marks of Windows-1252
// (curly quotes, dashes, €, …). The layout measures with Liberation Sans, whose advance widths
// are Helvetica's, so lines keep the widths the scene was laid out for. A character outside
// that set is drawn as `?` (a PDF that embedded a font for it would no longer be small and
// self-evident); labels are normalised to composed form first, so `e` + combining acute is `é`.

import Foundation

enum PDFText {
    /// The WinAnsi byte of each character of `line` (a few signs spelled in ASCII, `?` for the
    /// rest of what WinAnsi cannot show).
    static func winAnsi(_ line: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in line.precomposedStringWithCanonicalMapping.unicodeScalars {
            if let byte = winAnsiByte(scalar) {
                bytes.append(byte)
            } else if let spelled = spelledOut[scalar.value] {
                bytes.append(contentsOf: spelled.utf8)
            } else {
                bytes.append(UInt8(ascii: "?"))
            }
        }
        return bytes
    }

    /// `line` as it is drawn: what a PDF reader extracts, and what the anchoring measures.
    static func drawable(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for byte in winAnsi(line) {
            out.append(unicode(ofWinAnsi: byte))
        }
        return String(out)
    }

    /// Signs Baton itself writes into diagrams (`--timing`'s `≤`, arrows in notes) that
    /// WinAnsi lacks, spelled in ASCII rather than lost as `?`.
    static let spelledOut: [UInt32: String] = [
        0x2264: "<=", 0x2265: ">=", 0x2260: "!=", 0x2192: "->", 0x2190: "<-", 0x21D2: "=>",
    ]

    static func winAnsiByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x20...0x7E).contains(value) || (0xA0...0xFF).contains(value) { return UInt8(value) }
        if let index = windows1252.firstIndex(of: value) { return UInt8(0x80 + index) }
        switch value {
        case 0x2010, 0x2011, 0x2012, 0x2212: return UInt8(ascii: "-")  // hyphens and the minus sign
        case 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F: return UInt8(ascii: " ")  // narrow spaces
        default: return nil
        }
    }

    static func unicode(ofWinAnsi byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0, let scalar = Unicode.Scalar(windows1252[Int(byte) - 0x80]), scalar.value != 0 {
            return scalar
        }
        return Unicode.Scalar(byte)
    }

    /// Windows-1252 at 0x80…0x9F (0: unassigned there).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// A literal string `( … )` holding `bytes`: parentheses and backslashes escaped, and every
    /// byte outside printable ASCII written as a three-digit octal escape, so that no label can
    /// end the string early or put a non-ASCII byte into the file.
    static func literal(_ bytes: [UInt8]) -> String {
        var out = "("
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out += "\\"
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20...0x7E:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out + ")"
    }

    /// A text string for the document information (title, subject): UTF-16BE with a byte-order
    /// mark, in hex, so any Unicode title survives in an ASCII file.
    static func textString(_ text: String) -> String {
        var out = "<FEFF"
        for unit in text.utf16 {
            let hex = String(unit, radix: 16, uppercase: true)
            out += String(repeating: "0", count: 4 - hex.count) + hex
        }
        return out + ">"
    }
}
