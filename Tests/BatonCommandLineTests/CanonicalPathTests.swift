// `FileReader.canonical` on a real file system: links resolved the way the kernel resolves
// them, missing components kept as written, and paths hundreds of directories deep resolved
// with a handful of `realpath` calls instead of one per component.

import Baton
import BatonTestSupport
import Foundation
import Testing

@Suite struct CanonicalPathTests {
    /// The temporary directory, itself resolved (it may lie behind a link, as on macOS).
    let base: String
    let directory: URL

    init() throws {
        directory = try makeTemporaryDirectory(["real/dir/x.baton": "client C\n"], prefix: "baton-canonical")
        base = FileReader.realPath(directory.path) ?? directory.path
    }

    func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: base + "/" + name, withDestinationPath: destination)
    }

    @Test func aChainOfLinksIsFollowedToItsEnd() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try link("first", to: "second")
        try link("second", to: "real/dir")
        #expect(FileReader.canonical(base + "/first/x.baton") == base + "/real/dir/x.baton")
        #expect(FileReader.canonical(base + "/first/not-yet.baton") == base + "/real/dir/not-yet.baton")
    }

    @Test func theParentOfALinkIsTheParentOfItsTarget() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        try link("elsewhere/hop", to: "../real/dir")
        #expect(FileReader.canonical(base + "/elsewhere/hop/..") == base + "/real")
        #expect(FileReader.canonical(base + "/elsewhere/hop/../dir/x.baton") == base + "/real/dir/x.baton")
    }

    /// Nothing below a missing component can be a link: the rest is kept as written, `.` and
    /// `..` folded — and when a `..` folds the missing component away, what follows is resolved.
    @Test func missingComponentsAreKeptAndTheirParentsFolded() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try link("alias", to: "real/dir")
        #expect(FileReader.canonical(base + "/real/missing/./deeper/../x.baton") == base + "/real/missing/x.baton")
        #expect(FileReader.canonical(base + "/real/missing/../dir/x.baton") == base + "/real/dir/x.baton")
        #expect(FileReader.canonical(base + "/missing/../alias/x.baton") == base + "/real/dir/x.baton")
        #expect(FileReader.canonical(base + "/missing/../../" + URL(fileURLWithPath: base).lastPathComponent + "/alias") == base + "/real/dir")
        #expect(FileReader.canonical(base + "/real/dir/x.baton/..") == base + "/real/dir", "a file's parent, as written")
    }

    @Test func danglingLinksAndLoopsAreKeptAsWritten() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try link("dangling", to: "nowhere")
        try link("loop", to: "loop")
        #expect(FileReader.canonical(base + "/dangling") == base + "/dangling")
        #expect(FileReader.canonical(base + "/loop/x.baton") == base + "/loop/x.baton")
        #expect(FileReader.canonical(base + "/dangling/../real") == base + "/real")
    }

    /// A run's `CanonicalPaths` (each directory resolved once, a file by one `lstat`) answers
    /// as `FileReader.canonical` does for every kind of path — links to files and directories,
    /// chains, dangling links, loops, missing components, `..`, relative paths — asked once and
    /// again (from what it remembers).
    @Test func aRunsPathsResolveAsFileReaderDoes() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try link("alias", to: "real/dir")
        try link("first", to: "second")
        try link("second", to: "real")
        try link("real/dir/link.baton", to: "x.baton")
        try link("real/outside.baton", to: "/etc/passwd")
        try link("dangling", to: "nowhere")
        try link("loop", to: "loop")
        let paths = [
            "/real/dir/x.baton", "/real/dir", "/real", "/alias/x.baton", "/alias", "/first/dir/x.baton", "/first/dir/link.baton",
            "/real/dir/link.baton", "/real/outside.baton", "/dangling", "/dangling/x.baton", "/loop/x.baton", "/real/missing/x.baton",
            "/real/dir/x.baton/..", "/alias/../dir/x.baton", "/real//dir/./x.baton", "/missing/../alias/x.baton",
        ].map { base + $0 } + ["/", "/etc", "relative/x.baton", ".", ""]
        let run = CanonicalPaths()
        for _ in 0..<2 {
            for path in paths {
                #expect(run.canonical(path) == FileReader.canonical(path), "\(path)")
            }
        }
        #expect(run.canonical(base + "/alias/x.baton") == base + "/real/dir/x.baton")
        #expect(run.canonical(base + "/real/outside.baton") == FileReader.realPath("/etc/passwd"))
    }

    /// 1,500 directories deep, with a link at the bottom: resolving each component with its own
    /// `realpath` walked the path again each time, cubic in the depth (minutes here).
    @Test(.timeLimit(.minutes(1))) func aDeepPathIsResolvedAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = base + "/" + Array(repeating: "a", count: 1_500).joined(separator: "/")
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: deep + "/up", withDestinationPath: base + "/real")
        #expect(FileReader.canonical(deep + "/up/dir/x.baton") == base + "/real/dir/x.baton")
        #expect(FileReader.canonical(deep + "/missing/x.baton") == deep + "/missing/x.baton")
        #expect(FileReader.canonical(deep + "/missing/../up") == base + "/real")
    }
}
