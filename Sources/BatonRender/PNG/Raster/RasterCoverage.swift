import Foundation

/// Exact-area coverage of a figure within a band of rows.
///
/// Each edge adds, row by row, the signed area it sweeps in every pixel cell it crosses (the
/// accumulation method of font-rs, after Raph Levien): summed from the left along a row, the
/// cells give each pixel's winding, weighted by how much of the pixel lies inside.
///
/// A small figure (a glyph run, a dash) sums its cells straight into a grid of its own columns
/// and rows; a large one (a frame across the diagram) keeps only the cells its edges touch,
/// sorted, and between two of them the coverage is constant, so spans are painted whole: a
/// figure costs its edges plus the pixels it paints, never the whole band.
///
/// A figure's polygons are filled with the nonzero or the even-odd rule; the rule folds the
/// summed winding into coverage (a pixel where an edge crosses gets the area-weighted value,
/// exact wherever windings of one sign meet).
struct RasterCoverage {
    enum FillRule: Sendable {
        case nonZero
        case evenOdd
    }

    /// The most grid cells a figure sums densely.
    static let denseLimit = 32_768

    let width: Int
    /// Each cell as one number, so that sorting them is sorting integers: the key (row within
    /// the band × image width + column, below 2³² as bands are short and images bounded) in
    /// the high half, the bits of the area delta (a `Float`) in the low half.
    private(set) var cells: [UInt64] = []
    /// The grid of a small figure: `denseColumns` columns from `denseFirst`, row by row (no
    /// columns: sparse cells instead).
    private var dense: [Float] = []
    private var denseFirst = 0
    private var denseColumns = 0
    private var rows = 0

    init(width: Int) {
        self.width = width
    }

    /// Starts a figure spanning columns `minX … maxX` in a band of `rows` rows.
    mutating func reset(rows: Int, minX: Double, maxX: Double) {
        self.rows = rows
        cells.removeAll(keepingCapacity: true)
        let first = max(0, min(width, Int(max(-1, minX).rounded(.down))))
        let last = max(first, min(width, Int(min(Double(width), maxX).rounded(.up)) + 2))
        if (last - first) * rows <= Self.denseLimit, last > first {
            denseFirst = first
            denseColumns = last - first
            let count = denseColumns * rows
            if dense.count < count { dense = [Float](repeating: 0, count: count) } else {
                for index in 0..<count { dense[index] = 0 }
            }
        } else {
            denseColumns = 0
        }
    }

    @inline(__always)
    private mutating func cell(_ row: Int, _ column: Int, _ delta: Double) {
        guard column < width else { return }
        if denseColumns > 0 {
            // Left of the grid adds up at its first column; nothing lands right of it.
            let offset = max(0, column - denseFirst)
            guard offset < denseColumns else { return }
            dense[row * denseColumns + offset] += Float(delta)
            return
        }
        cells.append(UInt64(row * width + max(0, column)) << 32 | UInt64(Float(delta).bitPattern))
    }

    /// Adds the cells of `edge` in rows `top ..< bottom` (image rows).
    mutating func add(_ edge: RasterEdges.Edge, top: Int, bottom: Int) {
        let yStart = max(edge.y0, Double(top)), yEnd = min(edge.y1, Double(bottom))
        guard yStart < yEnd else { return }
        let dxdy = (edge.x1 - edge.x0) / (edge.y1 - edge.y0)
        var x = edge.x0 + (yStart - edge.y0) * dxdy
        var row = Int(yStart.rounded(.down))
        var y = yStart
        while y < yEnd, row < bottom {
            let yNext = min(Double(row + 1), yEnd)
            let dy = yNext - y
            if dy > 0 {
                let xNext = x + dxdy * dy
                piece(row - top, x, xNext, dy * Double(edge.winding))
                x = xNext
            }
            y = yNext
            row += 1
        }
    }

