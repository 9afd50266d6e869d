import BatonModel
import BatonSyntax

/// A lint rule: its descriptor (what it is, why it exists, how it is configured, its examples)
/// and a pure function from the checked model to findings.
///
/// Rules do not decide their severity, nor whether a finding is suppressed: the `Checker` does,
/// from the configuration and the source's `# baton:ignore` comments.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
    func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding]
}

/// One problem a rule found: where the statement that should change is, what is wrong (naming
/// every participant involved and the numbers that decide), related places, and how to fix it.
public struct Finding: Hashable, Sendable {
    public var span: Span
    /// Set by the `Checker`: the diagnostic's `suppressionLineStart`, -1 for none (an optional
    /// would take 8 bytes after the span where this takes the 4 it leaves: 64 bytes a finding).
    var suppressionLineStart: Int32 = -1
    public var message: String
    public var notes: [Diagnostic.Note]
    /// Always set (an optional so that it moves into a `Diagnostic`'s as it is).
    public var help: String?
    /// Edits that resolve it (the rule's descriptor documents which fixes it offers).
    public var fixes: [Fix]

    /// The message and the help are written like strings; each is kept at its exact size
    /// (`FindingText`).
    public init(at span: Span, _ message: FindingText, notes: [Diagnostic.Note] = [], help: FindingText, fixes: [Fix] = []) {
        self.span = span
        self.message = message.string
        self.notes = notes
        self.help = help.string
        self.fixes = fixes
    }

    /// A finding that holds nothing counted (empty texts and arrays), left where findings
    /// were moved from (`Array.fitRoom(leaving:)`).
    static let placeholder = Finding(at: Span(file: FileID(0), start: 0, end: 0), "", help: "")

    /// Orders one rule's findings: by span, then message (a diagnostic's order with the code
    /// left out, since they share it). `a[i]` and `b[j]` are read field by field where they
    /// are: handing a finding on whole copies it, retaining and releasing its texts.
    static func sourceOrder(_ a: UnsafeBufferPointer<Finding>, _ i: Int, _ b: UnsafeBufferPointer<Finding>, _ j: Int) -> Bool {
        let left = a[i].span, right = b[j].span
        if left != right { return Span.sourceOrder(left, right) }
        return a[i].message < b[j].message
    }

    /// Whether no finding goes before the one before it, so that sorting them (stably) by
    /// `sourceOrder` would change nothing.
    static func areInSourceOrder(_ findings: [Finding]) -> Bool {
        findings.withUnsafeBufferPointer { buffer in
            !buffer.indices.dropFirst().contains { sourceOrder(buffer, $0, buffer, $0 - 1) }
        }
    }

    /// The finding as a diagnostic of rule `code`, made where the finding is (`Checker.merged`):
    /// its texts and arrays are swapped into the diagnostic, and it is left holding empty ones.
    /// Swapped, since passing them on retained each (for the diagnostic) and released it (with
    /// the finding), and help texts are shared by many findings on every thread.
    mutating func takeDiagnostic(code: String, severity: Severity) -> Diagnostic {
        var diagnostic = Diagnostic(code: code, severity: severity, message: "", span: span)
        if suppressionLineStart >= 0 { diagnostic.suppressionLineStart = suppressionLineStart }
        swap(&diagnostic.message, &message)
        swap(&diagnostic.notes, &notes)
        swap(&diagnostic.help, &help)
        swap(&diagnostic.fixes, &fixes)
        return diagnostic
    }
}
