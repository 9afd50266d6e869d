import BatonSyntax

/// Converts byte offsets that come mostly in increasing order (the diagnostics of a file, in
/// source order) to positions, each continuing from where the last one stopped: the same
/// answers as `LineIndex.position(of:encoding:)`, without searching the line table again for
/// a position on the same line, nor counting a line's UTF-16 units from its start again.
struct PositionCursor {
    let index: LineIndex
    let encoding: PositionEncoding
    /// The line of the last position.
    private var line = 0
    /// How far the counting of that line got: a character boundary at or after the last
    /// offset, and the line's units before it.
    private var reached = 0
    private var units = 0

    init(_ index: LineIndex, encoding: PositionEncoding) {
        self.index = index
        self.encoding = encoding
    }

    mutating func position(of offset: Int) -> Position {
        let bytes = index.bytes
        let starts = index.lineStarts
        let offset = min(max(0, offset), bytes.count)
        let nextLine = line + 1 < starts.count ? starts[line + 1] : Int.max
        // Another line: found by a search. Earlier on this line than the last offset: counted
        // again from the line's start. Else the counting goes on from where it stopped (an
        // offset between the last one and `reached` has the same answer: no character
        // boundary lies between them).
        if offset < starts[line] || offset >= nextLine {
            line = index.line(containing: offset)
            reached = starts[line]
            units = 0
        } else if offset < previous {
            reached = starts[line]
            units = 0
        }
        previous = offset
        switch encoding {
        case .utf8:
            return Position(line: line, character: offset - starts[line])
        case .utf16:
            while reached < offset {
                let length = LineIndex.sequenceLength(bytes, at: reached)
                units += length == 4 ? 2 : 1
                reached += length
            }
            return Position(line: line, character: units)
        }
    }

    /// The last offset converted.
    private var previous = 0
}
