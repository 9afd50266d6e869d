import Baton
import BatonLayout
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

@Suite struct DOTTests {
    static func render(_ source: String, flow: String? = nil) throws -> String {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        return try Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .dot, flow: flow))
    }

    @Test func interactionsOfOneKindBetweenTheSameEndsMergeIntoOneEdge() throws {
        let dot = try Self.render("""
            service A
            service B
            A -> B : first
            A -> B : second
            A -> B : first
            A ->> B : async
            B -> A : back
            """)
        #expect(dot.contains("\"A\" -> \"B\" [label=\"first\\nsecond\", dir=\"both\", arrowtail=\"dot\", arrowhead=\"normal\"];"))
        #expect(dot.contains("\"A\" -> \"B\" [label=\"async\", style=\"dashed\", dir=\"both\", arrowtail=\"dot\", arrowhead=\"onormal\"];"))
        #expect(dot.contains("\"B\" -> \"A\" [label=\"back\""))
        #expect(dot.components(separatedBy: " -> ").count - 1 == 3)
    }

    @Test func aFetchRunsInTheDataDirectionWithTheBatonAtTheHead() throws {
        let dot = try Self.render("service Consumer\nqueue Q\nConsumer <- Q : take")
        #expect(dot.contains("\"Q\" -> \"Consumer\" [label=\"take\", arrowhead=\"dotnormal\"];"))
    }

    @Test func callbacksAreDottedInTheirOwnColour() throws {
        let dot = try Self.render("service A\nexternal B\nA -> B : register\nB ~> A : notify")
        #expect(dot.contains("\"B\" -> \"A\" [label=\"notify\", style=\"dotted\", dir=\"both\", arrowtail=\"dot\", arrowhead=\"onormal\", color=\"\(Theme.light.callback)\""))
    }

    @Test func everyKindHasItsShape() throws {
        let dot = try Self.render("client C\nservice S\nexternal E\nqueue Q\ntopic T\nstore D\ndriver R")
        #expect(dot.contains("\"C\" [label=\"C\", shape=\"box\", style=\"rounded,filled,bold\""))
        #expect(dot.contains("\"S\" [label=\"S\", shape=\"box\", style=\"rounded,filled\""))
        #expect(dot.contains("\"E\" [label=\"E\", shape=\"box\", style=\"dashed,filled\""))
        #expect(dot.contains("\"Q\" [label=<<TABLE "))
        #expect(dot.contains("<TR><TD>Q</TD><TD BORDER=\"1\" SIDES=\"L\" WIDTH=\"10\"></TD>"))
        #expect(dot.contains("\"T\" [label=<<TABLE "))
        #expect(dot.contains("<TD ROWSPAN=\"3\">T</TD>"))
        #expect(dot.contains("</TABLE>>, shape=\"plain\"];"))
        #expect(dot.contains("\"D\" [label=\"D\", shape=\"cylinder\""))
        #expect(dot.contains("\"R\" [label=\"R\", shape=\"hexagon\""))
    }

    @Test func groupsAreNestedClusters() throws {
        let dot = try Self.render("group Outer { group Inner { service A }\n service B }\nservice C\nA -> B : x\nB -> C : y")
        let outer = try #require(dot.range(of: "subgraph \"cluster_Outer\" {"))
        let inner = try #require(dot.range(of: "subgraph \"cluster_Inner\" {"))
        #expect(outer.lowerBound < inner.lowerBound)
        #expect(dot.contains("    subgraph \"cluster_Inner\" {\n      graph [label=\"Inner\""))
    }

    @Test func aFlowRestrictsTheGraph() throws {
        let source = "service A\nservice B\nservice C\nA -> B : main\nflow \"Side\" {\n  B -> C : side\n}"
        let side = try Self.render(source, flow: "Side")
        #expect(!side.contains("\"A\""))
        #expect(side.contains("\"B\" -> \"C\""))
        let all = try Self.render(source)
        #expect(all.contains("\"A\" -> \"B\"") && all.contains("\"B\" -> \"C\""))
    }

    @Test func escaping() {
        #expect(DOTEscaping.quoted("a\"b\\c\nd&e\u{1}\tf\u{202E}") == #""a\"b\\c\nd&amp;e\\u{1} f\\u{202E}""#)
        #expect(DOTEscaping.html("a<b>&\"c\"\u{1}\u{9B}") == #"a&lt;b&gt;&amp;&quot;c&quot;\u{1}\u{9B}"#)
    }

    /// Graphviz rejects strings beyond 16 KB: long labels are cut on a character boundary, and
    /// the escaping itself never writes more than `DOTLimits.quotedBytes` between the quotes.
    @Test func longTextIsCutBelowGraphvizsLimit() {
        let cut = DOTLimits.shortened(String(repeating: "é", count: 1_000))
        #expect(cut.hasSuffix("…"))
        #expect(cut.utf8.count <= DOTLimits.textBytes)
        #expect(cut.dropLast().allSatisfy { $0 == "é" })
        #expect(DOTLimits.shortened("short") == "short")
        for unit in ["&", "\"", "\\", "a", "👩‍👩‍👧", "\n"] {
            let quoted = DOTEscaping.quoted(String(repeating: unit, count: 20_000))
            #expect(quoted.utf8.count <= DOTLimits.quotedBytes + 2)
            #expect(quoted.hasSuffix("…\""), "cut between escapes, never inside one")
        }
    }

    /// Names are node ids while short; a name too long for Graphviz gets a short id that is
    /// stable, cannot be a name (`~`), and differs for names that share a long prefix.
    @Test func longNamesGetShortStableIds() throws {
        #expect(DOTLimits.id("Orders") == "Orders")
        let long = "Svc" + String(repeating: "x", count: 20_000)
        let id = DOTLimits.id(long)
        #expect(id.utf8.count < 64)
        #expect(id.hasPrefix("Svc") && id.contains("~"))
        #expect(DOTLimits.id(long) == id)
        #expect(DOTLimits.id(long + "y") != id)
        let dot = try Self.render("service \(long)\nservice B\n\(long) -> B : x\n")
        #expect(dot.contains("  \"\(id)\" [label=\""))
        #expect(dot.contains("\"\(id)\" -> \"B\" [label=\"x\""))
        #expect(!dot.contains(long))
    }

    /// Node, edge and cluster labels are the graph view's (`GraphViewLabels`): the DOT breaks
    /// and cuts them where the native graph view does.
    @Test func labelsBreakWhereTheGraphViewBreaksThem() throws {
        let source = """
            group Team "A team whose name is long enough to wrap in the title of its cluster" {
              service A "A service with a rather long display name"
            }
            service B
            A -> B : a label long enough to need more room than the two lines of one hundred and seventy pixels that an edge label may hold
            """
        let dot = try Self.render(source)
        let scene = GraphViewLayout.scene(model: Baton.compile(source: source).model, flow: nil)
        func texts(_ items: [SceneItem]) -> [TextBlock] {
            items.flatMap { item -> [TextBlock] in
                switch item {
                case .text(let text): [text]
                case .group(let group): texts(group.items)
                case .shape, .line: []
                }
            }
        }
        let labels = texts(scene.items).filter { [.participantLabel, .interactionLabel, .groupLabel].contains($0.role) }
        #expect(labels.count == 4)
        #expect(labels.contains { $0.lines.count == 2 && $0.lines[1].hasSuffix("\u{2026}") }, "the edge label is cut")
        for label in labels where label.lines.count > 1 {
            #expect(dot.contains("label=\"" + label.lines.joined(separator: "\\n") + "\""), "\(label.lines)")
        }
    }

    @Test func manyLabelsAreSummarised() throws {
        var source = "service A\nservice B\n"
        for index in 1...6 { source += "A -> B : op\(index)\n" }
        let dot = try Self.render(source)
        #expect(dot.contains("label=\"op1\\nop2\\nop3\\nop4\\n(+2 more)\""))
    }
}
