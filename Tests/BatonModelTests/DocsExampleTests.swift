import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// The ```baton blocks of the documentation are designs a reader copies: each must compile, or
/// fail with the compile error its first line announces (`# error: CODE (line N: ...)`). The
/// worked examples of docs/language.md#13-derived-quantities must come out as the page says.
@Suite struct DocsExampleTests {
    struct Block: CustomStringConvertible {
        var page: String
        var line: Int
        var source: String
        var description: String { "\(page):\(line)" }
    }

    /// The ```baton fences of README.md and every page of docs/, in order. A fence inside a
    /// longer fence (````markdown around an example of Markdown) is content, not a block.
    static func blocks() throws -> [Block] {
        let root = Golden.packageRoot()
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        var blocks: [Block] = []
        for page in ["README.md"] + docs {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            var fence: (marker: String, baton: Bool, start: Int, lines: [String])?
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let open = fence {
                    if trimmed.hasPrefix(open.marker), trimmed.allSatisfy({ $0 == "`" }) {
                        if open.baton {
                            blocks.append(Block(page: page, line: open.start, source: open.lines.joined(separator: "\n") + "\n"))
                        }
                        fence = nil
                    } else {
                        fence?.lines.append(String(line))
                    }
                } else if trimmed.hasPrefix("```") {
                    let marker = String(trimmed.prefix { $0 == "`" })
                    let info = trimmed.dropFirst(marker.count).split(separator: " ").first.map(String.init) ?? ""
                    fence = (marker, info == "baton", index + 2, [])
                }
            }
        }
        return blocks
    }

    /// Compiles a block as `/docs/example.baton`; an import reads the block before it on the
    /// same page (docs/language.md shows a catalogue, then the design that imports it).
    static func compile(_ block: Block, previous: Block?) -> Compilation {
        let imported = previous.flatMap { $0.page == block.page ? Array($0.source.utf8) : nil }
        return Compiler.compile(SourceInput(displayPath: "example.baton", resolvedPath: "/docs/example.baton",
                                            bytes: Array(block.source.utf8)),
                                read: { _ throws(Compiler.ReadFailure) in
                                    guard let imported else { throw Compiler.ReadFailure(reason: "no block before it on the page") }
                                    return imported
                                })
    }

    @Test func everyBlockCompilesOrFailsAsItSays() throws {
        let blocks = try Self.blocks()
        #expect(blocks.filter { $0.page == "docs/language.md" }.count >= 20, "found the language reference's examples")
        #expect(blocks.contains { $0.page == "docs/ci.md" })
        for (index, block) in blocks.enumerated() {
            let compilation = Self.compile(block, previous: index > 0 ? blocks[index - 1] : nil)
            let errors = compilation.diagnostics.filter { $0.severity == .error }
            let found = errors.map { "\($0.code) at line \(compilation.sources.location(of: $0.span).start.line): \($0.message)" }
            let firstLine = block.source.prefix { $0 != "\n" }
            guard firstLine.hasPrefix("# error: ") else {
                #expect(errors.isEmpty, "\(block) should compile: \(found)")
                continue
            }
            let announced = firstLine.dropFirst("# error: ".count)
            let code = String(announced.prefix { $0.isLetter || $0 == "-" })
            let line = announced.firstRange(of: "(line ").flatMap { Int(announced[$0.upperBound...].prefix { $0.isNumber }) }
            #expect(errors.contains { error in
                error.code == code && (line == nil || compilation.sources.location(of: error.span).start.line == line)
            }, "\(block) announces \(announced), found \(found)")
        }
    }

    /// The block of docs/language.md whose title is `title`.
    static func example(_ title: String) throws -> Model {
        let block = try #require(try blocks().first { $0.page == "docs/language.md" && $0.source.contains("title \"\(title)\"") })
        let compilation = compile(block, previous: nil)
        #expect(compilation.diagnostics.isEmpty)
        return compilation.model
    }

    @Test func theCheckoutExampleComesOutAsThePageSays() throws {
        let model = try Self.example("Checkout API")
        let waits = WorstCaseWaits(model)
        #expect(abs((waits[model.interaction("checkout").id] ?? 0) - 2.85) < 1e-9)
        #expect(abs((waits[model.interaction("create order").id] ?? 0) - 1.6) < 1e-9)
        let graph = SyncGraph(model)
        let availability = CompositeAvailability(model, graph: graph)
        #expect(abs(availability[model.id("Api")] - 0.9995 * 0.999 * 0.9999 * 0.995) < 1e-12)
        #expect(String(format: "%.2f", availability[model.id("Api")] * 100) == "99.34")
        #expect(graph.fanOut(model.id("Api")) == 3)
    }

    @Test func theSearchExampleComesOutAsThePageSays() throws {
        let model = try Self.example("Search page")
        let waits = WorstCaseWaits(model)
        let expected: [(String, Double)] = [("match terms", 0.015), ("pick ads", 0.3), ("user signals", 0.015),
                                            ("rerank", 0.045), ("query", 0.365), ("count query", 0.015)]
        for (label, seconds) in expected {
            #expect(abs((waits[model.interaction(label).id] ?? -1) - seconds) < 1e-9, "\(label)")
        }
        #expect(waits[model.interaction("QueryLogged").id] == nil, "async: no wait")
        let trees = CallTrees(model)
        #expect(trees.roots.map { model[$0].label } == ["query", "count query"])
        var deepest = 0
        trees.walkPaths { path in
            deepest = max(deepest, path.count)
            return true
        }
        #expect(deepest == 3)
        let graph = SyncGraph(model)
        #expect(graph.successors.map(\.count).reduce(0, +) == 6, "six edges")
        #expect(["Browser": 1, "Search": 3, "Ranking": 1, "Ads": 0, "Index": 0, "Stats": 1].allSatisfy { name, fanOut in
            graph.fanOut(model.id(name)) == fanOut
        })
    }
}
