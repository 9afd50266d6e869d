import BatonModel

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
    /// What in the model the group draws, by stable id (nil: nothing in particular), so that
    /// tools find it whatever its `id` prefix (`data-interaction`, `data-participant`,
    /// `data-interactions` in SVG), and so that findings can be marked at it.
    public var marker: ElementMarker?
    public var items: [SceneItem]

    public init(id: String?, classes: String, marker: ElementMarker? = nil, items: [SceneItem]) {
        self.id = id
        self.classes = classes
        self.marker = marker
        self.items = items
    }
}

/// The model element a scene group draws, by its model id: the one link from a drawing back to
/// the design, kept to plain ids so the scene still holds nothing of the model's content.
public enum ElementMarker: Hashable, Sendable {
    /// One interaction's arrow (sequence view).
    case interaction(InteractionID)
    /// A participant's head box, its repeat under the lifelines, or its node.
    case participant(ParticipantID)
    /// An edge of the graph view, standing for these interactions (ascending).
    case interactions([InteractionID])
}
