import BatonSyntax

/// Converts between Baton's UTF-8 byte offsets and LSP positions (line, character) in either
/// encoding, over one text.
///
/// Lines end at `\n` (a `\r` before it belongs to the terminator), as in `SourceFile`. A
/// character is counted in UTF-8 bytes or UTF-16 code units; bytes that are not valid UTF-8
/// count as one unit each, the U+FFFD an editor shows for them. Positions past the end of a
/// line or the text are clamped, as the protocol asks.
public struct LineIndex: Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// Reuses the line table a compilation already built.
    public init(source: SourceFile) {
        self.bytes = source.bytes
        self.lineStarts = source.lineStarts
    }

    public var lineCount: Int { lineStarts.count }

    /// The line (zero-based) that contains `offset`.
    public func line(containing offset: Int) -> Int {
        SourceFile.line(containing: min(max(0, offset), bytes.count), lineStarts: lineStarts)
    }

    /// Where a line's content ends: before its `\n` (and a `\r` before that).
    public func lineEnd(_ line: Int) -> Int {
        guard line >= 0, line < lineStarts.count else { return bytes.count }
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    public func position(of offset: Int, encoding: PositionEncoding) -> Position {
        let offset = min(max(0, offset), bytes.count)
        let line = line(containing: offset)
        let start = lineStarts[line]
        switch encoding {
        case .utf8:
            return Position(line: line, character: offset - start)
        case .utf16:
            var units = 0
            var index = start
            while index < offset {
                let length = Self.sequenceLength(bytes, at: index)
                units += length == 4 ? 2 : 1
                index += length
            }
            return Position(line: line, character: units)
        }
    }

    /// The byte offset of a position; a line past the end is the end of the text, a character
    /// past the end of its line is the end of the line, and one inside a character moves to its
    /// start.
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[max(0, position.line)]
        let end = lineEnd(max(0, position.line))
        switch encoding {
        case .utf8:
            var offset = min(start + max(0, position.character), end)
            // Not inside a multi-byte character.
            while offset > start, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        case .utf16:
            var units = 0
            var index = start
            while index < end {
                let length = Self.sequenceLength(bytes, at: index)
                let width = length == 4 ? 2 : 1
                if units + width > position.character { break }
                units += width
                index += length
            }
            return min(index, end)
        }
    }

    /// The length of the UTF-8 sequence at `index`, 1 for a byte that starts none (decoded as
    /// U+FFFD on its own).
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return 1
        }
        guard index + length <= bytes.count else { return 1 }
        for next in (index + 1)..<(index + length) where bytes[next] & 0xC0 != 0x80 { return 1 }
        return length
    }
}

/// A `LineIndex` with the encoding the client negotiated: what every feature uses to turn a
/// span into an LSP range and a request's position into a `Cursor`.
public struct PositionConverter: Sendable {
    public let index: LineIndex
    public let encoding: PositionEncoding

    public init(_ index: LineIndex, encoding: PositionEncoding) {
        self.index = index
        self.encoding = encoding
    }

    public init(source: SourceFile, encoding: PositionEncoding) {
        self.init(LineIndex(source: source), encoding: encoding)
    }

    public init(bytes: [UInt8], encoding: PositionEncoding) {
        self.init(LineIndex(bytes: bytes), encoding: encoding)
    }

    public func position(of offset: Int) -> Position { index.position(of: offset, encoding: encoding) }

    public func offset(of position: Position) -> Int { index.offset(of: position, encoding: encoding) }

    public func range(of span: Span) -> TextRange {
        TextRange(start: position(of: span.start), end: position(of: span.end))
    }

    /// The byte span of a range in `file` (its end never before its start).
    public func span(of range: TextRange, in file: FileID) -> Span {
        Span(file: file, start: offset(of: range.start), end: offset(of: range.end))
    }

    /// The range of the whole text.
    public var wholeText: TextRange {
        TextRange(start: Position(line: 0, character: 0), end: position(of: index.bytes.count))
    }
}
