import Baton
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The rules an SVG must keep to survive GitHub, MkDocs, MDX, sanitizers and librsvg (see
/// docs/rendering.md), checked on every output.
@Suite struct SVGDocumentTests {
    static func ids(in text: String) -> [String] {
        attributeValues("id", in: text)
    }

    static func attributeValues(_ name: String, in text: String) -> [String] {
        var values: [String] = []
        var rest = Substring(text)
        let needle = " \(name)=\""
        while let range = rest.range(of: needle) {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }

    @Test(arguments: RenderCase.all, RenderView.diagrams)
    func keepsToThePortableSubset(_ testCase: RenderCase, _ view: RenderView) throws {
        let svg = try testCase.render(.svg, view: view)
        for forbidden in ["foreignObject", "<script", "<style", "var(", "textLength", "href", "url(", "<image",
                          "xml:space", "dominant-baseline", "\r", "\t"] {
            #expect(!svg.contains(forbidden), "the SVG contains \(forbidden)")
        }
        #expect(!svg.contains("\n\n"), "a blank line would end a Markdown HTML block")
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test(arguments: RenderCase.all, RenderView.diagrams)
    func hasSizeViewBoxAndAccessibleName(_ testCase: RenderCase, _ view: RenderView) throws {
        let svg = try testCase.render(.svg, view: view)
        let root = String(svg.prefix { $0 != ">" })
        let width = try #require(Self.attributeValues("width", in: root).first.flatMap(Double.init))
        let height = try #require(Self.attributeValues("height", in: root).first.flatMap(Double.init))
        #expect(Self.attributeValues("viewBox", in: root) == ["0 0 \(SVGOutput.format(width)) \(SVGOutput.format(height))"])
        #expect(Self.attributeValues("role", in: root) == ["img"])
        let prefix = try #require(Self.ids(in: root).first)
        #expect(Self.attributeValues("aria-labelledby", in: root) == ["\(prefix)-title \(prefix)-desc"])
        #expect(svg.contains("<title id=\"\(prefix)-title\">"))
        #expect(svg.contains("<desc id=\"\(prefix)-desc\">"))
        #expect(Self.attributeValues("font-family", in: root).first?.hasPrefix("Arial") == true)
        for id in Self.ids(in: svg) {
            #expect(id == prefix || id.hasPrefix(prefix + "-"), "id \(id) lacks the prefix \(prefix)")
        }
    }

    @Test(arguments: RenderCase.all, RenderView.diagrams)
    func numbersHaveAtMostTwoDecimalsAndNoNegativeZero(_ testCase: RenderCase, _ view: RenderView) throws {
        let svg = try testCase.render(.svg, view: view)
        var number = ""
        func check() {
            if let dot = number.firstIndex(of: ".") {
                #expect(number.distance(from: dot, to: number.endIndex) <= 3, "\(number) has more than two decimals")
            }
            #expect(number != "-0", "negative zero")
            number = ""
        }
        // Only attribute values: text content may legitimately contain any digits.
        for value in ["x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "d", "points", "font-size"]
            .flatMap({ Self.attributeValues($0, in: svg) }) {
            for character in value {
                if character.isNumber || character == "." || (character == "-" && number.isEmpty) {
                    number.append(character)
                } else {
                    check()
                }
            }
            check()
        }
    }

    @Test func idPrefixDependsOnContentAndOptions() {
        let a = Array("service A".utf8), b = Array("service B".utf8)
        let base = IDPrefix.derived(source: a, format: .svg, view: .sequence, flow: nil, theme: .light)
        #expect(base.hasPrefix("b-") && base.count == 12)
        #expect(base == IDPrefix.derived(source: a, format: .svg, view: .sequence, flow: nil, theme: .light))
        #expect(base != IDPrefix.derived(source: b, format: .svg, view: .sequence, flow: nil, theme: .light))
        #expect(base != IDPrefix.derived(source: a, format: .svg, view: .sequence, flow: nil, theme: .dark))
        #expect(base != IDPrefix.derived(source: a, format: .svg, view: .sequence, flow: "F", theme: .light))
        let graph = IDPrefix.derived(source: a, format: .svg, view: .graph, flow: nil, theme: .light)
        #expect(graph != base)
        #expect(graph != IDPrefix.derived(source: a, format: .svg, view: .graph, flow: nil, theme: .light, direction: .topToBottom))
    }

    @Test func aGivenIDPrefixIsUsedEverywhere() throws {
        let compilation = Baton.compile(source: "service A\nservice B\nA -> B : go")
        let svg = try Baton.render(compilation, source: [], options: RenderOptions(idPrefix: "docs-fig1"))
        for id in Self.ids(in: svg) { #expect(id == "docs-fig1" || id.hasPrefix("docs-fig1-")) }
        #expect(throws: RenderError.self) {
            try Baton.render(compilation, source: [], options: RenderOptions(idPrefix: "1 bad\"prefix"))
        }
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (-0.001, "0"), (0.004, "0"), (0.005, "0.01"), (12.5, "12.5"), (12.50001, "12.5"),
        (-3.14159, "-3.14"), (100, "100"), (0.1 + 0.2, "0.3"), (1e20, "10000000000000"), (.nan, "0"), (.infinity, "0"),
    ])
    func numberFormat(_ value: Double, _ expected: String) {
        #expect(SVGOutput.format(value) == expected)
    }

    @Test func escapingKeepsTheDocumentWellFormed() {
        var out = ""
        SVGOutput.escape("a<b>&\"c\"'d' ]]> \u{1}\u{FFFE}\nx\ty\u{9B}\u{202E}z", into: &out)
        #expect(out == #"a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; ]]&gt; \u{1}\#u{FFFD} x y\u{9B}\u{202E}z"#)
    }
}
