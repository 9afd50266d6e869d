import Baton
@testable import BatonRender
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Control characters and bidi overrides in a design never reach a picture: every text a
/// diagram draws shows them written out (`\u{202E}`), as diagnostics do, in SVG, DOT and
/// Mermaid alike. In an SVG or a DOT label they would reorder the text a reader sees; printed
/// by `render` on a terminal, C1 controls act on it.
struct HiddenCharacterTests {
    static let formats: [(RenderFormat, RenderView)] = [(.svg, .sequence), (.svg, .graph), (.dot, .graph), (.mermaid, .sequence), (.mermaid, .graph)]

    static func render(_ format: RenderFormat, _ view: RenderView, flow: String? = "f\u{202B}flow\u{2067}\u{61C}") throws -> String {
        let compilation = Baton.compile(source: TerminalInjection.diagram, path: "diagram.baton")
        let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.message)
        try #require(errors.isEmpty, "\(errors)")
        return try Baton.render(compilation, source: Array(TerminalInjection.diagram.utf8),
                                options: RenderOptions(format: format, view: view, flow: view == .sequence ? flow : nil))
    }

    @Test(arguments: 0..<formats.count)
    func noHiddenCharacterReachesThePicture(_ index: Int) throws {
        let (format, view) = Self.formats[index]
        let output = try Self.render(format, view)
        let hidden = output.unicodeScalars.filter { $0 != "\n" && ControlCharacters.isHidden($0) }
        #expect(hidden.isEmpty, "\(format) \(view): \(hidden.map { String($0.value, radix: 16) })")
        #expect(output.contains("pwn") || view == .graph && format == .dot, "the text around them stays")
    }

    /// The text an SVG draws, its markup left out (a long label is split into lines).
    static func drawnText(_ svg: String) -> String {
        svg.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    /// Each is written out in the form the format shows as `\u{202E}`.
    @Test func theyAreShownWrittenOut() throws {
        let sequence = Self.drawnText(try Self.render(.svg, .sequence))
        #expect(sequence.contains(#"m\u{1B}[31m\u{202E}red\u{202C}\u{7F}\u{2028}x\u{2029}y"#), "a quoted message")
        #expect(sequence.contains(#"raw\u{1B}clabel\u{9B}2J\u{202E}x"#), "a raw label")
        #expect(sequence.contains(#"a\u{202E}alpha\u{85}\u{200F}"#), "a display name")
        #expect(sequence.contains(#"n\u{200E}\u{202A}note\u{2068}\u{9D}8;;x"#), "a note")
        #expect(sequence.contains(#"l\u{1B}[2J\u{202E}loop\u{D}"#), "a fragment label")
        #expect(sequence.contains(#"t\u{1B}]0;pwn\u{7}\u{202E}title\u{9B}2J"#), "the title")
        let graph = Self.drawnText(try Self.render(.svg, .graph))
        #expect(graph.contains(#"g\u{202D}group\u{2066}x\u{2069}"#), "a group")
        let dot = try Self.render(.dot, .graph)
        #expect(dot.contains(#"label="a\\u{202E}alpha\\u{85}"#), "DOT escapes the backslash: Graphviz shows one")
        let mermaid = try Self.render(.mermaid, .sequence)
        #expect(mermaid.contains("a#92;u#123;202E#125;alpha#92;u#123;85#125;#92;u#123;200F#125;"), "Mermaid writes entity codes")
        let flowchart = try Self.render(.mermaid, .graph)
        #expect(flowchart.contains("g#92;u#123;202D#125;group#92;u#123;2066#125;x#92;u#123;2069#125;"), "a group in the flowchart")
    }

    /// Layout measures the written-out text, so the label's box fits what is drawn.
    @Test func theLayoutMeasuresWhatIsDrawn() throws {
        let plain = "service A\nservice B\nA -> B : " + #""m\\u{202E}x""# + "\n"
        let hidden = "service A\nservice B\nA -> B : \"m\\u{202E}x\"\n"
        let render = { (source: String) throws -> String in
            try Baton.render(Baton.compile(source: source, path: "d.baton"), source: [], options: RenderOptions(format: .svg, idPrefix: "d"))
        }
        #expect(try render(plain) == render(hidden))
    }

    @Test func mermaidEscaping() {
        #expect(MermaidEscaping.text("a\u{1B}b\u{9B}c\u{202E}d\te") == "a#92;u#123;1B#125;b#92;u#123;9B#125;c#92;u#123;202E#125;d e")
    }
}
