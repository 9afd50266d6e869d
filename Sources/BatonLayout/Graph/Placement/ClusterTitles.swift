// Room for cluster titles. A title sits inside its box at the top-left corner, in room reserved
// before the members along the order axis: above them left to right, beside them top to bottom.
// Edges enter and leave a cluster across the rank axis (through its left and right sides, or
// its top and bottom), so a title reserved before the first layer would lie across their way,
// while this room is crossed only where an edge turns inside the box. The box is also made at
// least as long as its title along the rank axis.

struct ClusterTitles {
    /// Title sizes in layout space.
    var sizes: [Size]
    var orderReserve: [Double]
    var rankReserve: [Double]
    var minimumOrderExtent: [Double]
    var minimumRankExtent: [Double]
    let padding: Double

    init(_ clusters: [LayeredGraph.Cluster], space: LayoutSpace, options: LayeredLayoutOptions) {
        sizes = clusters.map { space.size($0.labelSize.sanitized) }
        padding = options.clusterPadding
        let n = clusters.count
        orderReserve = Array(repeating: 0, count: n)
        rankReserve = Array(repeating: 0, count: n)
        minimumOrderExtent = Array(repeating: 0, count: n)
        minimumRankExtent = Array(repeating: 0, count: n)
        for (c, s) in sizes.enumerated() where s.width > 0 || s.height > 0 {
            orderReserve[c] = s.height
            minimumRankExtent[c] = s.width + padding
        }
    }

    /// The title's frame inside the cluster's box (layout space).
    func frame(_ c: Int, in box: Rect) -> Rect {
        Rect(x: box.minX + padding / 2, y: box.minY + padding / 2, width: sizes[c].width, height: sizes[c].height)
    }
}
