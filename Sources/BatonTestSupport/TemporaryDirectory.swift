import Foundation

/// A fresh directory under the system's temporary directory, holding the given files (paths
/// relative to it; subdirectories are created). The caller removes it when done.
public func makeTemporaryDirectory(_ files: [String: String] = [:], prefix: String = "baton-test") throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return directory
}
