// SVG from a Scene.
//
// The output is meant to survive every place a diagram ends up (see docs/rendering.md): plain
// SVG 1.1 shapes and `<text>` only (no foreignObject, script, external reference, CSS variable
// or textLength); explicit width, height and viewBox; role="img" with a title and a
// description; every id prefixed so that several diagrams can share a page; presentation
// attributes instead of a stylesheet, so that sanitizers that drop `<style>` change nothing;
// one element per line and no blank line, so that Markdown keeps it in one piece.
//
// The writer is a pure function of the scene and the options, and it never measures text:
// the scene's text blocks already know their lines and baselines.

import BatonLayout

public struct SVGOptions: Hashable, Sendable {
    public var theme: Theme
    /// Prepended, with a `-`, to every id in the document; also the root element's id.
    public var idPrefix: String

    public init(theme: Theme = .light, idPrefix: String) {
        self.theme = theme
        self.idPrefix = idPrefix
    }
}

public enum SVGWriter {
    public static func write(_ scene: Scene, options: SVGOptions) -> String {
        var out = SVGOutput(capacity: 512 + scene.items.count * 400)
        let theme = options.theme
        let prefix = options.idPrefix
        let width = scene.size.width, height = scene.size.height
        out.line("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
        out.attribute("id", prefix)
        out.attribute("width", width)
        out.attribute("height", height)
        out.attribute("viewBox", "0 0 \(SVGOutput.format(width)) \(SVGOutput.format(height))")
        out.attribute("role", "img")
        out.attribute("aria-labelledby", "\(prefix)-title \(prefix)-desc")
        out.attribute("aria-roledescription", scene.roleDescription)
        out.attribute("font-family", TextMetrics.fontFamily)
        out.raw(">\n")
        out.indent()
        out.line("<title")
        out.attribute("id", "\(prefix)-title")
        out.raw(">")
        out.escaped(scene.title)
        out.raw("</title>\n")
        out.line("<desc")
        out.attribute("id", "\(prefix)-desc")
        out.raw(">")
        out.escaped(scene.description)
        out.raw("</desc>\n")
        out.line("<rect")
        out.attribute("width", width)
        out.attribute("height", height)
        out.attribute("fill", theme.background)
        out.raw("/>\n")
        for item in scene.items {
            write(item, theme: theme, prefix: prefix, into: &out)
        }
        out.outdent()
        out.line("</svg>\n")
        return out.text
    }

    static func write(_ item: SceneItem, theme: Theme, prefix: String, into out: inout SVGOutput) {
        switch item {
        case .shape(let shape):
            SVGShapes.write(shape, theme: theme, into: &out)
        case .line(let line):
            SVGArrows.write(line, theme: theme, into: &out)
        case .text(let text):
            SVGText.write(text, theme: theme, into: &out)
        case .group(let group):
            out.line("<g")
            if let id = group.id { out.attribute("id", "\(prefix)-\(id)") }
            if !group.classes.isEmpty { out.attribute("class", group.classes) }
            switch group.marker {
            case .interaction(let id): out.attribute("data-interaction", String(id.rawValue))
            case .participant(let id): out.attribute("data-participant", String(id.rawValue))
            case .interactions(let ids): out.attribute("data-interactions", ids.map { String($0.rawValue) }.joined(separator: " "))
            case nil: break
            }
            out.raw(">\n")
            out.indent()
            for child in group.items { write(child, theme: theme, prefix: prefix, into: &out) }
            out.outdent()
            out.line("</g>\n")
        }
    }
}
