// The Scene: a flat, positioned, theme-independent drawing that every layout produces and
// every drawing renderer consumes.
//
// Layout stages (the sequence view here, the layered graph view elsewhere) turn the model into
// a Scene; the SVG writer turns a Scene into bytes. Nothing in a Scene refers back into the
// model but the plain ids of what a group draws (`ElementMarker`), and nothing in it is a colour: every item carries a `StyleRole` ("a sync line", "the
// head box of a queue"), and the renderer's theme decides what that role looks like. So the
// same Scene renders in the light and the dark theme, and tests can check geometry (nothing
// overlaps, arrows touch lifelines) without parsing SVG.
//
// The graph view produces the same kind of Scene: a node is a `SceneShape` with
// `ShapeKind.participant(kind.shape)` and role `.participant(kind)` plus its name as a `TextBlock`; an
// edge is a `SceneLine` (a `.bezier` path in the data direction, ends from
// `LineEnd.interaction(arrow)`, role `.line(for: arrow)`) with its labels as a `TextBlock` of
// role `.interactionLabel`; a cluster is a `.groupBox` shape with a `.groupLabel`. The SVG writer
// then draws both views alike.
//
// Invariants a producer keeps:
// - coordinates are pixels, y grows downwards, and every item lies inside `0...size`;
// - items are listed in paint order (later items are drawn on top);
// - text is already broken into lines and measured with `TextMetrics`, so a renderer never
//   measures or wraps anything.

/// A positioned drawing: its canvas, its accessible name and description, and its items.
public struct Scene: Hashable, Sendable {
    /// The canvas; the renderer's `width`, `height` and `viewBox`.
    public var size: Size
    /// The accessible name (`<title>`): what the diagram shows, in a few words.
    public var title: String
    /// The text alternative (`<desc>`): what a reader would learn from looking at it.
    public var description: String
    /// What kind of diagram it is, for assistive technology (`aria-roledescription`).
    public var roleDescription: String
    /// In paint order.
    public var items: [SceneItem]

    public init(size: Size, title: String, description: String, roleDescription: String, items: [SceneItem]) {
        self.size = size
        self.title = title
        self.description = description
        self.roleDescription = roleDescription
        self.items = items
    }
}
