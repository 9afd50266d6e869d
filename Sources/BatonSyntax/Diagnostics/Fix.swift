/// A change that resolves a diagnostic: a title people read ("add backoff=exponential and
/// jitter"), how much it changes the design, and the text edits that make it.
///
/// Fixes are plain values carried by a `Diagnostic`; `baton check --fix`, `--diff`, the JSON and
/// SARIF reports and the language server's code actions all read the same ones.
public struct Fix: Hashable, Sendable {
    /// Whether applying a fix keeps what the design means.
    public enum Safety: String, Hashable, Sendable, CaseIterable {
        /// Keeps the design's meaning (removing an unused suppression): `check --fix` applies it.
        case safe
        /// Changes the design (adds a retry policy, a breaker, a suppression): applied only with
        /// `--unsafe-fixes`, or chosen by hand in an editor.
        case unsafe
    }

    /// What the fix does, as an imperative sentence without a final period.
    public var title: String
    /// Non-overlapping edits, all in files of the same compilation, in source order; the one
    /// edit nearly every fix has is held inline (see `FixEdits`).
    public var edits: FixEdits
    // The two one-byte fields sit together after the edits, so a fix takes 48 bytes, not 56.
    public var safety: Safety
    /// Whether the fix adds a `# baton:ignore` comment instead of changing the design. A
    /// suppression records a decision only a person can make, so `check --fix` and
    /// `--unsafe-fixes` never apply one; editors offer it as a quick fix.
    public var isSuppression: Bool

    public init(_ title: String, safety: Safety, edits: [TextEdit], isSuppression: Bool = false) {
        self.init(title, safety: safety, edits: FixEdits(edits), isSuppression: isSuppression)
    }

    /// A fix of one edit, the usual case, made without an array to hold it.
    public init(_ title: String, safety: Safety, edit: TextEdit, isSuppression: Bool = false) {
        self.init(title, safety: safety, edits: FixEdits(edit), isSuppression: isSuppression)
    }

    /// The edits are kept in source order whatever order they were given in (`FixEdits`).
    public init(_ title: String, safety: Safety, edits: FixEdits, isSuppression: Bool = false) {
        self.title = title
        self.edits = edits
        self.safety = safety
        self.isSuppression = isSuppression
    }
}

/// Replace the bytes of `span` with `replacement` (an empty span inserts, an empty replacement
/// deletes).
public struct TextEdit: Hashable, Sendable {
    // The text before the span: a span (12 bytes, aligned to 4) first left 4 bytes of padding
    // before the text, so an edit took 32 bytes; now 28, and a fix holding one 48, not 56.
    public var replacement: String
    public var span: Span

    public init(_ span: Span, _ replacement: String) {
        self.span = span
        self.replacement = replacement
    }

    /// Insert `text` at `offset` of `file`.
    public static func insert(_ text: String, at offset: Int, in file: FileID) -> TextEdit {
        TextEdit(Span(file: file, start: offset, end: offset), text)
    }

    public static func sourceOrder(_ lhs: TextEdit, _ rhs: TextEdit) -> Bool {
        Span.sourceOrder(lhs.span, rhs.span)
    }
}
