import Baton
import BatonDocs
import BatonLayout
import BatonModel
import BatonRender
import Testing

/// The renderer documentation builds call for each fenced diagram.
@Suite struct DiagramRendererTests {
    static func request(_ source: String, flow: String? = nil, view: RenderView = .sequence, theme: Theme.Name = .light,
                        idPrefix: String = "bdocs1") -> DiagramRequest {
        DiagramRequest(input: SourceInput(displayPath: "doc.md", resolvedPath: "/nowhere/doc.md", bytes: Array(source.utf8)),
                       flow: flow, view: view, theme: theme, idPrefix: idPrefix)
    }

    @Test func drawsTheSequenceViewWithTheGivenPrefixAndADescription() throws {
        let result = Baton.diagramRenderer(Self.request("client C\nservice S\nC -> S : order", theme: .dark))
        let diagram = try result.get()
        #expect(diagram.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" id=\"bdocs1\""))
        #expect(diagram.svg.contains("fill=\"\(Theme.dark.background)\""))
        #expect(diagram.description.contains("C calls S: order"))
    }

    /// A fence's `legend`, `numbers` and `timing` draw what `render --legend --numbers --timing`
    /// draws; without them the picture is the plain one.
    @Test func drawsTheExplanationsAFenceAsksFor() throws {
        let source = "client C\nservice S [timeout=1s]\nstore D [timeout=2s]\nC -> S : order {\n  S <- D : read\n}"
        var request = Self.request(source)
        let plain = try Baton.diagramRenderer(request).get().svg
        #expect(!plain.contains("class=\"legend\"") && !plain.contains("step-number") && !plain.contains("class=\"timing"))
        request.explanations = DiagramExplanations(legend: true, numbers: true, timing: true)
        let explained = try Baton.diagramRenderer(request).get().svg
        #expect(explained.contains("class=\"legend\""))
        #expect(explained.contains("class=\"legend-entry call\"") && explained.contains("class=\"legend-entry fetch\""))
        #expect(explained.components(separatedBy: "class=\"step-number\"").count == 3)
        #expect(explained.contains("class=\"timing inversion\"") && explained.contains("waits up to 2s: inversion"))
    }

    @Test func drawsTheGraphView() throws {
        let diagram = try Baton.diagramRenderer(Self.request("client C\nservice S\nC -> S : order", view: .graph)).get()
        #expect(diagram.svg.contains("aria-roledescription=\"graph diagram\""))
        #expect(diagram.svg.contains("id=\"bdocs1-e0\""))
        #expect(diagram.description.contains("C calls S: order."))
    }

    @Test func theGraphViewTakesADirection() throws {
        let source = "client C\nservice S\nC -> S : order"
        var request = Self.request(source, view: .graph)
        let lr = try Baton.diagramRenderer(request).get()
        request.direction = .leftToRight
        #expect(try Baton.diagramRenderer(request).get().svg == lr.svg, "without a direction, a short chain runs left to right")
        request.direction = .topToBottom
        let tb = try Baton.diagramRenderer(request).get()
        #expect(lr.svg != tb.svg)
        request.view = .sequence
        guard case .failure(let sequence) = Baton.diagramRenderer(request) else {
            Issue.record("a direction for the sequence view is a bad request")
            return
        }
        #expect(sequence.message.contains("applies to the graph view"))
    }

    @Test func theVariantIsTheSamePictureInTheOtherTheme() throws {
        let source = "client C\nservice S\nC -> S : order"
        var request = Self.request(source)
        request.variant = DiagramVariant(theme: .dark, idPrefix: "bdocs1d")
        let both = try Baton.diagramRenderer(request).get()
        let dark = try Baton.diagramRenderer(Self.request(source, theme: .dark, idPrefix: "bdocs1d")).get()
        #expect(both.variantSVG == dark.svg)
        #expect(both.svg != dark.svg)
    }

    @Test func compileErrorsComeBackAsDiagnostics() {
        guard case .failure(let failure) = Baton.diagramRenderer(Self.request("service A\nA -> B : x")) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostics.map(\.code) == ["undeclared-name"])
        #expect(failure.diagnostics.first?.file == "doc.md")
    }

    @Test(arguments: [
        ("Nope" as String?, "bdocs1", "no flow named"),
        (nil, "9\"x", "cannot start an id"),
    ])
    func badRequestsSayWhy(_ flow: String?, _ prefix: String, _ message: String) {
        let result = Baton.diagramRenderer(Self.request("service A\nservice B\nA -> B : x", flow: flow, idPrefix: prefix))
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.contains(message), "\(failure.message)")
        #expect(failure.diagnostics.isEmpty)
    }
}
