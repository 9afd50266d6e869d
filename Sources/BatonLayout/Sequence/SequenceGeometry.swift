/// Shared arithmetic of bars and attachment points, so the passes agree.
enum SequenceGeometry {
    enum Side { case left, right }

    /// Where an arrow meets a lifeline with `depth` open bars, relative to the lifeline: the
    /// lifeline itself without bars, else the given edge of the topmost bar.
    static func barEdge(depth: Int, side: Side) -> Double {
        guard depth > 0 else { return 0 }
        let center = Double(depth - 1) * SequenceStyle.barNesting
        return side == .left ? center - SequenceStyle.barWidth / 2 : center + SequenceStyle.barWidth / 2
    }

    /// The centre of bar number `level` (1-based) relative to the lifeline.
    static func barCenter(level: Int) -> Double {
        Double(level - 1) * SequenceStyle.barNesting
    }
}
