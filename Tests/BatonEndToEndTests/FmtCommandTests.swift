import BatonTestSupport
import Foundation
import Testing

@Suite struct FmtCommandTests {
    static let messy = "service A;service B\nA->B:x # keep me\n"
    static let canonical = "service  A\nservice  B\nA -> B : x  # keep me\n"

    func read(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func rewritesInPlaceKeepingCommentsAndPermissions() throws {
        let directory = try makeTemporaryDirectory(["a.baton": Self.messy])
        let path = directory.appendingPathComponent("a.baton").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let result = try BatonExecutable.run(["fmt", "a.baton"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try read(directory, "a.baton") == Self.canonical)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.baton"])
    }

    @Test func checkListsFilesThatWouldChangeAndWritesNothing() throws {
        let directory = try makeTemporaryDirectory(["messy.baton": Self.messy, "clean.baton": Self.canonical])
        let result = try BatonExecutable.run(["fmt", "--check", "."], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardOutput == "./messy.baton\n")
        #expect(try read(directory, "messy.baton") == Self.messy)
        let clean = try BatonExecutable.run(["fmt", "--check", "clean.baton"], directory: directory)
        #expect(clean.status == 0)
        #expect(clean.standardOutput.isEmpty)
    }

    @Test func standardInputGoesToStandardOutput() throws {
        let result = try BatonExecutable.run(["fmt", "-"], input: Data(Self.messy.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.canonical)
    }

    @Test func syntaxErrorsLeaveTheFileUntouchedAndExitOne() throws {
        let directory = try makeTemporaryDirectory(["bad.baton": "service\nA -> \n", "good.baton": Self.messy])
        let result = try BatonExecutable.run(["fmt", "bad.baton", "good.baton"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.baton:1:8: error[syntax]"))
        #expect(try read(directory, "bad.baton") == "service\nA -> \n")
        #expect(try read(directory, "good.baton") == Self.canonical)
    }
}
