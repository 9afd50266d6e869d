import BatonSyntax
import Foundation

extension Checker {
    /// Designs with at least this many findings have them merged in pieces on two threads
    /// (`merged(_:threads:first:)`); with fewer, a thread would cost more than it saves.
    static let piecewiseMergeThreshold = 4_096

    /// How many pieces the lists are cut into when they are merged on two threads: enough that
    /// a thread that starts late (see `first`) still takes its share.
    static let mergePieces = 8

    /// The rules' lists, each in source order, merged into one in source order, ties in the
    /// lists' order: the stable sort of the lists' diagnostics one after another, which the
    /// rules' threads sorted a part each of. Sorting the joined lists on one thread took a
    /// tenth of a large design's check (its findings come rule by rule, so nearly every one
    /// moved, far away).
    ///
    /// Each list is emptied into the result: the result is filled from the back, with the last
    /// finding of the list whose last one goes last, made a diagnostic where it is (its texts
    /// and arrays moved into the diagnostic), which neither copies a finding nor retains its
    /// texts. So the findings are never in memory twice. (The finding is left with empty texts
    /// until its list goes.)
    ///
    /// With `threads` > 1 and many findings, the lists are cut into pieces at spans taken from
    /// the longest list, evenly along it: every finding before such a span goes before every
    /// finding at or after it, so each piece, merged alone, is exactly its part of the one
    /// merge's result. Each list is cut by binary search (it is in source order), and two
    /// threads take the pieces one after another, each merging into the piece's part of the
    /// result. `first` is work the other thread does before it takes any (a check hands the
    /// pages of the rules' context, freed just before, back to the system): this thread
    /// meanwhile merges alone. With one thread, `first` is done before the merge.
    static func merged(_ lists: inout [RuleFindings], threads: Int = 1, first: (@Sendable () -> Void)? = nil) -> [Diagnostic] {
        let total = lists.reduce(0) { $0 + $1.findings.count }
        let cuts = threads > 1 && total >= piecewiseMergeThreshold ? cutSpans(of: lists) : []
        // The lists' arrays are taken out of `lists` and held while their memory is merged
        // from; they go, their findings emptied, when the merge is done.
        var arrays = [[Finding]](repeating: [], count: lists.count)
        for index in lists.indices { swap(&arrays[index], &lists[index].findings) }
        let codes = lists.map(\.code)
        let severities = lists.map(\.severity)
        var buffers: [UnsafeMutableBufferPointer<Finding>] = []
        return withBuffers(of: &arrays, taken: &buffers) { buffers in
            Array(unsafeUninitializedCapacity: total) { result, initialized in
                let whole = buffers.map { Remaining(buffer: $0, start: 0, end: $0.count) }
                // One piece when there are no cuts.
                let pieces = Self.pieces(of: whole, at: cuts, codes: codes, severities: severities, into: result)
                if threads <= 1 || (pieces.count == 1 && first == nil) {
                    first?()
                    for piece in pieces { piece.merge() }
                } else {
                    let queue = PieceQueue(count: pieces.count)
                    _ = Concurrently.both({ queue.mergeEach(of: pieces) }, {
                        first?()
                        queue.mergeEach(of: pieces)
                    })
                }
                initialized = total
            }
        }
    }

    /// `lists` cut at `cuts` (increasing spans), each piece with its part of `result` (one
    /// piece, all of it, when there are no cuts).
    private static func pieces(of lists: [Remaining], at cuts: [Span], codes: [String], severities: [Severity],
                               into result: UnsafeMutableBufferPointer<Diagnostic>) -> [Piece] {
        var pieces: [Piece] = []
        var from = lists
        var offset = 0
        for cut in cuts + [nil] {
            var piece = from
            for index in lists.indices {
                let end = cut.map { firstIndex(atOrAfter: $0, in: lists[index].buffer) } ?? lists[index].buffer.count
                piece[index].end = end
                from[index].start = end
            }
            let count = piece.reduce(0) { $0 + $1.end - $1.start }
            pieces.append(Piece(lists: piece, codes: codes, severities: severities,
                                result: UnsafeMutableBufferPointer(rebasing: result[offset..<(offset + count)])))
            offset += count
        }
        return pieces
    }

    /// Where to cut the lists: the spans of the longest list's findings at each
    /// `mergePieces`-th of its length (the same span more than once leaves a piece empty).
    private static func cutSpans(of lists: [RuleFindings]) -> [Span] {
        guard let longest = lists.max(by: { $0.findings.count < $1.findings.count }), longest.findings.count >= mergePieces
        else { return [] }
        let count = longest.findings.count
        return (1..<mergePieces).map { longest.findings[count * $0 / mergePieces].span }
    }

