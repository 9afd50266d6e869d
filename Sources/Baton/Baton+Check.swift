import BatonCheck
import BatonModel
import BatonSyntax

extension Baton {
    /// Where the project lives, for SARIF's `informationUri`.
    public static let informationURI = "https://github.com/baton-lang/baton"

    /// Compile errors, or the lint findings of every enabled rule (see `Checker.check`; `threads`
    /// > 1 runs the rules of a large design side by side, with the same result).
    public static func check(_ compilation: Compilation, configuration: Configuration = .defaults, threads: Int = 1) -> [Diagnostic] {
        Checker.check(compilation, configuration: configuration, threads: threads)
    }
}

extension Baton {
    /// Where a diagnostic code is explained: a rule's section of docs/rules.md, or the compile
    /// errors of docs/language.md; nil for a code documented nowhere. Editors link a diagnostic's
    /// code there (LSP `codeDescription.href`).
    public static func documentationURI(forCode code: String) -> String? {
        let base = informationURI + "/blob/main/docs/"
        if Rules.descriptors.contains(where: { $0.id == code }) { return base + "rules.md#" + code }
        if CompileError.isCompileError(code) { return base + "language.md#15-compile-errors" }
        return nil
    }
}
