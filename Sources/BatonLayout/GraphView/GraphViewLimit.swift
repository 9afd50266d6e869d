/// How big a graph view Baton agrees to lay out. The layered layout's time and memory grow with
/// the participants and connections drawn, and, for densely connected designs, with the room
/// their long connections need in layers; far beyond what a reader can follow, a design would
/// take minutes and gigabytes. So the view is weighed first, in two steps that each cost time
/// and memory linear in the design, and refused (`GraphViewTooLarge`) when it weighs more than
/// the limit, before anything big is built.
public enum GraphViewLimit {
    /// The default: 50,000 participants and connections together. The heaviest views within it
    /// take about 5–8 seconds and under 1 GB to lay out and write.
    public static let standard = 50_000

    /// The layout vertices (bends where long connections cross layers, and group boxes' fillers
    /// and borders) one unit of the limit stands for. Everyday designs need far fewer (the layout
    /// keeps them under about 24 per participant and connection when it can); a design whose
    /// connections are so dense that layers cannot be made shallow enough weighs more.
    public static let verticesPerUnit = 40

    /// The layout vertices a limit allows.
    static func vertices(_ limit: Int) -> Int {
        let (product, overflow) = max(0, limit).multipliedReportingOverflow(by: verticesPerUnit)
        return overflow ? .max : product
    }

    /// What `vertices` layout vertices weigh, in units of the limit (rounded up).
    static func weight(ofVertices vertices: Int) -> Int {
        vertices / verticesPerUnit + (vertices % verticesPerUnit == 0 ? 0 : 1)
    }
}

/// A graph view too big for its limit (see `GraphViewLimit`).
public struct GraphViewTooLarge: Error, Hashable, Sendable {
    public var participants: Int
    /// Merged edges: one per initiator, passive end and kind of arrow.
    public var connections: Int
    /// What the view weighs in the limit's units: its participants and connections together, or,
    /// when they are so densely connected that their layout needs more room than that many would
    /// get, what that room weighs.
    public var weight: Int
    public var limit: Int

    /// Whether it is the density, not the counts, that makes the view too big.
    public var isDense: Bool { weight > participants + connections }

    public init(participants: Int, connections: Int, weight: Int, limit: Int) {
        self.participants = participants
        self.connections = connections
        self.weight = weight
        self.limit = limit
    }
}
