/// One thing to draw.
public indirect enum SceneItem: Hashable, Sendable {
    case shape(SceneShape)
    case line(SceneLine)
    case text(TextBlock)
    /// Items that belong together (one participant, one interaction, one fragment): a `<g>` in
    /// SVG. Groups only add structure; they never change how their items look.
    case group(SceneGroup)
}

/// A semantic grouping of items, so that the output reads as participants, interactions and
/// fragments rather than loose shapes (and so that tools can find them).
public struct SceneGroup: Hashable, Sendable {
    /// A local identifier, unique within the scene, made of ASCII letters, digits and `-`
    /// (renderers prefix it to make it unique on a page), or nil for an anonymous group.
    public var id: String?
    /// Space-separated semantic class names, such as `participant queue` or `interaction call`.
    public var classes: String
    public var items: [SceneItem]

    public init(id: String?, classes: String, items: [SceneItem]) {
        self.id = id
        self.classes = classes
        self.items = items
    }
}
