/// A problem found in the input: a compile error or a lint finding.
///
/// Diagnostics are plain values: every stage returns them instead of throwing, so one run
/// reports as many problems as it can find. Positions are spans (byte offsets); formatters turn
/// them into line:column only when printing.
public struct Diagnostic: Hashable, Sendable {
    /// A stable kebab-case id: a compile-error code (`syntax`, `undeclared-name`, …) or a rule id.
    public var code: String
    public var message: String
    /// Where the statement that should change is.
    public var span: Span
    /// Where the line starts (an offset in the finding's file) above which a `# baton:ignore`
    /// comment suppresses it: the line of the statement it belongs to. Every lint finding
    /// offers that comment as its last fix, unless its statement does not start its line (a
    /// comment above it would name the statement before it too); compile errors cannot be
    /// suppressed. The fix itself is made from this and the line's indentation when asked for
    /// (`allFixes(in:)` in `BatonCheck`), not held by each finding in `fixes`: a large design
    /// has tens of thousands of findings, and few readers want their suppressions.
    public var suppressionLineStart: Int32?
    // After the span and the offset, in the bytes they leave before the next 8-byte field: a
    // diagnostic takes 88 bytes, not 96 (a large design holds a hundred thousand).
    public var severity: Severity
    /// Other places that matter (the first declaration of a duplicate, the other edges of a cycle).
    public var notes: [Note]
    /// How to fix it, in one sentence.
    public var help: String?
    /// Edits that fix it, safest first (`baton check --fix`, code actions in editors); the
    /// suppression every lint finding offers is not among them (see `suppressionLineStart`).
    public var fixes: [Fix]

    public init(code: String, severity: Severity, message: String, span: Span, notes: [Note] = [], help: String? = nil,
                fixes: [Fix] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
        self.fixes = fixes
    }

    public struct Note: Hashable, Sendable {
        public var message: String
        public var span: Span?
        public init(_ message: String, at span: Span? = nil) {
            self.message = message
            self.span = span
        }
    }

    /// Orders diagnostics by file, position, then code and message, so output never depends on
    /// the order in which stages or rules happened to find them.
    public static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.span != rhs.span { return Span.sourceOrder(lhs.span, rhs.span) }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }

    /// `sourceOrder` of `a[i]` and `b[j]`, read field by field where they are: handing a
    /// diagnostic on whole to a function copies it, retaining and releasing each of its texts.
    public static func sourceOrder(_ a: UnsafeBufferPointer<Diagnostic>, _ i: Int,
                                   _ b: UnsafeBufferPointer<Diagnostic>, _ j: Int) -> Bool {
        let left = a[i].span, right = b[j].span
        if left != right { return Span.sourceOrder(left, right) }
        if a[i].code != b[j].code { return a[i].code < b[j].code }
        return a[i].message < b[j].message
    }

    /// Whether no diagnostic goes before the one before it, so that sorting them by
    /// `sourceOrder` (stably) would change nothing.
    public static func areInSourceOrder(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.withUnsafeBufferPointer { buffer in
            !buffer.indices.dropFirst().contains { sourceOrder(buffer, $0, buffer, $0 - 1) }
        }
    }
}

/// The compile-error codes of the language (docs/language.md#15-compile-errors). They are
/// always errors and cannot be configured or suppressed.
public enum CompileError {
    public static let syntax = "syntax"
    public static let undeclaredName = "undeclared-name"
    public static let duplicateDeclaration = "duplicate-declaration"
    public static let unknownAttribute = "unknown-attribute"
    public static let invalidAttributeValue = "invalid-attribute-value"
    public static let misplacedStep = "misplaced-step"
    public static let importNotFound = "import-not-found"
    public static let importCycle = "import-cycle"
    public static let invalidEncoding = "invalid-encoding"
    public static let nestingTooDeep = "nesting-too-deep"
    /// A scenario that cannot run: no duration, a window outside it, a rate or factor out of
    /// range, a fault a participant of that kind cannot have, an ambiguous expectation.
    public static let invalidScenario = "invalid-scenario"

    public static let all: [String] = [
        syntax, undeclaredName, duplicateDeclaration, unknownAttribute, invalidAttributeValue,
        misplacedStep, importNotFound, importCycle, invalidEncoding, nestingTooDeep, invalidScenario,
    ]

    /// Whether `code` is one of `all`. Only codes of the same length are compared, and only
    /// when some code has that length (`lengths`): a report asks this of every warning, and
    /// comparing a rule's code with each of the eleven took about a thousand instructions, then
    /// their lengths alone 240.
    public static func isCompileError(_ code: String) -> Bool {
        let length = code.utf8.count
        guard length < 64, lengths & (1 << UInt64(length)) != 0 else { return false }
        return all.contains { $0.utf8.count == length && $0 == code }
    }

    /// Bit n is set when a code of `all` is n bytes long (each is under 64).
    static let lengths: UInt64 = all.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
}
