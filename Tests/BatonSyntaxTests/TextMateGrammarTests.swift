import BatonTestSupport
import Foundation
import Testing

/// The TextMate grammar that VS Code, Shiki and other TextMate hosts use to colour `.baton`
/// files (`grammar/baton.tmLanguage.json`, see docs/editors.md), checked by
/// `scripts/check-textmate-grammar.py`: it tokenises every sample, the `baton` blocks of the
/// docs and a set of tricky inputs with the PyPI package textmate-grammar-python (Oniguruma, the
/// regex engine of VS Code and Shiki) and asserts no `invalid.*` scope in valid files, the
/// expected scopes on given tokens, that the reserved words of `grammar/baton.ebnf` are keywords,
/// and agreement with a reference tokeniser that follows vscode-textmate's algorithm.
///
/// Like every test that needs a program it does not own: skipped on a machine without `python3`
/// or the package, a failure when `CI=true` (`.ci/run` installs both).
@Suite struct TextMateGrammarTests {
    static let pythonPackage = "textmate-grammar-python==0.6.1"
    static let pythonModule = "textmate_grammar"

    @Test(.requires(pythonModule: pythonModule))
    func grammarTokenisesSamplesWithoutErrorScopes() throws {
        let python = try ExternalProgram.requirePython(module: Self.pythonModule, package: Self.pythonPackage)

        let script = Golden.packageRoot().appendingPathComponent("scripts/check-textmate-grammar.py")
        let output = try python.run([script.path])
        let report = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
        // The summary line guards against a script that exits 0 without checking anything.
        #expect(output.status == 0 && report.contains(" 0 failed"),
                "scripts/check-textmate-grammar.py exited with \(output.status):\n\(report)")
    }
}
