import BatonModel
import Foundation

/// `FileReader.canonical` for the many files of one run, each directory resolved once.
///
/// `realpath(3)` reads every component of a path on each call, so checking 5,000 designs in
/// one tree asked the system about the same few directories tens of thousands of times — as
/// long as parsing them took. Here a path whose last component is not a symbolic link (one
/// `lstat`) is its directory's real path plus its name, and directories' real paths are
/// remembered for the run. A link, a missing path or anything unusual goes to
/// `FileReader.canonical` itself, so every answer is the one it would give: confinement checks
/// see the same real paths, and no link is followed unnoticed. Only directories are remembered,
/// and only for one command: a run is a snapshot of the tree, as reading it is.
///
/// Safe to share between the threads of a run.
public final class CanonicalPaths: @unchecked Sendable {
    private let lock = NSLock()
    /// Real paths of directories, by absolute normalized path.
    private var directories: [String: String] = [:]

    public init() {}

    /// The real path `path` names, as `FileReader.canonical(path)` gives it.
    public func canonical(_ path: String) -> String {
        guard path.hasPrefix("/"), path != "/", PathName.normalize(path) == path else { return FileReader.canonical(path) }
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK else { return FileReader.canonical(path) }
        let directory = PathName.directory(of: path)
        let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
        let real = realDirectory(directory)
        return real == "/" ? "/" + name : real + "/" + name
    }

    /// The real path of a directory, resolved once per run.
    private func realDirectory(_ directory: String) -> String {
        if directory == "/" { return "/" }
        if let known = lock.withLock({ directories[directory] }) { return known }
        let real = canonical(directory)
        lock.withLock { directories[directory] = real }
        return real
    }
}
