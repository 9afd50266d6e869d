import BatonSyntax

/// The part of a source line a diagnostic shows: the whole line when it is short, else a window
/// of at most `width` columns around where the span starts.
///
/// It is cut when the report is built, not when it is printed: every report holds one per
/// diagnostic, and a copy of a megabyte-long line per diagnostic is what made a report of a few
/// thousand errors take gigabytes (and its text output grow with the square of the line length).
public struct SourceExcerpt: Hashable, Sendable {
    /// Columns shown at most: about a terminal's width.
    public static let width = 120
    /// Columns kept before the span's start when the line is cut there, so the caret has some
    /// context to its left.
    static let lead = 40

    /// The shown part of the line as written (`TextReporter` makes it printable).
    public var text: String
    /// The 1-based column of `text`'s first scalar in the line.
    public var firstColumn: Int
    /// Whether the line goes on before `text` / after it.
    public var isCutBefore: Bool
    public var isCutAfter: Bool

    public init(text: String, firstColumn: Int = 1, isCutBefore: Bool = false, isCutAfter: Bool = false) {
        self.text = text
        self.firstColumn = firstColumn
        self.isCutBefore = isCutBefore
        self.isCutAfter = isCutAfter
    }

    /// The excerpt of a 1-based `line` of `source` for a span that starts at byte `offset`.
    /// Columns count scalars, as `SourceFile.location(of:)` does.
    public init(_ source: SourceFile, line: Int, around offset: Int) {
        self.init(source, line: line, around: offset, lineIndex: -1)
    }

    /// `lineIndex`: `line` counted from 0 in `source` (see `SourceFile.location(of:from:)`),
    /// when known.
    init(_ source: SourceFile, line: Int, around offset: Int, lineIndex: Int) {
        let range = source.lineRange(line)
        let anchor = min(max(offset, range.lowerBound), range.upperBound)
        var start = Self.step(source.bytes, from: anchor, back: Self.lead, within: range).offset
        let forward = Self.step(source.bytes, from: start, forward: Self.width, within: range)
        // Near the end of the line, use the room left over to show more of what comes before.
        if forward.offset == range.upperBound, forward.steps < Self.width {
            start = Self.step(source.bytes, from: start, back: Self.width - forward.steps, within: range).offset
        }
        var near = lineIndex
        self.init(text: String(decoding: source.bytes[start..<forward.offset], as: UTF8.self),
                  firstColumn: source.location(of: start, from: &near).column,
                  isCutBefore: start > range.lowerBound, isCutAfter: forward.offset < range.upperBound)
    }

    /// Moves `count` scalars back from `offset`, staying inside `range`.
    static func step(_ bytes: [UInt8], from offset: Int, back count: Int, within range: Range<Int>) -> (offset: Int, steps: Int) {
        var offset = offset
        var steps = 0
        while steps < count, offset > range.lowerBound {
            offset -= 1
            while offset > range.lowerBound, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            steps += 1
        }
        return (offset, steps)
    }

    /// Moves `count` scalars forward from `offset`, staying inside `range`.
    static func step(_ bytes: [UInt8], from offset: Int, forward count: Int, within range: Range<Int>) -> (offset: Int, steps: Int) {
        var offset = offset
        var steps = 0
        while steps < count, offset < range.upperBound {
            offset += 1
            while offset < range.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            steps += 1
        }
        return (offset, steps)
    }
}
