import BatonTestSupport
import Foundation
import Testing

/// `baton lsp` driven by a real LSP client: pytest-lsp (PyPI), which also checks every message
/// against the protocol's specification (`Tests/LanguageServerClients/`, where a specification
/// warning is an error). The suite opens, edits and breaks documents, waits for diagnostics, and
/// asks for hover, completion, definition, rename across an import, a quick fix it then applies,
/// formatting and symbols.
///
/// Like every test that needs a program it does not own: skipped on a machine without `python3`
/// or the package, a failure when `CI=true` (`.ci/run` installs both).
@Suite struct LanguageServerClientTests {
    static let pythonPackage = "pytest-lsp==1.0.1"

    @Test(.requires(pythonModule: "pytest_lsp"))
    func pytestLSPSuitePasses() throws {
        let python = try ExternalProgram.requirePython(module: "pytest_lsp", package: Self.pythonPackage)
        let suite = Golden.packageRoot().appendingPathComponent("Tests/LanguageServerClients")
        let output = try python.run(
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", suite.path],
            in: suite,
            environment: ["BATON_EXECUTABLE": BatonExecutable.url.path, "PYTHONDONTWRITEBYTECODE": "1"])
        let report = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
        // pytest exits 5 when it collects nothing, so 0 means tests ran and passed.
        #expect(output.status == 0 && report.contains(" passed"), "pytest-lsp exited with \(output.status):\n\(report)")
    }
}
