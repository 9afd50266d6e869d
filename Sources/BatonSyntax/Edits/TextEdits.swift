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
        var taken = TakenEdits()
        var applied: [Fix] = []
        var skipped: [Fix] = []
        for fix in fixes {
            let edits = fix.edits.filter { $0.span.file == file }
            guard !edits.isEmpty else { continue }
            let fits = edits.allSatisfy { edit in
                edit.span.start >= 0 && edit.span.end <= bytes.count && !taken.overlaps(edit.span)
            } && !selfOverlapping(edits)
            if fits {
                for edit in edits { taken.take(edit) }
                applied.append(fix)
            } else {
                skipped.append(fix)
            }
        }
        return Applied(bytes: rewritten(bytes, with: taken.edits), applied: applied, skipped: skipped)
    }

    /// `bytes` with `edits` (none overlapping) made, in one pass from the start: the text
    /// between them copied, each edit's replacement in its place. An insertion at the offset
    /// where a replacement starts goes before it. (Replacing each in place from the end moved
    /// the rest of the file once per edit: a design with thousands of fixes took seconds.)
    static func rewritten(_ bytes: [UInt8], with edits: [TextEdit]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var copied = 0
        for edit in edits.sorted(by: TextEdit.sourceOrder) {
            result.append(contentsOf: bytes[copied..<edit.span.start])
            result.append(contentsOf: edit.replacement.utf8)
            copied = edit.span.end
        }
        result.append(contentsOf: bytes[copied...])
        return result
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
