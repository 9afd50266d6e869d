/// One source text, kept as raw UTF-8 bytes, with a table of line starts.
///
/// The bytes are kept exactly as read (even when they are not valid UTF-8) so that spans are
/// stable byte offsets; text is decoded lazily and leniently when a line is printed.
///
/// The text may be a piece of a longer document (a ```baton fence in a Markdown page): then
/// `lineOffset` counts the document's lines before it, and every line number in and out —
/// `location(of:)`, `line(of:)`, `lineText(_:)`, `lineRange(_:)` — is the document's.
public struct SourceFile: Sendable {
    public let id: FileID
    /// The path as the user named it (relative paths stay relative: they are printed).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line of `bytes` starts; `lineStarts[0] == 0`. Indexed from 0
    /// whatever `lineOffset` is.
    public let lineStarts: [Int]
    /// Lines of the enclosing document before `bytes` (0 for a file of its own): the first line
    /// of `bytes` is line `lineOffset + 1`. Numbering a fence this way, rather than compiling it
    /// behind one line break per line before it, keeps a page's work in proportion to its size.
    public let lineOffset: Int
    /// The largest `lineOffset`: no document has more lines, and with it no line number can
    /// overflow (a pandoc position is the document's word, and can be forged).
    public static let maximumLineOffset = Int(Int32.max)
    /// Scalars before every `checkpointStride`-th byte: `scalarCheckpoints[k]` counts them in
    /// `bytes[0 ..< k * checkpointStride]`. A column is then a difference of two prefix counts,
    /// each one checkpoint plus at most a stride of bytes, so a lookup costs the same on a
    /// 10 MB line as on a short one (counting from the line start made formatting and checking
    /// quadratic in the number of statements on one line).
    let scalarCheckpoints: [Int]
    static let checkpointStride = 256
    /// Unused entries of the line table below this many are not worth copying it for.
    static let unusedLineStartsWorthACopy = 8_192
    /// Whether every byte starts a scalar (no multi-byte characters: nearly every design).
    /// Then a byte offset is its scalar count and no checkpoint is needed: columns come from
    /// a subtraction, and reporting a hundred thousand findings does not scan their lines.
    let scalarsAreBytes: Bool

