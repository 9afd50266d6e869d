import Baton
import BatonModel
import Foundation

/// The designs below the served root: every `*.baton` regular file, hidden names skipped,
/// symbolic links that lead out of the root not followed, directory cycles walked once.
/// Sorted by byte order, so the index and the watcher's callbacks have one order everywhere.
enum DesignTree {
    /// Relative paths of the designs below `root` (a real path).
    static func designs(below root: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        var visited = Set<String>()
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let real = FileReader.realPath(directory), PathName.isInside(real, root: root),
                  visited.insert(real).inserted,
                  let entries = try? FileReader.entries(of: directory) else { continue }
            for entry in entries where entry.isUTF8 && !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let path = root + "/" + child
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(child)
                case S_IFREG where entry.name.hasSuffix(".baton"):
                    if let real = FileReader.realPath(path), PathName.isInside(real, root: root) { result.append(child) }
                default:
                    continue
                }
            }
        }
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
