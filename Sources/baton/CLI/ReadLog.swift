import Baton
import BatonModel
import Foundation

/// Remembers every file a run reads (its inputs and everything they import), so that none of
/// the run's outputs can replace one of them.
final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [(path: String, role: String)] = []
    /// Standard input, when it was read and is a regular file.
    private var standardInput: ProtectedFile?

    /// Records that standard input was read: when the shell redirected it from a file, that
    /// file is an input too.
    func recordStandardInput(role: String) {
        let file = ProtectedFile(descriptor: STDIN_FILENO, path: "<stdin>", role: role)
        lock.withLock { standardInput = file }
    }

    /// Records a file the command read itself (an input named on the command line).
    func record(_ path: String, role: String) {
        lock.withLock { files.append((path, role)) }
    }

    /// Reads an imported file like `FileReader.readImport`, and records it.
    func read(_ path: String) throws(Compiler.ReadFailure) -> [UInt8] {
        let bytes = try FileReader.readImport(path)
        record(path, role: "a design this run imports")
        return bytes
    }

    /// The recorded files as they are on disk now, for `AtomicWrite.Options.protected`.
    var protected: [ProtectedFile] {
        lock.withLock { files.compactMap { ProtectedFile(path: $0.path, role: $0.role) } + (standardInput.map { [$0] } ?? []) }
    }
}