    public init(id: FileID, path: String, bytes: [UInt8], lineOffset: Int = 0) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.lineOffset = min(max(0, lineOffset), Self.maximumLineOffset)
        let (starts, continuations) = Self.lineStartsAndContinuations(bytes)
        self.lineStarts = starts
        self.scalarsAreBytes = !continuations
        var checkpoints: [Int] = []
        if continuations {
            checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
            var scalars = 0
            for (offset, byte) in bytes.enumerated() {
                if offset % Self.checkpointStride == 0 { checkpoints.append(scalars) }
                if byte & 0xC0 != 0x80 { scalars += 1 }
            }
            if bytes.count % Self.checkpointStride == 0 { checkpoints.append(scalars) }
        }
        self.scalarCheckpoints = checkpoints
    }

    /// Where each line starts, and whether any byte continues a multi-byte character. Read
    /// eight bytes at a time: a word with no line break and no byte above 0x7F (most of a
    /// design) costs one test, where a byte at a time cost two per byte, and a word with line
    /// breaks gives them from its bits. The table is allocated once at a size that fits a
    /// design's lines, rather than grown by doubling. The
    /// table is kept as long as the file: when a quarter of that room went unused (longer
    /// lines) and that is worth a copy, it is copied at its size (a 4 MB design's lines
    /// averaged 37 bytes: 0.5 MB unused).
    ///
    /// A large file's second half is read on another thread meanwhile (`bothHalvesFrom`): the
    /// table is made before anything else can start, with the other core idle.
    static func lineStartsAndContinuations(_ bytes: [UInt8]) -> (starts: [Int], continuations: Bool) {
        if bytes.count >= bothHalvesFrom {
            let half = bytes.count / 2
            let (front, back) = Concurrently.both({ lineBreaks(in: bytes, 0..<half, room: half / 24 + 2) },
                                                  { lineBreaks(in: bytes, half..<bytes.count, room: (bytes.count - half) / 24 + 1) })
            var starts: [Int] = []
            starts.reserveCapacity(1 + front.starts.count + back.starts.count)
            starts.append(0)
            starts.append(contentsOf: front.starts)
            starts.append(contentsOf: back.starts)
            return (starts, front.continuations || back.continuations)
        }
        let (starts, continuations) = lineBreaks(in: bytes, 0..<bytes.count, room: bytes.count / 24 + 2, first: 0)
        let unused = starts.capacity - starts.count
        guard unused >= unusedLineStartsWorthACopy, unused > starts.capacity / 4 else { return (starts, continuations) }
        return (Array(unsafeUninitializedCapacity: starts.count) { $1 = $0.initialize(fromContentsOf: starts) }, continuations)
    }

    /// Files from this size have their line table made on two threads (the size from which a
    /// parse on several jobs is cut in parts, `PartParse.minimumBytes`): the halves of 1 MB
    /// take about half a millisecond each, against a tenth of that to wake a kept thread
    /// (`WorkerThreads`).
    static let bothHalvesFrom = PartParse.minimumBytes

    /// The offset after each line break in `range` of `bytes` (after `first`, when given), in
    /// an array with room for `room`, and whether a byte there continues a character.
    private static func lineBreaks(in bytes: [UInt8], _ range: Range<Int>, room: Int, first: Int? = nil)
        -> (starts: [Int], continuations: Bool) {
        var starts: [Int] = []
        starts.reserveCapacity(room)
        if let first { starts.append(first) }
        var continuations = false
        bytes.withUnsafeBufferPointer { buffer in
            let end = range.upperBound
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            var offset = range.lowerBound
            while offset + 8 <= end {
                let word = ByteWords.load(buffer, at: offset)
                var breaks = ByteWords.zeroBytes(word ^ newlines)
                if breaks | (word & ByteWords.highBits) != 0 {
                    if ByteWords.continuationBytes(word) != 0 { continuations = true }
                    // Each line break's high bit, lowest first: no test per byte, which missed
                    // its branch at every line break.
                    while breaks != 0 {
                        starts.append(offset + breaks.trailingZeroBitCount >> 3 + 1)
                        breaks &= breaks &- 1
                    }
                }
                offset += 8
            }
            while offset < end {
                let byte = buffer[offset]
                if byte & 0xC0 == 0x80 { continuations = true }
                if byte == 0x0A { starts.append(offset + 1) }
                offset += 1
            }
        }
        return (starts, continuations)
    }

    public init(id: FileID, path: String, text: String, lineOffset: Int = 0) {
        self.init(id: id, path: path, bytes: Array(text.utf8), lineOffset: lineOffset)
    }

    /// 1-based line (the document's) and column of a byte offset; columns count Unicode scalar
    /// values.
    public func location(of offset: Int) -> SourcePosition {
        let offset = min(max(0, offset), bytes.count)
        let lineIndex = lineIndex(containing: offset)
        let column = scalarsBefore(offset) - scalarsBefore(lineStarts[lineIndex]) + 1
        return SourcePosition(line: lineOffset + lineIndex + 1, column: column)
    }

    /// `location(of:)` for offsets met mostly in increasing order, as a report meets its
    /// findings': `line` holds the line index (from 0) of the previous offset, and the line of
    /// this one is looked for from there — a step or two forward rather than a binary search
    /// over every line — then left in `line` for the next. Any `line` gives the same answer.
    public func location(of offset: Int, from line: inout Int) -> SourcePosition {
        let offset = min(max(0, offset), bytes.count)
        let index = lineIndex(containing: offset, from: &line)
        let column = scalarsBefore(offset) - scalarsBefore(lineStarts[index]) + 1
        return SourcePosition(line: lineOffset + index + 1, column: column)
    }

    /// The line index (from 0) holding `offset`, looked for from `line`, the index of an
    /// offset met before (see `location(of:from:)`), and left there. Any `line` gives the same
    /// answer.
    public func lineIndex(containing offset: Int, from line: inout Int) -> Int {
        let offset = min(max(0, offset), bytes.count)
        // The first line starts at 0, so some line always holds the offset.
        return lineStarts.withUnsafeBufferPointer { starts in
            max(0, SortedStarts.lastIndex(atOrBefore: offset, count: starts.count, from: &line) { starts[$0] })
        }
    }

    /// The 1-based line of a byte offset, without the column: a binary search over line starts.
    public func line(of offset: Int) -> Int {
        lineOffset + lineIndex(containing: min(max(0, offset), bytes.count)) + 1
    }

    /// The text of a 1-based line, without its line terminator; invalid bytes become U+FFFD.
    public func lineText(_ line: Int) -> String {
        let range = lineRange(line)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte range of a 1-based line, without its line terminator (`\n` or `\r\n`); empty
    /// at the end of the text for a line outside it.
    public func lineRange(_ line: Int) -> Range<Int> {
        let index = line - lineOffset - 1
        guard index >= 0, index < lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Lines in the text (not counting `lineOffset`).
    public var lineCount: Int { lineStarts.count }

    /// The source text of a span, decoded leniently.
    public func text(of span: Span) -> String {
        let start = min(max(0, span.start), bytes.count)
        let end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func lineIndex(containing offset: Int) -> Int {
        Self.line(containing: offset, lineStarts: lineStarts)
    }

    /// The zero-based line that contains `offset`, in a table of the byte offsets at which
    /// lines start (the first is 0): a binary search. Shared with the language server's line
    /// index, which keeps such a table for each open buffer.
    public static func line(containing offset: Int, lineStarts: [Int]) -> Int {
        var none = -1
        return max(0, SortedStarts.lastIndex(atOrBefore: offset, count: lineStarts.count, from: &none) { lineStarts[$0] })
    }

    /// Scalars in `bytes[0 ..< offset]`, from the nearest checkpoint below it.
    func scalarsBefore(_ offset: Int) -> Int {
        if scalarsAreBytes { return offset }
        let checkpoint = offset / Self.checkpointStride
        return scalarCheckpoints[checkpoint] + Self.scalarCount(bytes, from: checkpoint * Self.checkpointStride, to: offset)
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
