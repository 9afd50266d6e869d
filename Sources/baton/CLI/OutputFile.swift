import Foundation

/// Writing results to files: atomically, so a reader (a doc build, an editor preview) never
/// sees half a file, and a failed run leaves the previous file untouched.
enum OutputFile {
    struct Failure: Error {
        var message: String
        var help: String?
    }

    /// Writes to a temporary file in the destination's directory, then renames it over the
    /// destination (a rename within one file system is atomic).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(message: "cannot write '\(path)': the directory '\(directory.path)' does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw Failure(message: "cannot write '\(path)'", help: "check that the directory is writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(message: "cannot write '\(path)': \(reason)")
        }
    }

    /// Whether two paths name the same existing file (through links and `..`).
    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
