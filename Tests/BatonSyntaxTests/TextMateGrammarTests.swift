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

    @Test(.requires(program: "python3"), .requires(pythonModule: pythonModule))
    func grammarTokenisesSamplesWithoutErrorScopes() throws {
        let python = try ExternalProgram.require("python3", package: "python3")
        try Self.requireModule(Self.pythonModule, python: python, package: Self.pythonPackage)

        let script = Golden.packageRoot().appendingPathComponent("scripts/check-textmate-grammar.py")
        let output = try python.run([script.path])
        let report = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
        // The summary line guards against a script that exits 0 without checking anything.
        #expect(output.status == 0 && report.contains(" 0 failed"),
                "scripts/check-textmate-grammar.py exited with \(output.status):\n\(report)")
    }

    /// Whether `python` can import `module`.
    static func canImport(_ module: String, python: ExternalProgram) -> Bool {
        (try? python.run(["-c", "import \(module)"]).status) == 0
    }

    /// Skips the test when `module` is missing, or fails it when `CI=true` (the rule of
    /// `ExternalProgram.require`, for a Python package).
    static func requireModule(_ module: String, python: ExternalProgram, package: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        if canImport(module, python: python) { return }
        let reason = "`\(python.url.path)` cannot import \(module) (python3 -m pip install '\(package)')"
        if ExternalProgram.isCI {
            throw MissingPythonModule(description: "\(reason); required because CI=true")
        }
        try Test.cancel("skipped: \(reason)", sourceLocation: sourceLocation)
    }

    struct MissingPythonModule: Error, CustomStringConvertible {
        var description: String
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the test, with a visible reason, when `python3` cannot import `module` — unless
    /// `CI=true`, where the test runs anyway so that `requireModule` fails it.
    static func requires(pythonModule module: String) -> Self {
        .enabled("needs the Python module \(module); with CI=true its absence is a failure") {
            if ExternalProgram.isCI { return true }
            guard let python = ExternalProgram.find("python3") else { return false }
            return TextMateGrammarTests.canImport(module, python: python)
        }
    }
}
