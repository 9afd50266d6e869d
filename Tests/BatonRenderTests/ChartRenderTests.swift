import BatonLayout
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// Time charts as SVG: the golden picture, the SVG rules every diagram keeps, determinism, and
/// real clients (libxml2, librsvg).
@Suite struct ChartRenderTests {
    static let charts: [(name: String, chart: TimeChart)] = [("provider outage", ChartFixtures.providerOutage())]
        + ChartFixtures.edgeCases

    static func svg(_ chart: TimeChart, _ theme: Theme.Name = .light, prefix: String = "chart") -> String {
        ChartRenderer.svg(chart: chart, options: SVGOptions(theme: .named(theme), idPrefix: prefix))
    }

    @Test func providerOutageMatchesItsGolden() throws {
        try Golden.check(Self.svg(ChartFixtures.providerOutage()), "chart/provider-outage.svg")
    }

    /// docs/rendering.md shows the same chart in both themes, with the ids a user would get.
    @Test(arguments: Theme.Name.allCases)
    func theDocumentationPictureIsUpToDate(_ theme: Theme.Name) throws {
        let chart = ChartFixtures.providerOutage()
        let svg = ChartRenderer.svg(chart: chart, options: SVGOptions(
            theme: .named(theme), idPrefix: ChartRenderer.idPrefix(chart: chart, theme: .named(theme))))
        let url = TestDesigns.packageRoot.appendingPathComponent("docs/images/simulation-chart\(theme == .dark ? ".dark" : "").svg")
        if Golden.isUpdating {
            try Data(svg.utf8).write(to: url)
            return
        }
        let picture = try String(contentsOf: url, encoding: .utf8)
        #expect(picture == svg, "\(url.lastPathComponent) is stale: run the chart tests with UPDATE_GOLDENS=1")
    }

    @Test func theSameChartGivesTheSameBytes() {
        for theme in Theme.Name.allCases {
            #expect(Self.svg(ChartFixtures.providerOutage(), theme) == Self.svg(ChartFixtures.providerOutage(), theme))
        }
    }

    @Test(arguments: charts.indices)
    func keepsToThePortableSubset(_ index: Int) throws {
        let (name, chart) = Self.charts[index]
        for theme in Theme.Name.allCases {
            let svg = Self.svg(chart, theme)
            for forbidden in ["foreignObject", "<script", "<style", "var(", "textLength", "href", "url(", "<image",
                              "xml:space", "dominant-baseline", "\r", "\t"] {
                #expect(!svg.contains(forbidden), "\(name): the SVG contains \(forbidden)")
            }
            #expect(!svg.contains("\n\n"), "\(name): a blank line would end a Markdown HTML block")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(svg.contains(" role=\"img\" aria-labelledby=\"chart-title chart-desc\" aria-roledescription=\"time chart\""))
            #expect(svg.contains("<title id=\"chart-title\">") && svg.contains("<desc id=\"chart-desc\">Time chart “"))
            for id in SVGDocumentTests.ids(in: svg) {
                #expect(id == "chart" || id.hasPrefix("chart-"), "\(name): id \(id) lacks the prefix")
            }
            // Numbers as the writer formats them: at most two decimals, never -0, NaN or inf.
            let numbers = try Regex(#"-?[0-9]*\.?[0-9]+"#)
            for value in ["x", "y", "width", "height", "d", "points", "font-size", "fill-opacity", "stroke-width"]
                .flatMap({ SVGDocumentTests.attributeValues($0, in: svg) }) {
                #expect(!value.lowercased().contains("nan") && !value.lowercased().contains("inf"), "\(name): \(value)")
                for match in value.matches(of: numbers) {
                    let number = String(value[match.range])
                    #expect(number != "-0", "\(name): negative zero")
                    if let dot = number.firstIndex(of: ".") {
                        #expect(number.distance(from: dot, to: number.endIndex) <= 3, "\(name): \(number)")
                    }
                }
            }
        }
    }

    @Test func labelsAreEscaped() throws {
        let svg = Self.svg(ChartFixtures.edgeCases[0].chart)
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39; ]]&gt; --&gt;"))
        #expect(svg.contains(">&lt;b&gt;panel&lt;/b&gt;</text>"))
        #expect(svg.contains(">&lt;fault &amp; &quot;x&quot;&gt;</text>"))
        #expect(svg.contains("\\u{202E}reversed"))
        #expect(!svg.contains("\u{202E}"))
    }

    /// 60,000 points a series drawn with about one per pixel: a long run stays a small file.
    @Test func aLongRunGivesASmallFile() throws {
        let svg = Self.svg(try #require(ChartFixtures.edgeCases.first { $0.name == "long run" }).chart)
        #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
    }

    @Test func idPrefixesFollowTheContentAndTheTheme() {
        let chart = ChartFixtures.providerOutage()
        let light = ChartRenderer.idPrefix(chart: chart, theme: .light)
        #expect(light.hasPrefix("c-") && light.count == 12)
        #expect(light == ChartRenderer.idPrefix(chart: chart, theme: .light))
        #expect(light != ChartRenderer.idPrefix(chart: chart, theme: .dark))
        var other = chart
        other.title = "Another outage"
        #expect(light != ChartRenderer.idPrefix(chart: other, theme: .light))
    }

    @Test(.requires(program: "xmllint"), .requires(program: "rsvg-convert"), arguments: charts.indices)
    func libxml2AndLibrsvgTakeTheChart(_ index: Int) throws {
        let xmllint = try ExternalProgram.require("xmllint", package: "libxml2-utils")
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let (name, chart) = Self.charts[index]
        for theme in Theme.Name.allCases {
            let svg = Data(Self.svg(chart, theme).utf8)
            let lint = try xmllint.run(["--noout", "-"], input: svg)
            #expect(lint.status == 0 && lint.standardError.isEmpty, "\(name): xmllint said: \(lint.standardError)")
            let png = try rsvg.run(["--format=png"], input: svg)
            #expect(png.status == 0)
            #expect(png.standardError.isEmpty, "\(name): rsvg-convert said: \(png.standardError)")
            #expect(Array(png.standardOutput.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
    }
}
