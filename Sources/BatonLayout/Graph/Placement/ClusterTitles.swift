// Room for cluster titles. A title sits inside its box at the top-left corner. Left to right,
// that is before the members along the order axis; top to bottom, before the first layer
// along the rank axis. The box is also made at least as wide as its title.

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
            switch space.direction {
            case .leftToRight:
                orderReserve[c] = s.height
                minimumRankExtent[c] = s.width + padding
            case .topToBottom:
                rankReserve[c] = s.width
                minimumOrderExtent[c] = s.height + padding
            }
        }
    }

    /// The title's frame inside the cluster's box (layout space).
    func frame(_ c: Int, in box: Rect) -> Rect {
        Rect(x: box.minX + padding / 2, y: box.minY + padding / 2, width: sizes[c].width, height: sizes[c].height)
    }
}
