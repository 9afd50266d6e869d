import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// `baton render --all DIR -o OUTDIR`: every design, every flow, both views, a manifest, and
/// nothing rewritten that has not changed.
@Suite struct RenderAllTests {
    static let shop = """
        title "Shop"
        client Shopper
        service Shop
        Shopper -> Shop : pay
        flow "Refund / Return!" {
          Shop -> Shop : refund
        }
        """
    static let store = """
        title "Store"
        service Api
        store Db
        Api <- Db : read
        """

    /// The files below `directory`, relative, sorted.
    static func files(_ directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    static func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func drawsEveryFlowInBothViewsWithAManifestAndSkipsWhatIsUnchanged() throws {
        let directory = try makeTemporaryDirectory(["in/designs/shop.baton": Self.shop, "in/store.baton": Self.store])
        let out = directory.appendingPathComponent("out/deep")
        let first = try BatonExecutable.run(["render", "--all", "in", "-o", "out/deep"], directory: directory)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.isEmpty)
        #expect(first.standardError == "6 written, 0 unchanged\n")
        #expect(Self.files(out) == [
            "designs/shop/graph.svg", "designs/shop/refund-return.sequence.svg", "designs/shop/shop.sequence.svg",
            "manifest.json", "store/graph.svg", "store/store.sequence.svg",
        ])
        let sequence = try String(contentsOf: out.appendingPathComponent("designs/shop/refund-return.sequence.svg"), encoding: .utf8)
        #expect(sequence.hasPrefix("<svg") && sequence.contains("refund"))
        let graph = try String(contentsOf: out.appendingPathComponent("store/graph.svg"), encoding: .utf8)
        #expect(graph.contains("graph diagram"))

        let manifestURL = out.appendingPathComponent("manifest.json")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        let designs = try #require(manifest["designs"] as? [[String: Any]])
        #expect(designs.map { $0["source"] as? String } == ["designs/shop.baton", "store.baton"])
        let flows = try #require(designs.first?["flows"] as? [[String: Any]])
        #expect(flows.map { $0["name"] as? String } == ["Shop", "Refund / Return!"])
        #expect(flows.map { $0["file"] as? String } == ["designs/shop/shop.sequence.svg", "designs/shop/refund-return.sequence.svg"])
        for flow in flows {
            let file = try #require(flow["file"] as? String)
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(flow["sha256"] as? String == DiagramHash.hex([Array(bytes)]), "\(file)'s hash is its content's")
        }
        #expect((manifest["failed"] as? [Any])?.isEmpty == true)

        let stamp = try Self.modified(out.appendingPathComponent("store/graph.svg"))
        let manifestBytes = try Data(contentsOf: manifestURL)
        Thread.sleep(forTimeInterval: 0.02)
        let second = try BatonExecutable.run(["render", "--all", "in", "-o", "out/deep"], directory: directory)
        #expect(second.status == 0)
        #expect(second.standardError == "0 written, 6 unchanged\n")
        #expect(try Self.modified(out.appendingPathComponent("store/graph.svg")) == stamp, "an unchanged file is not rewritten")
        #expect(try Data(contentsOf: manifestURL) == manifestBytes)

        try Data((Self.store + "\nApi -> Api : audit\n").utf8).write(to: directory.appendingPathComponent("in/store.baton"))
        let shopStamp = try Self.modified(out.appendingPathComponent("designs/shop/graph.svg"))
        let third = try BatonExecutable.run(["render", "--all", "in", "-o", "out/deep"], directory: directory)
        #expect(third.status == 0)
        #expect(third.standardError == "3 written, 3 unchanged\n", "the store's two diagrams and the manifest")
        #expect(try Self.modified(out.appendingPathComponent("designs/shop/graph.svg")) == shopStamp)
        #expect(try Data(contentsOf: manifestURL) != manifestBytes)
    }

    @Test func aBrokenDesignIsReportedAndSkippedAndTheOthersAreDrawn() throws {
        let directory = try makeTemporaryDirectory([
            "in/a.baton": Self.shop, "in/b.baton": "service A\nA -> Nobody\n", "in/c.baton": Self.store,
        ])
        let result = try BatonExecutable.run(["render", "--all", "in", "-o", "out"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.contains("in/b.baton:2:6: error"))
        #expect(result.standardError.hasSuffix("6 written, 0 unchanged, 1 design not drawn\n"))
        let out = directory.appendingPathComponent("out")
        #expect(Self.files(out) == [
            "a/graph.svg", "a/refund-return.sequence.svg", "a/shop.sequence.svg", "c/graph.svg", "c/store.sequence.svg", "manifest.json",
        ])
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"failed\": [\n    \"b.baton\"\n  ]"))
    }

    @Test(arguments: [
        (["render", "--all", "in"], "needs -o OUTDIR"),
        (["render", "--all", "in", "-o", "out", "--to", "dot"], "SVG only"),
        (["render", "--all", "in", "-o", "out", "--flow", "x"], "--flow does not apply"),
        (["render", "--all", "in", "-o", "out", "--view", "graph"], "--view does not apply"),
        (["render", "--all", "in", "-o", "out", "extra.baton"], "--all takes its designs from DIR"),
        (["render", "--all", "in/a.baton", "-o", "out"], "needs a directory"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) throws {
        let directory = try makeTemporaryDirectory(["in/a.baton": Self.store])
        let result = try BatonExecutable.run(arguments, directory: directory)
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func slugsAreSafeAndUnique() throws {
        let directory = try makeTemporaryDirectory(["in/a.baton": """
            service A
            flow "Über ../../etc" {
              A -> A : x
            }
            flow "uber etc" {
              A -> A : y
            }
            flow "!!!" {
              A -> A : z
            }
            """])
        let result = try BatonExecutable.run(["render", "--all", "in", "-o", "out"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.files(directory.appendingPathComponent("out")) == [
            "a/ber-etc.sequence.svg", "a/flow.sequence.svg", "a/graph.svg", "a/uber-etc.sequence.svg", "manifest.json",
        ].sorted())
    }
}
