import Baton
import BatonLayout
import BatonModel
import BatonSyntax
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The graph view as a Mermaid flowchart: the same nodes, edges and clusters as the DOT export,
/// every line a statement of the flowchart subset the writer emits (checked by a small
/// validating reader, as there is no Mermaid here), and no text reaching Mermaid's lexer.
@Suite struct MermaidFlowchartTests {
    static func render(_ source: String, flow: String? = nil, direction: LayoutDirection = .leftToRight) throws -> String {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        return try Baton.render(compilation, source: Array(source.utf8),
                                options: RenderOptions(format: .mermaid, view: .graph, flow: flow, direction: direction))
    }

    /// What the reader found: the statements it accepted, by kind.
    struct Parsed {
        var nodes: [String] = []
        var shapes: [String: String] = [:]
        var subgraphs: [String] = []
        var edges: [(from: String, arrow: String, label: String?, to: String)] = []
        var labels: [String] = []
        var linkStyles: [[Int]] = []
        var classed: [String] = []
    }

    enum GrammarError: Error, CustomStringConvertible {
        case line(Int, String, String)
        var description: String {
            switch self {
            case .line(let number, let line, let why): "line \(number): \(why): \(line)"
            }
        }
    }

    /// A validating reader for the subset of Mermaid's flowchart grammar the writer emits:
    /// the header, `accTitle`/`accDescr`, `subgraph gN["…"]` … `end` (balanced, indented by
    /// depth), node statements `pN<open>"…"<close>` with matching brackets, edges
    /// `pN -->|"…"| pM` between declared nodes, `classDef`/`class`, and `linkStyle` with
    /// indices below the edge count. Quoted text must hold no quote, and once entity codes and
    /// `<br/>` are taken out, nothing Mermaid or a browser would read as syntax.
    static func parse(_ text: String) throws -> Parsed {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw GrammarError.line(lines.count, "", "no final newline") }
        lines.removeLast()
        guard let header = lines.first, header == "flowchart LR" || header == "flowchart TB" else {
            throw GrammarError.line(1, lines.first ?? "", "not a flowchart header")
        }
        let id = #"[pg](0|[1-9][0-9]*)"#
        let quoted = #""([^"]*)""#
        let shapes = [("([", "])"), ("[(", ")]"), ("[[", "]]"), ("{{", "}}"), ("(", ")"), ("[", "]"), (">", "]")]
        func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> { try Regex(pattern) }
        let nodePattern = try regex("^(" + id + ")(\\(\\[|\\[\\(|\\[\\[|\\{\\{|\\(|\\[|>)" + quoted + "(\\]\\)|\\)\\]|\\]\\]|\\}\\}|\\)|\\])$")
        let edgePattern = try regex("^(" + id + ") (-->|-\\.->)(\\|" + quoted + "\\|)? (" + id + ")$")
        let subgraphPattern = try regex("^subgraph (" + id + ")\\[" + quoted + "\\]$")
        let linkStylePattern = try regex(#"^linkStyle ([0-9]+(,[0-9]+)*) stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}$"#)
        let classPattern = try regex("^class (" + id + "(," + id + ")*) external$")

        var parsed = Parsed()
        var depth = 0
        var declared = Set<String>()
        var bodyStarted = false
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let statement = String(line.drop { $0 == " " })
            let indent = line.count - statement.count
            func fail(_ why: String) -> GrammarError { .line(number, line, why) }
            if statement == "end" {
                depth -= 1
                guard depth >= 0 else { throw fail("end without subgraph") }
                guard indent == 4 * (depth + 1) else { throw fail("indentation") }
                continue
            }
            guard indent == 4 * (depth + 1) else { throw fail("indentation") }
            if statement.hasPrefix("accTitle: ") || statement.hasPrefix("accDescr: ") {
                guard !bodyStarted, depth == 0 else { throw fail("accessibility text after the body") }
                parsed.labels.append(String(statement.dropFirst(10)))
                continue
            }
            bodyStarted = true
            if let match = try subgraphPattern.wholeMatch(in: statement) {
                let name = String(match.output[1].substring ?? "")
                guard declared.insert(name).inserted, name.hasPrefix("g") else { throw fail("subgraph id reused or not gN") }
                parsed.subgraphs.append(name)
                parsed.labels.append(String(match.output[3].substring ?? ""))
                depth += 1
            } else if let match = try nodePattern.wholeMatch(in: statement) {
                let name = String(match.output[1].substring ?? "")
                let open = String(match.output[3].substring ?? ""), close = String(match.output[5].substring ?? "")
                guard shapes.contains(where: { $0 == (open, close) }) else { throw fail("brackets do not match") }
                guard name.hasPrefix("p"), declared.insert(name).inserted else { throw fail("node id reused or not pN") }
                parsed.nodes.append(name)
                parsed.shapes[name] = open + close
                parsed.labels.append(String(match.output[4].substring ?? ""))
            } else if let match = try edgePattern.wholeMatch(in: statement) {
                guard depth == 0 else { throw fail("edge inside a subgraph") }
                let from = String(match.output[1].substring ?? ""), to = String(match.output[6].substring ?? "")
                guard from.hasPrefix("p"), to.hasPrefix("p"), declared.contains(from), declared.contains(to) else {
                    throw fail("edge between undeclared nodes")
                }
                let label = match.output[5].substring.map(String.init)
                if let label { parsed.labels.append(label) }
                parsed.edges.append((from, String(match.output[3].substring ?? ""), label, to))
            } else if statement == "classDef external stroke-dasharray:5 5" {
                guard depth == 0 else { throw fail("classDef inside a subgraph") }
            } else if let match = try classPattern.wholeMatch(in: statement) {
                let names = (match.output[1].substring ?? "").split(separator: ",").map(String.init)
                guard names.allSatisfy(declared.contains) else { throw fail("class of an undeclared node") }
                parsed.classed += names
            } else if let match = try linkStylePattern.wholeMatch(in: statement) {
                let indices = (match.output[1].substring ?? "").split(separator: ",").compactMap { Int($0) }
                guard indices.allSatisfy({ $0 < parsed.edges.count }) else { throw fail("linkStyle index beyond the edges") }
                parsed.linkStyles.append(indices)
            } else {
                throw fail("not a statement of the flowchart subset")
            }
        }
        guard depth == 0 else { throw GrammarError.line(lines.count, "", "unclosed subgraph") }
        for label in parsed.labels {
            guard !label.isEmpty else { throw GrammarError.line(0, label, "empty text") }
            let bare = MermaidTests.bare(label).replacingOccurrences(of: "<br/>", with: " ")
            for forbidden in ["\"", "|", "[", "]", "(", ")", "{", "}", "<", ">", "#", "%", ";", "`", "\\", "\n"]
                where bare.contains(forbidden) {
                throw GrammarError.line(0, label, "\(forbidden) reaches Mermaid")
            }
        }
        return parsed
    }

    @Test(arguments: RenderCase.designs)
    func everyLineIsInTheSubsetAndEveryNodeAndEdgeIsThere(_ testCase: RenderCase) throws {
        let text = try testCase.render(.mermaid, view: .graph)
        let parsed = try Self.parse(text)
        let compilation = try testCase.compile()
        let content = GraphViewContent(model: compilation.model)
        #expect(Set(parsed.nodes) == Set(content.nodes.map { "p\($0.rawValue)" }), "one node per participant shown")
        #expect(parsed.edges.count == content.edges.count, "one edge per graph-view edge")
        for (edge, written) in zip(content.edges, parsed.edges) {
            #expect(written.from == "p\(edge.dataSource.rawValue)" && written.to == "p\(edge.dataTarget.rawValue)")
            #expect(written.arrow == (edge.arrow == .call || edge.arrow == .fetch ? "-->" : "-.->"))
            #expect((written.label == nil) == edge.labels.isEmpty)
        }
        let callbacks = content.edges.indices.filter { content.edges[$0].arrow == .callback }
        #expect(parsed.linkStyles.flatMap { $0 } == callbacks, "callbacks, and only they, are coloured")
        #expect(Set(parsed.classed) == Set(content.nodes.filter { compilation.model[$0].kind.shape == .dashedBox }.map { "p\($0.rawValue)" }))
        func groups(_ clusters: [GraphViewContent.Cluster]) -> [String] {
            clusters.flatMap { ["g\($0.group.rawValue)"] + groups($0.subclusters) }
        }
        #expect(parsed.subgraphs == groups(content.clusters), "one subgraph per cluster, nested in order")
    }

    @Test(arguments: ["card-payments", "every-construct", "groups"])
    func golden(_ name: String) throws {
        let testCase = RenderCase(design: try #require(TestDesigns.named(name)), flow: nil)
        try Golden.check(try testCase.render(.mermaid, view: .graph), "mermaid/\(name).graph.mmd")
    }

    @Test func directionIsTheHeader() throws {
        let source = "service A\nservice B\nA -> B : x\n"
        #expect(try Self.render(source).hasPrefix("flowchart LR\n"))
        #expect(try Self.render(source, direction: .topToBottom).hasPrefix("flowchart TB\n"))
    }

    @Test func hostileNamesAndLabelsStayText() throws {
        let text = try Self.render(#"""
            title "end \"graph\" <b>"
            client end "end"
            service graph "\"quoted\" a|b"
            service subgraph "<script>alert(1)</script>"
            external o "#x [y] (z) `t` {u} %%c; \u{202E}r\nnext"
            group style "sub|graph] end" {
              store x
            }
            end -> graph : "a|b <script> #1 \"q\""
            graph -> subgraph : "--> p9"
            subgraph ->> o
            x ~> graph : "]) end"
            graph <- x : "#quot;"
            """#)
        let parsed = try Self.parse(text)
        #expect(parsed.nodes.sorted() == ["p0", "p1", "p2", "p3", "p4"])
        #expect(parsed.edges.count == 5)
        #expect(text.contains(##"p1("#quot;quoted#quot; a#124;b")"##))
        #expect(text.contains(##"p2("#lt;script#gt;alert#40;1#41;#lt;/script<br/>#gt;")"##))
        #expect(text.contains(##"p3["#35;x #91;y#93; #40;z#41; #96;t#96; #123;u#125; #37;#37;c#59;<br/>#92;u#123;202E#125;r<br/>next"]"##))
        #expect(text.contains(##"|"#35;quot#59;"|"##), "an entity code written by the user shows as written")
        #expect(text.contains("subgraph g0[\"sub#124;graph#93; end\"]"))
        #expect(!text.unicodeScalars.contains { $0 != "\n" && ControlCharacters.isHidden($0) })
        #expect(parsed.classed == ["p3"])
        #expect(parsed.linkStyles == [[3]])
    }

    @Test func theValidatorRejectsWhatMermaidWouldMisread() {
        let bad = [
            "flowchart LR\n    end\n",
            "flowchart LR\n    subgraph g0[\"a\"]\n",
            "flowchart LR\n    p0[\"a\")\n",
            "flowchart LR\n    p0[\"a\"]\n    p0 --> p1\n",
            "flowchart LR\n    p0[\"a\"]\n    p0 --> p0\n    linkStyle 1 stroke:#000000,color:#000000\n",
            "flowchart LR\n    p0[\"a|b\"]\n",
            "flowchart LR\n    p0[\"a<b\"]\n",
            "flowchart LR\n    end[\"a\"]\n",
            "flowchart LR\n    p0[\"a\"]",
        ]
        for text in bad {
            #expect(throws: GrammarError.self, "\(text)") { try Self.parse(text) }
        }
        #expect(throws: Never.self) { try Self.parse("flowchart TB\n    p0[\"a#124;b\"]\n    p0 -->|\"x<br/>y\"| p0\n") }
    }

    @Test func aFlowRestrictsTheGraph() throws {
        let source = "service A\nservice B\nservice C\nflow \"One\" {\n  A -> B : x\n}\nflow \"Two\" {\n  B -> C : y\n}\n"
        let parsed = try Self.parse(try Self.render(source, flow: "Two"))
        #expect(parsed.nodes == ["p1", "p2"])
        #expect(parsed.edges.map(\.label) == ["y"])
    }
}
