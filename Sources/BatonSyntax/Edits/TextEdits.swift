/// Applies text edits to one file's bytes.
public enum TextEdits {
    /// The result of applying a set of fixes to one file.
    public struct Applied: Hashable, Sendable {
        public var bytes: [UInt8]
        /// The fixes that were applied, in the order given.
        public var applied: [Fix]
        /// Fixes left out because one of their edits overlapped an edit already taken (run
        /// again to apply them to the new text, as `check --fix` does).
        public var skipped: [Fix]
    }

    /// Applies every fix whose edits in `file` overlap none already taken, first come first
    /// served; edits of other files are ignored. A fix is taken whole or not at all, so a
    /// half-applied fix never leaves a design that means something else.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8], file: FileID) -> Applied {
        var taken: [TextEdit] = []
        var applied: [Fix] = []
        var skipped: [Fix] = []
        for fix in fixes {
            let edits = fix.edits.filter { $0.span.file == file }
            guard !edits.isEmpty else { continue }
            let fits = edits.allSatisfy { edit in
                edit.span.start >= 0 && edit.span.end <= bytes.count
                    && !taken.contains { overlaps($0.span, edit.span) }
            } && !selfOverlapping(edits)
            if fits {
                taken += edits
                applied.append(fix)
            } else {
                skipped.append(fix)
            }
        }
        // Apply from the end, so earlier offsets stay valid.
        var result = bytes
        for edit in taken.sorted(by: { ($0.span.start, $0.span.end) > ($1.span.start, $1.span.end) }) {
            result.replaceSubrange(edit.span.start..<edit.span.end, with: Array(edit.replacement.utf8))
        }
        return Applied(bytes: result, applied: applied, skipped: skipped)
    }

    /// Two edits conflict when their ranges share a byte, or when both insert at the same
    /// offset (their order would be a guess).
    static func overlaps(_ a: Span, _ b: Span) -> Bool {
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        if a.isEmpty { return a.start > b.start && a.start < b.end }
        if b.isEmpty { return b.start > a.start && b.start < a.end }
        return a.start < b.end && b.start < a.end
    }

    private static func selfOverlapping(_ edits: [TextEdit]) -> Bool {
        let sorted = edits.sorted(by: TextEdit.sourceOrder)
        for index in sorted.indices.dropFirst() where overlaps(sorted[index - 1].span, sorted[index].span) {
            return true
        }
        return false
    }
}
