/// The edits `TextEdits.apply` has taken in one file, asked whether a new edit overlaps any of
/// them (`TextEdits.overlaps`). Scanning every taken edit for each new one made a design with
/// thousands of fixes quadratic; here a question reads a few neighbours and an answer is kept
/// in about the square root of the edits taken.
///
/// Taken edits never overlap one another, which is what makes neighbours enough. Of the
/// replacements (non-empty spans) that start before an offset, the last one reaches furthest; of
/// those that start at or after it, the first one starts nearest. Insertions (empty spans) are
/// kept apart, so that a run of them between two replacements is never walked through.
struct TakenEdits {
    /// The edits, in the order taken.
    private(set) var edits: [TextEdit] = []
    private var replacements = SortedChunks<Replacement>()
    private var insertions = SortedChunks<Int>()

    /// A replacement's span, ordered by start (then end).
    private struct Replacement: Comparable {
        var start: Int
        var end: Int

        static func < (a: Replacement, b: Replacement) -> Bool {
            (a.start, a.end) < (b.start, b.end)
        }
    }

    /// Whether `span` overlaps a taken edit: shares a byte with a replacement, inserts strictly
    /// inside one or where another insertion is, or (a replacement) has an insertion strictly
    /// inside it.
    func overlaps(_ span: Span) -> Bool {
        let start = span.start
        let end = span.end
        // Any replacement starting before `start` reaches past it only if the last one does.
        if let before = replacements.last(below: Replacement(start: start, end: start)), before.end > start { return true }
        if span.isEmpty { return insertions.first(atLeast: start) == start }
        if let after = replacements.first(atLeast: Replacement(start: start, end: start)), after.start < end { return true }
        if let inside = insertions.first(atLeast: start + 1), inside < end { return true }
        return false
    }

    /// Records `edit` as taken; it must overlap no taken edit.
    mutating func take(_ edit: TextEdit) {
        edits.append(edit)
        let span = edit.span
        if span.isEmpty {
            insertions.insert(span.start)
        } else {
            replacements.insert(Replacement(start: span.start, end: span.end))
        }
    }
}

/// Values in ascending order, in chunks of a few hundred: an insertion anywhere moves one
/// chunk's elements, not all of them, and a search is a binary search over the chunks' last
/// elements, then within one chunk.
struct SortedChunks<Element: Comparable> {
    private var chunks: [[Element]] = []
    /// A chunk that grows past twice this many elements is split in two.
    private static var chunkSize: Int { 256 }

    /// The least element that is not less than `value`.
    func first(atLeast value: Element) -> Element? {
        let index = chunkIndex(notBefore: value)
        guard index < chunks.count else { return nil }
        let chunk = chunks[index]
        return chunk[Self.lowerBound(of: value, in: chunk)]
    }

    /// The greatest element less than `value`.
    func last(below value: Element) -> Element? {
        let index = chunkIndex(notBefore: value)
        if index < chunks.count {
            let chunk = chunks[index]
            let position = Self.lowerBound(of: value, in: chunk)
            if position > 0 { return chunk[position - 1] }
        }
        guard index > 0 else { return nil }
        return chunks[index - 1].last
    }

    mutating func insert(_ value: Element) {
        guard !chunks.isEmpty else {
            chunks = [[value]]
            return
        }
        let index = min(chunkIndex(notBefore: value), chunks.count - 1)
        let position = Self.lowerBound(of: value, in: chunks[index])
        chunks[index].insert(value, at: position)
        if chunks[index].count > 2 * Self.chunkSize {
            let tail = Array(chunks[index][Self.chunkSize...])
            chunks[index].removeSubrange(Self.chunkSize...)
            chunks.insert(tail, at: index + 1)
        }
    }

    /// The first chunk whose last element is not less than `value` (`chunks.count` if none is).
    private func chunkIndex(notBefore value: Element) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let middle = (low + high) / 2
            let chunk = chunks[middle]
            if chunk[chunk.count - 1] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first position in `chunk` whose element is not less than `value`.
    private static func lowerBound(of value: Element, in chunk: [Element]) -> Int {
        var low = 0
        var high = chunk.count
        while low < high {
            let middle = (low + high) / 2
            if chunk[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
