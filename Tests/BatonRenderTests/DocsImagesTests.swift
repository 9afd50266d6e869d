import Baton
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The pictures in docs/rendering.md: up to date with the renderer, and drawable.
@Suite struct DocsImagesTests {
    static let images = TestDesigns.packageRoot.appendingPathComponent("docs/images")

    static var svgFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: images.path)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
    }

    @Test(arguments: TestDesigns.samples)
    func sampleSequencePicturesAreUpToDate(_ design: TestDesigns.Design) throws {
        let picture = try String(contentsOf: Self.images.appendingPathComponent("\(design.name).svg"), encoding: .utf8)
        #expect(picture == (try RenderCase(design: design, flow: nil).render(.svg)),
                "docs/images/\(design.name).svg is stale: run scripts/render-docs-images.sh")
    }

    /// The graph pictures are Baton's own layout too (no Graphviz involved).
    @Test(arguments: TestDesigns.samples)
    func sampleGraphPicturesAreUpToDate(_ design: TestDesigns.Design) throws {
        let picture = try String(contentsOf: Self.images.appendingPathComponent("\(design.name).graph.svg"), encoding: .utf8)
        #expect(picture == (try RenderCase(design: design, flow: nil).render(.svg, view: .graph)),
                "docs/images/\(design.name).graph.svg is stale: run scripts/render-docs-images.sh")
    }

    @Test(arguments: [("legend.svg", Theme.Name.light, RenderView.sequence), ("legend.dark.svg", .dark, .sequence),
                      ("legend.graph.svg", .light, .graph), ("legend.graph.dark.svg", .dark, .graph)])
    func legendIsUpToDate(_ file: String, _ theme: Theme.Name, _ view: RenderView) throws {
        let design = TestDesigns.Design(name: "legend", url: Self.images.appendingPathComponent("legend.baton"))
        let picture = try String(contentsOf: Self.images.appendingPathComponent(file), encoding: .utf8)
        #expect(picture == (try RenderCase(design: design, flow: nil).render(.svg, theme: theme, view: view)),
                "docs/images/\(file) is stale: run scripts/render-docs-images.sh")
    }

    /// docs/simulation.md shows the charts of the simulated samples' scenarios, as
    /// `baton render --view simulation` draws them.
    @Test(arguments: [("simulation-retry-storm", "retry-storm-simulated", "Retry storm"),
                      ("simulation-retry-storm-repaired", "retry-storm-simulated", "Repaired"),
                      ("simulation-checkout", "checkout-under-load", "Payment outage")],
          Theme.Name.allCases)
    func simulationChartsAreUpToDate(_ file: (name: String, sample: String, scenario: String), _ theme: Theme.Name) throws {
        let design = try #require(TestDesigns.named(file.sample))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let chart = try Baton.render(compilation, source: design.bytes,
                                     options: RenderOptions(view: .simulation, theme: theme, scenario: file.scenario))
        let name = file.name + (theme == .dark ? ".dark" : "") + ".svg"
        let picture = try String(contentsOf: Self.images.appendingPathComponent(name), encoding: .utf8)
        #expect(picture == chart, "docs/images/\(name) is stale: run scripts/render-docs-images.sh")
    }

    /// The card-payments sample with its findings drawn (`render --findings`), in both views.
    @Test(arguments: [("card-payments-findings.svg", RenderView.sequence), ("card-payments-findings.graph.svg", .graph)])
    func findingsPicturesAreUpToDate(_ file: String, _ view: RenderView) throws {
        let design = try #require(TestDesigns.named("card-payments"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        var options = RenderOptions(format: .svg, view: view)
        options.marks = Baton.findingMarks(compilation)
        let picture = try String(contentsOf: Self.images.appendingPathComponent(file), encoding: .utf8)
        #expect(picture == (try Baton.render(compilation, source: design.bytes, options: options)),
                "docs/images/\(file) is stale: run scripts/render-docs-images.sh")
    }

    /// The web-checkout sample explaining itself (`render --legend --numbers --timing`).
    @Test func explainedPictureIsUpToDate() throws {
        let design = try #require(TestDesigns.named("web-checkout"))
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        var options = RenderOptions(format: .svg)
        options.legend = true
        options.numbers = true
        options.timing = true
        let picture = try String(contentsOf: Self.images.appendingPathComponent("web-checkout-explained.svg"), encoding: .utf8)
        #expect(picture == (try Baton.render(compilation, source: design.bytes, options: options)),
                "docs/images/web-checkout-explained.svg is stale: run scripts/render-docs-images.sh")
    }

    @Test func theDocumentShowsEveryPicture() throws {
        let document = try String(contentsOf: TestDesigns.packageRoot.appendingPathComponent("docs/rendering.md"), encoding: .utf8)
        for file in Self.svgFiles {
            #expect(document.contains("(images/\(file))"), "docs/rendering.md does not show \(file)")
        }
    }

    @Test(.requires(program: "rsvg-convert"), arguments: svgFiles)
    func everyPictureRenders(_ file: String) throws {
        let rsvg = try ExternalProgram.require("rsvg-convert", package: "librsvg2-bin")
        let output = try rsvg.run(["--format=png", Self.images.appendingPathComponent(file).path])
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty, "\(file): \(output.standardError)")
    }
}
