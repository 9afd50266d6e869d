// The named phases of the layered layout, reported to an optional observer as each one ends
// (the benchmark times them; the layout itself never looks at a clock).

public enum LayeredLayoutPhase: String, CaseIterable, Sendable {
    case cycleRemoval = "cycle removal"
    case layerAssignment = "layer assignment"
    case dummyVertices = "dummy vertices"
    case crossingMinimization = "crossing minimisation"
    case coordinateAssignment = "coordinate assignment"
    case edgeRouting = "edge routing"
}
