import Foundation

/// The designs renderers are tested on: the product's samples (`samples/*.baton`) and the test
/// designs that cover every construct (`Tests/Designs/*.baton`), sorted by file name.
public enum TestDesigns {
    public struct Design: Sendable, CustomStringConvertible {
        /// The file name without `.baton`, unique across both folders.
        public var name: String
        public var url: URL
        public var description: String { name }

        public init(name: String, url: URL) {
            self.name = name
            self.url = url
        }

        public var bytes: [UInt8] { (try? Data(contentsOf: url)).map(Array.init) ?? [] }
    }

    public static var samples: [Design] { designs(in: "samples") }
    public static var testDesigns: [Design] { designs(in: "Tests/Designs") }
    public static var all: [Design] { samples + testDesigns }

    /// The package's root: this file is Sources/BatonTestSupport/TestDesigns.swift.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func named(_ name: String) -> Design? {
        all.first { $0.name == name }
    }

    static func designs(in folder: String) -> [Design] {
        let directory = packageRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".baton") }.sorted().map { file in
            Design(name: String(file.dropLast(".baton".count)), url: directory.appendingPathComponent(file))
        }
    }
}
