import Foundation
import Testing

/// Golden files: expected outputs committed under a test target's `Fixtures` folder and
/// reviewed as diffs. Run the tests with `UPDATE_GOLDENS=1` to rewrite them from the actual
/// output, then read the diff before committing.
public enum Golden {
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"
    }

    /// Compares `actual` with the golden file at `path` (relative to the `Fixtures` folder next to
    /// the calling test file), or rewrites it when updating.
    public static func check(_ actual: String, _ path: String, filePath: String = #filePath,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixturesDirectory(filePath).appendingPathComponent(path)
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(path); run the tests with UPDATE_GOLDENS=1 and review the new file",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("\(path) differs from the actual output:\n\(firstDifference(expected, actual))\nrun with UPDATE_GOLDENS=1 and review the diff",
                         sourceLocation: sourceLocation)
        }
    }

    /// The `Fixtures` folder beside the test file.
    public static func fixturesDirectory(_ filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        // Walk up to the test target's folder (the one directly under Tests/).
        while url.deletingLastPathComponent().lastPathComponent != "Tests", url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("Fixtures")
    }

    /// The package's root folder (for reading samples and docs in tests).
    public static func packageRoot(_ filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.lastPathComponent != "Tests", url.path != "/" { url = url.deletingLastPathComponent() }
        return url.deletingLastPathComponent()
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? String(e[index]) : "<end of file>"
            let right = index < a.count ? String(a[index]) : "<end of file>"
            if left != right {
                return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)"
            }
        }
        return "(they differ only in line endings)"
    }
}
