// The layout works in one orientation only, "layout space", where layers are columns: x is the
// rank axis (edges flow towards +x) and y the order axis. Top-to-bottom drawings are laid out
// with sizes transposed and transposed back at the end.

struct LayoutSpace {
    let direction: LayoutDirection

    private var transposes: Bool { direction == .topToBottom }

    /// A drawing size seen in layout space (and back: the mapping is its own inverse).
    func size(_ s: Size) -> Size { transposes ? s.transposed : s }
    func point(_ p: Point) -> Point { transposes ? Point(x: p.y, y: p.x) : p }
    func rect(_ r: Rect) -> Rect { transposes ? Rect(x: r.minY, y: r.minX, width: r.height, height: r.width) : r }

    /// Where the segment from `inside` to `outside` (layout space) leaves a node's outline.
    func exitPoint(_ shape: BorderShape, frame: Rect, from inside: Point, toward outside: Point) -> Point {
        point(shape.exitPoint(from: point(inside), toward: point(outside), in: rect(frame)))
    }

    /// The interval of the order axis (layout space) where edges may meet a node's sides.
    func portRange(_ shape: BorderShape, frame: Rect) -> ClosedRange<Double> {
        shape.portRange(vertical: !transposes, in: rect(frame))
    }
}
