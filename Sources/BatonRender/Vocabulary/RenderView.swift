/// Which picture of the design.
public enum RenderView: String, Sendable, CaseIterable {
    /// One flow over time: lifelines, arrows, activations, fragments.
    case sequence
    /// The whole architecture: participants as nodes, merged interactions as edges.
    case graph
    /// A time chart of one run of a scenario: the design executed, not drawn. The render stage
    /// cannot run a design, so this view is drawn by the façade (`Baton.render`), which may
    /// call the simulator.
    case simulation

    /// The views drawn from the design alone (what documentation fences offer).
    public static let diagrams: [RenderView] = [.sequence, .graph]
}
