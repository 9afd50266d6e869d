// Requiring a Python package, under the rule of ExternalProgram.swift: a test that needs a
// package it does not own (one from PyPI, say) is skipped on a developer machine that lacks it
// and fails in CI (`CI=true`), where `.ci/run` installs it.
//
//     @Test(.requires(pythonModule: "ciw"))
//     func agreesWithCiw() throws {
//         let python = try ExternalProgram.requirePython(module: "ciw", package: "ciw==3.2.7")
//         let output = try python.run([script.path])
//     }

import Foundation
import Testing

extension ExternalProgram {
    /// Whether this Python interpreter can import `module`.
    public func canImport(pythonModule module: String) -> Bool {
        (try? run(["-c", "import \(module)"]).status) == 0
    }

    /// The `python3` on `PATH`, which must be able to import `module`; when either is missing,
    /// fails the current test by throwing in CI, and elsewhere cancels it (pair it with the
    /// `.requires(pythonModule:)` trait, which reports the skip). `package` is what to install
    /// with pip, for the message.
    public static func requirePython(module: String, package: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> ExternalProgram {
        let python = try require("python3", package: "python3", sourceLocation: sourceLocation)
        if python.canImport(pythonModule: module) {
            return python
        }
        let reason = "`\(python.url.path)` cannot import \(module) (python3 -m pip install '\(package)')"
        if isCI {
            throw Missing(description: "\(reason); required because CI=true")
        }
        try Test.cancel("skipped: \(reason)", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the test, with a visible reason, when `python3` is missing or cannot import
    /// `module` — unless `CI=true`, where the test runs anyway so that
    /// `ExternalProgram.requirePython` fails it.
    public static func requires(pythonModule module: String) -> Self {
        .enabled("needs python3 and its module \(module); with CI=true their absence is a failure") {
            if ExternalProgram.isCI { return true }
            return ExternalProgram.find("python3")?.canImport(pythonModule: module) ?? false
        }
    }
}
