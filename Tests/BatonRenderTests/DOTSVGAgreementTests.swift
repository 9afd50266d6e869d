// The DOT export and Baton's own SVG draw each interaction kind the same way: the same head at
// the data's end, the baton at the initiator's, the same line and label colours. Read from the
// output of both (Graphviz's arrow names from the DOT, the drawn shapes from the SVG), in both
// themes, so a change to one writer that the other does not follow fails here.

import Baton
import BatonLayout
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

@Suite struct DOTSVGAgreementTests {
    /// What is drawn at the data's end of a line.
    enum Head: Hashable, CustomStringConvertible {
        case filledTriangle
        case hollowTriangle
        /// Two strokes meeting at the tip (Graphviz has no such arrow).
        case chevron
        case other(String)

        var description: String {
            switch self {
            case .filledTriangle: "filled triangle"
            case .hollowTriangle: "hollow triangle"
            case .chevron: "open chevron"
            case .other(let name): name
            }
        }
    }

    /// How one interaction kind is drawn: its head, whether a baton sits at the head's end (a
    /// fetch) or at the other end, and its line's and label's colours.
    struct Look: Hashable, CustomStringConvertible {
        var head: Head
        var batonAtHead: Bool
        var lineColor: String
        var labelColor: String?

        var description: String {
            "\(head), baton at the \(batonAtHead ? "head" : "tail"), line \(lineColor), label \(labelColor ?? "-")"
        }
    }

    static let kinds = ["call", "send", "callback", "fetch"]

    /// One interaction of every kind, each with a label of its own name.
    static let source = """
        service A
        service B
        queue Q
        A -> B : call
        A ->> Q : send
        B ~> A : callback
        A <- Q : fetch
        """

    static func render(_ format: RenderFormat, theme: Theme.Name, view: RenderView? = nil) throws -> String {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        return try Baton.render(compilation, source: Array(source.utf8),
                                options: RenderOptions(format: format, view: view, theme: theme))
    }

    // MARK: - Reading DOT

