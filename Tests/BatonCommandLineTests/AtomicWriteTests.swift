// The one safe path for writing files: exclusive temporary files that no planted link can
// redirect, links written through, hard links and read-only files refused, inputs protected,
// permissions kept. Each case first sets up what an attacker or an unlucky user would.

@testable import baton
import BatonTestSupport
import Foundation
import Testing

@Suite struct AtomicWriteTests {
    let directory: URL

    init() throws {
        directory = try makeTemporaryDirectory(prefix: "baton-atomic")
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String, mode: Int = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        #expect(chmod(path(name), mode_t(mode)) == 0)
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func mode(_ name: String) -> Int {
        var status = stat()
        guard lstat(path(name), &status) == 0 else { return -1 }
        return Int(status.st_mode & 0o7777)
    }

    func isSymbolicLink(_ name: String) -> Bool {
        var status = stat()
        return lstat(path(name), &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Names in the directory other than the given ones (leftover temporary files).
    func leftovers(besides names: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !names.contains($0) }.sorted()
    }

    @Test func aLinkPlantedAtTheTemporaryNameIsNeverFollowed() throws {
        // A root-only file, and a link to it where the temporary file would go: the old writer
        // opened that name without O_EXCL/O_NOFOLLOW, overwrote the victim and made it 0644.
        try write("victim", "secret\n", mode: 0o600)
        try write("design.baton", "old\n", mode: 0o644)
        #expect(symlink(path("victim"), path(".design.baton.planted.tmp")) == 0)
        var proposals = [".design.baton.planted.tmp", ".design.baton.fresh.tmp"]
        try AtomicWrite.write(Array("new\n".utf8), to: path("design.baton"), temporaryNames: { _ in proposals.removeFirst() })
        #expect(read("design.baton") == "new\n")
        #expect(read("victim") == "secret\n")
        #expect(mode("victim") == 0o600)
        #expect(isSymbolicLink(".design.baton.planted.tmp"))
        #expect(try leftovers(besides: ["victim", "design.baton", ".design.baton.planted.tmp"]).isEmpty)
    }

    @Test func whenEveryProposedNameIsTakenTheWriteFailsAndTouchesNothing() throws {
        try write("victim", "secret\n", mode: 0o600)
        try write("design.baton", "old\n")
        #expect(symlink(path("victim"), path(".taken")) == 0)
        #expect(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("new\n".utf8), to: path("design.baton"), temporaryNames: { _ in ".taken" })
        }
        #expect(read("design.baton") == "old\n")
        #expect(read("victim") == "secret\n")
    }

    @Test func theDefaultTemporaryNamesAreUnpredictable() {
        let names = (0..<20).map { _ in AtomicWrite.randomTemporaryName(for: "design.baton") }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix(".design.baton.baton-") && $0.hasSuffix(".tmp") })
        // A name at the file system's limit still leaves room for the decoration.
        #expect(AtomicWrite.randomTemporaryName(for: String(repeating: "x", count: 255)).utf8.count < 255)
    }

    @Test(arguments: [0o600, 0o640, 0o664, 0o755])
    func aReplacedFileKeepsItsPermissionBits(_ bits: Int) throws {
        try write("design.baton", "old\n", mode: bits)
        try AtomicWrite.write(Array("new\n".utf8), to: path("design.baton"))
        #expect(read("design.baton") == "new\n")
        #expect(mode("design.baton") == bits)
    }

    @Test func aNewFileGetsTheUsualModeLessTheUmask() throws {
        // What the kernel gives a file created with 0666 is the reference (tests run in
        // parallel, so the umask is read, never set).
        let reference = path("reference")
        let descriptor = open(reference, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        #expect(descriptor >= 0)
        close(descriptor)
        try AtomicWrite.write(Array("new\n".utf8), to: path("fresh.svg"))
        #expect(mode("fresh.svg") == mode("reference"))
        #expect(mode("fresh.svg") & 0o600 == 0o600)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: true)
        try write("real/design.baton", "old\n", mode: 0o600)
        #expect(symlink("real/design.baton", path("link.baton")) == 0)
        try AtomicWrite.write(Array("new\n".utf8), to: path("link.baton"))
        #expect(isSymbolicLink("link.baton"))
        #expect(read("real/design.baton") == "new\n")
        #expect(mode("real/design.baton") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("real")) == ["design.baton"])
    }

    @Test func aLinkToNothingIsRefusedRatherThanCreatingItsTarget() throws {
        #expect(symlink(path("nowhere/else.svg"), path("dangling.svg")) == 0)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("x".utf8), to: path("dangling.svg"))
        }
        #expect(failure.message.contains("symbolic link") && failure.message.contains("does not exist"))
        #expect(isSymbolicLink("dangling.svg"))
    }

    @Test func aHardLinkedFileIsRefusedAndBothNamesKeepTheirContent() throws {
        try write("one.baton", "old\n")
        #expect(link(path("one.baton"), path("two.baton")) == 0)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("new\n".utf8), to: path("one.baton"))
        }
        #expect(failure.message.contains("2 hard links"))
        #expect(read("one.baton") == "old\n" && read("two.baton") == "old\n")
    }

    @Test func aReadOnlyFileIsRefusedUnlessForced() throws {
        try write("locked.baton", "old\n", mode: 0o444)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("new\n".utf8), to: path("locked.baton"))
        }
        #expect(failure.message.contains("read-only"))
        #expect(failure.help?.contains("--force") == true)
        #expect(read("locked.baton") == "old\n")
        try AtomicWrite.write(Array("new\n".utf8), to: path("locked.baton"), options: AtomicWrite.Options(force: true))
        #expect(read("locked.baton") == "new\n")
        #expect(mode("locked.baton") == 0o444)
    }

    @Test func aProtectedInputIsRefusedUnderAnyName() throws {
        try write("lib.baton", "service Lib\n")
        #expect(symlink("lib.baton", path("alias.svg")) == 0)
        let input = try #require(ProtectedFile(path: path("lib.baton"), role: "a design this run imports"))
        for name in ["lib.baton", "alias.svg"] {
            let failure = try #require(throws: AtomicWrite.Failure.self) {
                try AtomicWrite.write(Array("<svg/>".utf8), to: path(name), options: AtomicWrite.Options(protected: [input]))
            }
            #expect(failure.message.contains("a design this run imports"))
        }
        #expect(read("lib.baton") == "service Lib\n")
    }

    @Test func aDirectoryIsRefused() throws {
        try FileManager.default.createDirectory(atPath: path("folder.svg"), withIntermediateDirectories: true)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("x".utf8), to: path("folder.svg"))
        }
        #expect(failure.message.contains("a directory, not a regular file"))
    }

    @Test func aNamedPipeIsWrittenInPlaceNotReplaced() throws {
        // `-o >(gzip)` or a FIFO a tool reads from: there is nothing to replace, so the bytes go
        // straight in, and the pipe stays a pipe.
        #expect(mkfifo(path("pipe.svg"), 0o644) == 0)
        let pipe = path("pipe.svg")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var received = Data()
        DispatchQueue.global().async {
            let descriptor = open(pipe, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = Glibc.read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            close(descriptor)
            done.signal()
        }
        try AtomicWrite.write(Array("<svg/>".utf8), to: pipe)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(String(decoding: received, as: UTF8.self) == "<svg/>")
        var status = stat()
        #expect(lstat(path("pipe.svg"), &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aCharacterDeviceIsWrittenInPlace() throws {
        // `-o /dev/null` checks that a design renders, and must leave /dev/null a device.
        try AtomicWrite.write(Array("<svg/>".utf8), to: "/dev/null")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aConfinedWriteRefusesADirectoryThatLeadsOutside() throws {
        try FileManager.default.createDirectory(atPath: path("inside"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path("outside"), withIntermediateDirectories: true)
        #expect(symlink("../outside", path("inside/images")) == 0)
        let root = try #require(WriteTarget.descriptorPath(open(path("inside"), O_RDONLY | O_DIRECTORY)))
        let options = AtomicWrite.Options(confinedTo: [root], confinementHelp: "allow it with --allow-dir")
        try AtomicWrite.write(Array("ok".utf8), to: path("inside/ok.svg"), options: options)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("x".utf8), to: path("inside/images/x.svg"), options: options)
        }
        #expect(failure.message.contains("outside"))
        #expect(failure.help == "allow it with --allow-dir")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("outside")).isEmpty)
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Array("x".utf8), to: path("missing/out.svg"))
        }
        #expect(failure.message.contains("does not exist"))
    }

    @Test func checkRefusesWhatWriteWouldRefuseWithoutWriting() throws {
        try write("locked.baton", "old\n", mode: 0o444)
        #expect(throws: AtomicWrite.Failure.self) { try AtomicWrite.check(path("locked.baton")) }
        try AtomicWrite.check(path("new.svg"))
        #expect(try leftovers(besides: ["locked.baton"]).isEmpty)
    }
}