    /// The part of an edge inside one row, from `xa` to `xb`, sweeping `d` of the row's height
    /// (signed by its winding).
    private mutating func piece(_ row: Int, _ xa: Double, _ xb: Double, _ d: Double) {
        let x0 = min(xa, xb), x1 = max(xa, xb)
        let x0floor = x0.rounded(.down), x1ceil = x1.rounded(.up)
        let x0i = Int(x0floor), x1i = Int(x1ceil)
        if x1i <= x0i + 1 {
            // Within one column: the part right of the edge is covered.
            let middle = 0.5 * (xa + xb) - x0floor
            cell(row, x0i, d - d * middle)
            cell(row, x0i + 1, d * middle)
            return
        }
        let s = 1 / (x1 - x0)
        let x0f = x0 - x0floor
        let a0 = 0.5 * s * (1 - x0f) * (1 - x0f)
        let x1f = x1 - x1ceil + 1
        let am = 0.5 * s * x1f * x1f
        cell(row, x0i, d * a0)
        if x1i == x0i + 2 {
            cell(row, x0i + 1, d * (1 - a0 - am))
        } else {
            let a1 = s * (1.5 - x0f)
            cell(row, x0i + 1, d * (a1 - a0))
            // Whole columns in between each get d·s; those left of the image add up at column
            // 0, those right of it are never seen.
            let first = x0i + 2, last = x1i - 1
            if first < 0 { cell(row, 0, d * s * Double(min(last, 0) - first)) }
            var column = max(first, 0)
            let end = min(last, width)
            while column < end {
                cell(row, column, d * s)
                column += 1
            }
            let a2 = a1 + Double(x1i - x0i - 3) * s
            cell(row, x1i - 1, d * (1 - a2 - am))
        }
        cell(row, x1i, d * am)
    }

    /// Calls `span(row, from, to, coverage)` for every run of pixels with the same coverage
    /// above zero, row by row, left to right.
    mutating func sweep(rule: FillRule, _ span: (_ row: Int, _ from: Int, _ to: Int, _ coverage: Float) -> Void) {
        if denseColumns > 0 {
            sweepDense(rule: rule, span)
            return
        }
        guard !cells.isEmpty else { return }
        cells.sort()
        let count = cells.count
        cells.withUnsafeBufferPointer { cells in
            var index = 0
            while index < count {
                let firstKey = Int(cells[index] >> 32)
                let rowStart = firstKey - firstKey % width
                let row = rowStart / width
                let rowEnd = rowStart + width
                var winding: Float = 0
                while index < count, Int(cells[index] >> 32) < rowEnd {
                    let key = Int(cells[index] >> 32)
                    repeat {
                        winding += Float(bitPattern: UInt32(truncatingIfNeeded: cells[index]))
                        index += 1
                    } while index < count && Int(cells[index] >> 32) == key
                    let nextKey = index < count ? Int(cells[index] >> 32) : rowEnd
                    let next = nextKey < rowEnd ? nextKey : (abs(winding) < 0.001 ? key + 1 : rowEnd)
                    let coverage = Self.coverage(winding, rule)
                    if coverage > 0.001 { span(row, key - rowStart, next - rowStart, coverage) }
                }
            }
        }
    }

    /// The grid summed along each row; neighbours whose coverage rounds to the same 1/1024 form
    /// one span.
    private func sweepDense(rule: FillRule, _ span: (_ row: Int, _ from: Int, _ to: Int, _ coverage: Float) -> Void) {
        dense.withUnsafeBufferPointer { grid in
            for row in 0..<rows {
                var winding: Float = 0
                var start = 0, level = 0
                var startCoverage: Float = 0
                let base = row * denseColumns
                for column in 0..<denseColumns {
                    winding += grid[base + column]
                    let coverage = Self.coverage(winding, rule)
                    let quantized = Int(coverage * 1024)
                    if quantized != level {
                        if level > 0 { span(row, denseFirst + start, denseFirst + column, startCoverage) }
                        start = column
                        level = quantized
                        startCoverage = coverage
                    }
                }
                if level > 0 {
                    // A figure that runs past the right of the image keeps its last coverage there.
                    let end = abs(winding) < 0.001 ? denseFirst + denseColumns : width
                    span(row, denseFirst + start, end, startCoverage)
                }
            }
        }
    }

    static func coverage(_ winding: Float, _ rule: FillRule) -> Float {
        let magnitude = abs(winding)
        switch rule {
        case .nonZero:
            return min(1, magnitude)
        case .evenOdd:
            let folded = magnitude.truncatingRemainder(dividingBy: 2)
            return folded > 1 ? 2 - folded : folded
        }
    }
}
