import Foundation

/// Writes a file atomically: the bytes go to a temporary file in the same directory, which then
/// replaces the target with one rename, so a crash or a full disk never leaves half a file.
/// An existing file keeps its permissions.
enum AtomicWrite {
    struct Failure: Error {
        var message: String
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).baton-\(ProcessInfo.processInfo.processIdentifier).tmp")
        let manager = FileManager.default
        let permissions = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions]
        do {
            try Data(bytes).write(to: temporary)
            if let permissions { try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
            if rename(temporary.path, path) != 0 {
                throw Failure(message: "cannot replace '\(path)': \(String(cString: strerror(errno)))")
            }
        } catch let failure as Failure {
            try? manager.removeItem(at: temporary)
            throw failure
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure(message: "cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
