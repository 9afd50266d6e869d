import BatonLayout
import BatonRender

/// Content-addressed names for generated diagrams: the same source and options always give the
/// same file name, and any change to either (or to Baton's version) gives a new one, so caches
/// and CDNs never serve a stale picture.
public enum DiagramName {
    /// The first 12 hex digits of the `DiagramHash` of the version, the options that change the
    /// picture, and the source. (A direction is hashed only when given, so the names of
    /// existing diagrams stay; the empty last field ends the source with a NUL, as the first
    /// names did. Drawn findings add a field only when asked for, so a picture with them never
    /// shares a name with the one without; so do a legend, step numbers and timing brackets.)
    public static func hash(source: String, flow: String?, view: RenderView, direction: LayoutDirection? = nil,
                            findings: Bool = false, explanations: DiagramExplanations = DiagramExplanations(),
                            version: String) -> String {
        var parts = ["baton \(version)", "flow=\(flow ?? "")", "view=\(view.rawValue)", source, ""]
        if let direction { parts.insert("direction=\(direction.rawValue)", at: 3) }
        if findings { parts.insert("findings=on", at: 3) }
        for word in explanations.words.reversed() { parts.insert("\(word)=on", at: 3) }
        return String(DiagramHash.hex(parts.map { Array($0.utf8) }).prefix(12))
    }

    /// The ids of a diagram's picture, unless the page names them: `b` and 10 digits of its hash.
    public static func idPrefix(hash: String) -> String {
        "b\(hash.prefix(10))"
    }

    public static func file(hash: String, theme: Theme.Name) -> String {
        theme == .dark ? "baton-\(hash)-dark.svg" : "baton-\(hash).svg"
    }
}
