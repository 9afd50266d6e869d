/// Horizontal strips (items with a vertical extent, such as the bands titles slide along),
/// sorted by their top, so that those a shape's vertical extent may overlap are found by a binary
/// search instead of a look at every strip. A query visits every strip whose extent overlaps its
/// own and a few more (those starting less than the tallest strip's height above it): callers
/// still test each.
struct StripIndex {
    private var tops: [Double] = []
    private var items: [Int] = []
    private var tallest = 0.0

    /// `strips` as (item, top, bottom); items need not be in any order.
    init(_ strips: [(item: Int, minY: Double, maxY: Double)]) {
        let sorted = strips.filter { $0.minY.isFinite && $0.maxY.isFinite }
            .sorted { $0.minY != $1.minY ? $0.minY < $1.minY : $0.item < $1.item }
        tops = sorted.map(\.minY)
        items = sorted.map(\.item)
        tallest = sorted.reduce(0) { max($0, $1.maxY - $1.minY) }
    }

    /// Calls `body` once for every strip that may overlap `minY...maxY`, top to bottom.
    func forEachItem(minY: Double, maxY: Double, _ body: (Int) -> Void) {
        let from = minY - tallest
        var low = 0, high = tops.count
        while low < high {
            let middle = (low + high) / 2
            if tops[middle] < from { low = middle + 1 } else { high = middle }
        }
        var k = low
        while k < tops.count && tops[k] <= maxY {
            body(items[k])
            k += 1
        }
    }
}
