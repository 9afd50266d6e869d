/// How a participant is drawn, named for what it stands for rather than how it is painted: the
/// layout maps it to an outline (`ShapeKind.participant`), the theme to colours and a dash
/// pattern, the DOT export to Graphviz node attributes, the Mermaid export to `actor` or
/// `participant`. Kinds that share a shape look alike in every view; a new shape is a new case
/// here, and the compiler then asks each of those switches how to draw it.
public enum ParticipantShape: Hashable, Sendable, CaseIterable {
    /// A person: someone using the system (`client`).
    case person
    /// A box with rounded corners: a component you own (`service`).
    case roundedBox
    /// A box with a dashed outline: a system outside your control (`external`).
    case dashedBox
    /// A pipe lying on its side, read in the direction of the graph: messages go in at one end
    /// and out at the other (`queue`).
    case pipe
    /// A pipe whose outlet fans out: every subscriber gets a copy (`topic`).
    case fannedPipe
    /// A vertical cylinder: a database (`store`).
    case cylinder
    /// A hexagon, pointed on both sides: active on both sides (`driver`).
    case hexagon
}
