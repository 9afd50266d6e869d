import Foundation

/// PNG's per-row filters, chosen row by row: a row is written as its difference from a
/// prediction — Sub (the pixel to the left), Up (the pixel above) or Paeth (whichever of left,
/// above and above-left the gradient points to) — and the compressor sees mostly zeros.
///
/// The choice is the usual heuristic (the smallest sum of the residuals as signed bytes), made
/// cheap for diagrams: where a row equals the one above, Up and Paeth both leave zeros, so
/// they are measured and written only where the row changed (found 32 bytes at a time), and
/// measured on its first `sample` changed bytes only. Sub is tried only when most of the row
/// changed (a first row, a horizontal line); None, never the best for a drawing on a flat
/// background, is not tried.
enum PNGRowFilter {
    static let sub: UInt8 = 1, up: UInt8 = 2, paeth: UInt8 = 4
    /// Rows with fewer changed bytes than this take Up without measuring Paeth.
    static let minimumCompared = 64
    /// How many changed bytes of a row the filters are measured on.
    static let sample = 256

    /// Writes the filter byte and the filtered row into `out` (`row.count + 1` bytes, which
    /// arrive zeroed, so only what may not be zero is written), using `changes` as working
    /// space. Returns the part of `out` that may not be zero.
    static func filter(_ row: UnsafeBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>, bytesPerPixel bpp: Int,
                       into out: UnsafeMutableBufferPointer<UInt8>, changes: inout [Range<Int>]) -> Range<Int> {
        let n = row.count
        var upCost = 0, paethCost = 0, changed = 0
        changes.removeAll(keepingCapacity: true)
        forEachChange(row, previous, bpp) { range in
            changes.append(range)
            changed += range.count
        }
        guard let last = changes.last?.upperBound else {
            out[0] = up
            return 0..<1
        }
        // Up straight into the output; Up and Paeth measured on the first changed bytes (a row
        // of text looks the same all along), and a row that changed in a few places only (the
        // end of a dash) takes Up without measuring.
        var measured = changed >= minimumCompared ? 0 : sample
        for range in changes {
            for index in range {
                let u = row[index] &- previous[index]
                out[index + 1] = u
                guard measured < sample else { continue }
                measured += 1
                upCost += magnitude(u)
                paethCost += magnitude(row[index] &- paethPredictor(row, previous, bpp, index))
            }
        }
        if 2 * changed > n {
            // Most of the row changed: a flat row is cheapest as its difference from the left
            // (measured on the same share of the row as the others).
            var subCost = 0
            let measuredShare = min(n, max(1, measured * n / max(1, changed)))
            for index in 0..<measuredShare { subCost += magnitude(index >= bpp ? row[index] &- row[index - bpp] : row[index]) }
            if subCost < min(paethCost, upCost) {
                out[0] = sub
                for index in 0..<n { out[index + 1] = index >= bpp ? row[index] &- row[index - bpp] : row[index] }
                return 0..<n + 1
            }
        }
        if paethCost < upCost {
            out[0] = paeth
            for range in changes {
                for index in range { out[index + 1] = row[index] &- paethPredictor(row, previous, bpp, index) }
            }
        } else {
            out[0] = up
        }
        return 0..<last + 1
    }

    /// Calls `body` with every stretch where the Up or Paeth residual may not be zero: bytes
    /// that differ from the row above, and the pixel after each (Paeth looks left), in order,
    /// without overlaps. Equal stretches are skipped eight bytes at a time.
    @inline(__always)
    static func forEachChange(_ row: UnsafeBufferPointer<UInt8>, _ previous: UnsafeBufferPointer<UInt8>, _ bpp: Int,
                              _ body: (Range<Int>) -> Void) {
        guard let a = row.baseAddress, let b = previous.baseAddress else { return }
        let n = row.count
        // Most rows of a diagram repeat the one above.
        if memcmp(a, b, n) == 0 { return }
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var index = 0, done = 0
        while index < n {
            if index + 32 <= n {
                // Four words at once: equal stretches are long.
                let x0 = rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let x1 = rawA.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    ^ rawB.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                let x2 = rawA.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    ^ rawB.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                let x3 = rawA.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                    ^ rawB.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if x0 | x1 | x2 | x3 == 0 {
                    index += 32
                    continue
                }
            }
            if index + 8 <= n {
                if rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self) == rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                    index += 8
                    continue
                }
            } else if a[index] == b[index] {
                index += 1
                continue
            }
            let step = index + 8 <= n ? 8 : 1
            let range = max(index, done)..<min(n, index + step + bpp)
            if !range.isEmpty { body(range) }
            done = range.upperBound
            index += step
        }
    }

    /// |byte| read as a signed byte: the heuristic's measure of a residual.
    @inline(__always)
    static func magnitude(_ byte: UInt8) -> Int {
        byte < 128 ? Int(byte) : 256 - Int(byte)
    }

    /// Left, above or above-left, whichever is nearest to left + above − above-left.
    @inline(__always)
    static func paethPredictor(_ row: UnsafeBufferPointer<UInt8>, _ previous: UnsafeBufferPointer<UInt8>, _ bpp: Int,
                               _ i: Int) -> UInt8 {
        let a = i >= bpp ? Int(row[i - bpp]) : 0, b = Int(previous[i]), c = i >= bpp ? Int(previous[i - bpp]) : 0
        let pa = b > c ? b - c : c - b  // |p − a|, with p = a + b − c
        let pb = a > c ? a - c : c - a  // |p − b|
        let pc = a + b > 2 * c ? a + b - 2 * c : 2 * c - a - b  // |p − c|
        return UInt8(truncatingIfNeeded: pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
    }
}
