/// One source text, kept as raw UTF-8 bytes, with a table of line starts.
///
/// The bytes are kept exactly as read (even when they are not valid UTF-8) so that spans are
/// stable byte offsets; text is decoded lazily and leniently when a line is printed.
public struct SourceFile: Sendable {
    public let id: FileID
    /// The path as the user named it (relative paths stay relative: they are printed).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(id: FileID, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public init(id: FileID, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    /// 1-based line and column of a byte offset; columns count Unicode scalar values.
    public func location(of offset: Int) -> SourcePosition {
        let offset = min(max(0, offset), bytes.count)
        let lineIndex = lineIndex(containing: offset)
        let column = Self.scalarCount(bytes, from: lineStarts[lineIndex], to: offset) + 1
        return SourcePosition(line: lineIndex + 1, column: column)
    }

    /// The text of a 1-based line, without its line terminator; invalid bytes become U+FFFD.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }

    /// The source text of a span, decoded leniently.
    public func text(of span: Span) -> String {
        let start = min(max(0, span.start), bytes.count)
        let end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Counts scalars the way a lenient decoder would: every lead byte or stray byte is one.
    static func scalarCount(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}

/// A 1-based line and column (in Unicode scalars).
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}