    /// `key="value"` pairs of one attribute list.
    static func attributes(_ list: Substring) -> [String: String] {
        var out: [String: String] = [:]
        let pattern = /([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\]\s]+))/
        for match in list.matches(of: pattern) {
            out[String(match.1)] = String(match.2 ?? match.3 ?? "")
        }
        return out
    }

    /// Graphviz's arrow names (docs: "arrowType") as the shapes they draw.
    static func head(graphviz name: String) -> (head: Head, baton: Bool) {
        var name = Substring(name)
        var baton = false
        if name.hasPrefix("dot") {
            baton = true
            name = name.dropFirst(3)
        }
        switch name {
        case "normal": return (.filledTriangle, baton)
        case "onormal", "empty": return (.hollowTriangle, baton)
        default: return (.other(String(name)), baton)
        }
    }

    static func dotLooks(_ dot: String) throws -> [String: Look] {
        let lines = dot.split(separator: "\n")
        let defaults = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("edge [") })
        let edgeDefaults = attributes(defaults)
        var looks: [String: Look] = [:]
        for line in lines where line.contains(" -> ") {
            let list = try #require(line.split(separator: "[", maxSplits: 1).last)
            let a = attributes(list)
            guard let label = a["label"], Self.kinds.contains(label) else { continue }
            let head = Self.head(graphviz: a["arrowhead"] ?? "normal")
            let tailBaton = a["dir"] == "both" && a["arrowtail"] == "dot"
            #expect(head.baton != tailBaton, "\(label): one baton, at one end")
            looks[label] = Look(head: head.head, batonAtHead: head.baton, lineColor: a["color"] ?? edgeDefaults["color"] ?? "",
                                labelColor: a["fontcolor"] ?? edgeDefaults["fontcolor"])
        }
        return looks
    }

    // MARK: - Reading SVG

    /// The elements of every `<g class="interaction KIND">` group, by kind.
    static func interactionGroups(_ svg: String) -> [String: [Substring]] {
        var groups: [String: [Substring]] = [:]
        var current: String?
        for line in svg.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let match = trimmed.firstMatch(of: /^<g [^>]*class="interaction ([a-z]+)"/) {
                current = String(match.1)
                groups[String(match.1), default: []] = []
            } else if trimmed.hasPrefix("</g>") {
                current = nil
            } else if let current {
                groups[current, default: []].append(line)
            }
        }
        return groups
    }

    /// The look of one interaction's group: its first path is the line; a closed path filled
    /// with the line's colour is a filled head, a closed path without fill a hollow one, an open
    /// two-segment path a chevron; a circle is the baton.
    static func svgLook(_ elements: [Substring], kind: String) throws -> Look {
        let paths = elements.filter { $0.contains("<path") }
        let line = try #require(paths.first, "\(kind): no line")
        let stroke = try #require(attributes(line)["stroke"])
        func points(_ d: String) -> [(Double, Double)] {
            d.matches(of: /([-0-9.]+),([-0-9.]+)/).compactMap { m in Double(m.1).flatMap { x in Double(m.2).map { (x, $0) } } }
        }
        let linePoints = points(attributes(line)["d"] ?? "")
        let start = try #require(linePoints.first), end = try #require(linePoints.last)
        var head: Head?
        var tip: (Double, Double)?
        for path in paths.dropFirst() {
            let a = attributes(path)
            let d = a["d"] ?? ""
            let points = points(d)
            if d.hasSuffix("Z"), a["fill"] == stroke {
                head = .filledTriangle
                tip = points.first
            } else if d.hasSuffix("Z"), a["fill"] == "none" {
                head = .hollowTriangle
                tip = points.count == 3 ? points[1] : nil
            } else if a["fill"] == "none", points.count == 3 {
                head = .chevron
                tip = points[1]
            }
        }
        let circle = try #require(elements.first { $0.contains("<circle") }, "\(kind): no baton")
        let c = attributes(circle)
        let baton = (Double(c["cx"] ?? "") ?? .nan, Double(c["cy"] ?? "") ?? .nan)
        let headTip = try #require(tip, "\(kind): no head")
        // The baton is at the head's end when it is nearer the tip than the line's other end is.
        func distance(_ p: (Double, Double), _ q: (Double, Double)) -> Double { hypot(p.0 - q.0, p.1 - q.1) }
        let farEnd = distance(start, headTip) > distance(end, headTip) ? start : end
        let batonAtHead = distance(baton, headTip) < distance(baton, farEnd)
        let text = elements.first { $0.contains("<text") }
        return Look(head: head ?? .other("none"), batonAtHead: batonAtHead, lineColor: stroke,
                    labelColor: text.flatMap { attributes($0)["fill"] })
    }

    static func svgLooks(_ svg: String) throws -> [String: Look] {
        var looks: [String: Look] = [:]
        for (kind, elements) in interactionGroups(svg) { looks[kind] = try svgLook(elements, kind: kind) }
        return looks
    }

    // MARK: - Agreement

    @Test(arguments: Theme.Name.allCases)
    func theSequenceViewAndTheDOTExportDrawEveryKindAlike(_ theme: Theme.Name) throws {
        let dot = try Self.dotLooks(try Self.render(.dot, theme: theme))
        let svg = try Self.svgLooks(try Self.render(.svg, theme: theme))
        for kind in Self.kinds {
            let fromDOT = try #require(dot[kind], "no \(kind) edge in the DOT")
            let fromSVG = try #require(svg[kind], "no \(kind) arrow in the SVG")
            #expect(fromDOT == fromSVG, "\(kind): DOT draws \(fromDOT), the SVG \(fromSVG)")
        }
        // What they agree on is the notation: waiting is a filled head, not waiting a hollow one.
        #expect(svg["call"]?.head == .filledTriangle && svg["fetch"]?.head == .filledTriangle)
        #expect(svg["send"]?.head == .hollowTriangle && svg["callback"]?.head == .hollowTriangle)
        #expect(svg["callback"]?.labelColor == Theme.named(theme).callback)
        #expect(svg["send"]?.labelColor == Theme.named(theme).ink)
    }

    /// The graph view's SVG draws the same heads and batons (its labels are placed by the graph
    /// view and compared there).
    @Test func theGraphViewDrawsTheSameHeads() throws {
        let dot = try Self.dotLooks(try Self.render(.dot, theme: .light))
        let graph = try Self.svgLooks(try Self.render(.svg, theme: .light, view: .graph))
        // The graph view names its groups by kind too; edges merge per kind, so each kind is one edge.
        for kind in Self.kinds {
            let fromDOT = try #require(dot[kind])
            let fromSVG = try #require(graph[kind], "no \(kind) edge in the graph view")
            #expect(fromDOT.head == fromSVG.head && fromDOT.batonAtHead == fromSVG.batonAtHead
                    && fromDOT.lineColor == fromSVG.lineColor, "\(kind): DOT draws \(fromDOT), the graph view \(fromSVG)")
        }
    }

    /// The reader can fail: a chevron and a hollow triangle read as different heads.
    @Test func theReaderTellsTheHeadsApart() throws {
        let chevron = try Self.svgLook([
            ##"<path d="M10,20L100,20" fill="none" stroke="#000000" stroke-width="1.5"/>"##,
            ##"<circle cx="10" cy="20" r="4" fill="#000000"/>"##,
            ##"<path d="M90,24.5L100,20L90,15.5" fill="none" stroke="#000000" stroke-width="1.5"/>"##,
        ], kind: "send")
        #expect(chevron.head == .chevron && !chevron.batonAtHead)
        let hollow = try Self.svgLook([
            ##"<path d="M10,20L90,20" fill="none" stroke="#000000" stroke-width="1.5"/>"##,
            ##"<circle cx="10" cy="20" r="4" fill="#000000"/>"##,
            ##"<path d="M90,24.5L100,20L90,15.5Z" fill="none" stroke="#000000" stroke-width="1.5"/>"##,
        ], kind: "send")
        #expect(hollow.head == .hollowTriangle)
        #expect(Self.head(graphviz: "onormal").head == .hollowTriangle)
        #expect(Self.head(graphviz: "vee").head == .other("vee"))
        #expect(Self.head(graphviz: "dotnormal") == (.filledTriangle, true))
    }
}