    /// One piece of a merge: its lists' findings and the part of the result they fill, touched
    /// by the thread that took the piece alone.
    private struct Piece: @unchecked Sendable {
        let lists: [Remaining]
        /// Each list's rule and severity.
        let codes: [String]
        let severities: [Severity]
        let result: UnsafeMutableBufferPointer<Diagnostic>

        func merge() {
            Checker.merge(lists, codes: codes, severities: severities, into: result)
        }
    }

    /// The pieces not yet taken: each thread takes the next one until none is left.
    private final class PieceQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int

        init(count: Int) {
            self.count = count
        }

        /// Merges the pieces this thread takes, one after another.
        func mergeEach(of pieces: [Piece]) {
            while let index = take() { pieces[index].merge() }
        }

        private func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// What is left to merge of one list: `buffer[start..<end]`, taken from the end.
    private struct Remaining {
        let buffer: UnsafeMutableBufferPointer<Finding>
        var start: Int
        var end: Int

        var isEmpty: Bool { end <= start }
        /// The span of the last finding left (the list is not empty).
        var lastSpan: Span { buffer[end - 1].span }
    }

    /// `lists` merged into `result`, which they fill exactly (see `merged`). The lists that
    /// still have findings are kept in the order of their last findings, so the next one is
    /// always at the end; a list whose new last finding goes before others' is moved to its
    /// place by binary search. (Comparing every list's last finding for each one taken was a
    /// sixth of the merge.)
    private static func merge(_ lists: [Remaining], codes: [String], severities: [Severity],
                              into result: UnsafeMutableBufferPointer<Diagnostic>) {
        var lists = lists
        var end = result.count
        // Each list's last finding's span: the findings themselves are compared only at the
        // same span.
        var tails = lists.map { $0.isEmpty ? Span(file: FileID(0), start: 0, end: 0) : $0.lastSpan }
        // Whether the last finding of list `a` goes after that of list `b`: a later list's
        // finding at the same place, with the same code and message, goes after an earlier
        // list's.
        func goesLast(_ a: Int, after b: Int) -> Bool {
            if tails[a] != tails[b] { return Span.sourceOrder(tails[b], tails[a]) }
            if goesAfter(a, than: b, lists, codes) { return true }
            return !goesAfter(b, than: a, lists, codes) && a > b
        }
        var open = lists.indices.filter { !lists[$0].isEmpty }
        open.sort { goesLast($1, after: $0) }
        while let list = open.popLast() {
            end -= 1
            lists[list].end -= 1
            // Made where the finding is, which is left with empty texts and arrays until its
            // list goes (moving it out would leave its place to fill with another).
            result.initializeElement(at: end, to: lists[list].buffer[lists[list].end].takeDiagnostic(
                code: codes[list], severity: severities[list]))
            guard !lists[list].isEmpty else { continue }
            tails[list] = lists[list].lastSpan
            // Its place: after every list whose last finding goes before its own.
            var low = 0, high = open.count
            while low < high {
                let middle = (low + high) / 2
                if goesLast(list, after: open[middle]) { low = middle + 1 } else { high = middle }
            }
            open.insert(list, at: low)
        }
    }

    /// Whether the last finding of list `a` goes strictly after that of list `b` (both lists
    /// have findings, their last ones at the same span): by code, then message.
    private static func goesAfter(_ a: Int, than b: Int, _ lists: [Remaining], _ codes: [String]) -> Bool {
        if codes[a] != codes[b] { return codes[b] < codes[a] }
        return Finding.sourceOrder(UnsafeBufferPointer(lists[b].buffer), lists[b].end - 1,
                                   UnsafeBufferPointer(lists[a].buffer), lists[a].end - 1)
    }

    /// The index of the first finding of `findings` (in source order) at or after `span`.
    private static func firstIndex(atOrAfter span: Span, in findings: UnsafeMutableBufferPointer<Finding>) -> Int {
        var low = 0, high = findings.count
        while low < high {
            let middle = (low + high) / 2
            if Span.sourceOrder(findings[middle].span, span) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `body` given the memory of each of `arrays`, in order, for as long as it runs: each
    /// array is taken out of `arrays` and lends its memory in a call of its own, one inside the
    /// other (`taken` gathers them), and goes when its call returns.
    private static func withBuffers<Result>(of arrays: inout [[Finding]], taken: inout [UnsafeMutableBufferPointer<Finding>],
                                            _ body: ([UnsafeMutableBufferPointer<Finding>]) -> Result) -> Result {
        guard taken.count < arrays.count else { return body(taken) }
        var array = [Finding]()
        swap(&array, &arrays[taken.count])
        return array.withUnsafeMutableBufferPointer { buffer in
            taken.append(buffer)
            return withBuffers(of: &arrays, taken: &taken, body)
        }
    }
}
