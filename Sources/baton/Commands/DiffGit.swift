import Baton
import BatonModel
import Foundation

/// The designs of a git revision, for `baton diff --git REV`: git's own plumbing (`rev-parse`,
/// `cat-file`, `diff`, `ls-files`) run as a child process with an argument array — never
/// through a shell — and the revision resolved once to a commit, so a branch that moves while
/// Baton reads cannot mix two versions.
struct DiffGit: Sendable {
    /// The git executable.
    let git: URL
    /// The repository's top directory, as git prints it (a real path).
    let top: String
    /// The revision as the user wrote it (for labels) and the commit it names.
    let revision: String
    let commit: String

    struct Failure: Error {
        var message: String
        var help: String?
    }

    /// The revision `revision` of the repository that holds `directory`.
    init(revision: String, near directory: String) throws(Failure) {
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains(":") else {
            throw Failure(message: "'\(revision)' is not a revision --git can compare with",
                          help: "name a commit, a branch or a tag: --git HEAD, --git main, --git v1.2")
        }
        guard let git = Self.find("git") else {
            throw Failure(message: "--git needs git, which is not on PATH", help: "install git, or compare two files: baton diff OLD NEW")
        }
        self.git = git
        let topLevel = try Self.run(git, ["-C", directory, "rev-parse", "--show-toplevel"])
        guard topLevel.status == 0 else {
            throw Failure(message: "'\(directory)' is not in a git repository: \(Self.firstLine(topLevel.error))",
                          help: "run baton diff --git inside a clone, or compare two files: baton diff OLD NEW")
        }
        top = Self.trimmed(topLevel.output)
        let resolved = try Self.run(git, ["-C", top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        guard resolved.status == 0, !Self.trimmed(resolved.output).isEmpty else {
            throw Failure(message: "'\(revision)' names no commit in '\(top)'",
                          help: "check the name with: git rev-parse \(revision)")
        }
        self.revision = revision
        commit = Self.trimmed(resolved.output)
    }

    /// `path` (absolute) relative to the repository's top, or nil when it lies outside.
    func repositoryPath(_ path: String) -> String? {
        let normalized = PathName.normalize(path)
        guard PathName.isInside(normalized, root: top), normalized != top else { return nil }
        return String(normalized.dropFirst(top == "/" ? 1 : top.count + 1))
    }

    /// The bytes of the file at `repositoryPath` in the commit, or nil when the commit has no
    /// file there.
    func contents(_ repositoryPath: String) throws(Failure) -> [UInt8]? {
        let object = commit + ":" + repositoryPath
        let exists = try Self.run(git, ["-C", top, "cat-file", "-e", object])
        guard exists.status == 0 else { return nil }
        let blob = try Self.run(git, ["-C", top, "cat-file", "blob", object])
        guard blob.status == 0 else {
            throw Failure(message: "cannot read '\(repositoryPath)' at \(revision): \(Self.firstLine(blob.error))")
        }
        return blob.output
    }

    /// A compiler reader over the commit: an absolute path inside the working tree reads the
    /// file at the same place in the commit, so the old design's imports come from the
    /// revision too.
    func reader() -> Compiler.Reader {
        let repository = self
        return { path throws(Compiler.ReadFailure) in
            guard let relative = repository.repositoryPath(path) else {
                throw Compiler.ReadFailure(reason: "it lies outside the repository '\(repository.top)'")
            }
            let bytes: [UInt8]?
            do throws(Failure) {
                bytes = try repository.contents(relative)
            } catch {
                throw Compiler.ReadFailure(reason: error.message)
            }
            guard let bytes else { throw Compiler.ReadFailure(reason: "it does not exist at \(repository.revision)") }
            return bytes
        }
    }

    /// The `.baton` files whose text differs between the commit and the working tree (deleted,
    /// added and untracked ones included), relative to the repository's top, sorted.
    func changedDesigns() throws(Failure) -> [String] {
        let changed = try lines(["diff", "--name-only", "-z", "--no-renames", commit, "--"])
        let untracked = try lines(["ls-files", "-z", "--others", "--exclude-standard"])
        return Array(Set((changed + untracked).filter { $0.hasSuffix(".baton") }))
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The tracked `.baton` files of the working tree, relative to the repository's top, sorted.
    func trackedDesigns() throws(Failure) -> [String] {
        try lines(["ls-files", "-z"]).filter { $0.hasSuffix(".baton") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private func lines(_ arguments: [String]) throws(Failure) -> [String] {
        let result = try Self.run(git, ["-C", top] + arguments)
        guard result.status == 0 else {
            throw Failure(message: "git \(arguments.first ?? "") failed: \(Self.firstLine(result.error))")
        }
        return result.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Running git

    struct Run {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
    }

    /// Runs git with `arguments` (no shell), its standard output capped at `FileReader.maximumSize`.
    static func run(_ git: URL, _ arguments: [String]) throws(Failure) -> Run {
        let process = Process()
        process.executableURL = git
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // Plain output whatever the user's configuration: no pager, no prompts, no colour.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription)")
        }
        // Standard error is read on its own thread, so a child that fills one pipe cannot block.
        nonisolated(unsafe) var errorBytes: [UInt8] = []
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBytes = Array(error.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        var bytes: [UInt8]
        do {
            bytes = try FileReader.readAll(output.fileHandleForReading.fileDescriptor, what: "git's output")
        } catch {
            process.terminate()
            bytes = []
            _ = group.wait(timeout: .now() + 5)
            process.waitUntilExit()
            throw Failure(message: error.reason)
        }
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: bytes, error: errorBytes)
    }

    /// The executable called `name` on `PATH`.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }

    static func trimmed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func firstLine(_ bytes: [UInt8]) -> String {
        let text = trimmed(bytes)
        return text.split(separator: "\n").first.map(String.init) ?? (text.isEmpty ? "no message" : text)
    }
}
