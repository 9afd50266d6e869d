/// A font's `cmap`: which glyph draws a Unicode character. Format 12 (every plane, in groups of
/// consecutive characters) is preferred, format 4 (the Basic Multilingual Plane, in segments)
/// is the common case; both are read into arrays when the font is opened, checked, so a lookup
/// never reads outside the file.
struct CharacterMap: Sendable {
    enum Subtable: Sendable {
        /// Format 4: segments `start…end`, each with a delta or a range of glyph ids.
        case segments(starts: [Int], ends: [Int], deltas: [Int], rangeOffsets: [Int], rangeOffsetsAt: Int)
        /// Format 12: groups of consecutive characters mapped to consecutive glyphs.
        case groups(starts: [Int], ends: [Int], glyphs: [Int])
    }

    let subtable: Subtable
    let data: FontData
    let glyphCount: Int

    init(_ data: FontData, table: (offset: Int, length: Int), glyphCount: Int) throws(FontError) {
        self.data = data
        self.glyphCount = glyphCount
        let count = try data.u16(table.offset + 2)
        var candidates: [(rank: Int, offset: Int)] = []
        for index in 0..<count {
            let record = table.offset + 4 + 8 * index
            let platform = try data.u16(record), encoding = try data.u16(record + 2)
            let offset = table.offset + (try data.u32(record + 4))
            guard let format = try? data.u16(offset) else { continue }
            // The best Unicode subtable: full repertoire (format 12) before the BMP (format 4).
            let rank: Int? = switch (platform, encoding, format) {
            case (3, 10, 12): 0
            case (0, _, 12): 1
            case (3, 1, 4): 2
            case (0, _, 4): 3
            default: nil
            }
            if let rank { candidates.append((rank, offset)) }
        }
        guard let best = candidates.min(by: { $0.rank < $1.rank }) else {
            throw FontError("it has no Unicode character map (a 'cmap' subtable of format 4 or 12)")
        }
        subtable = try data.u16(best.offset) == 12 ? try Self.groups(data, at: best.offset) : try Self.segments(data, at: best.offset)
    }

    private static func segments(_ data: FontData, at offset: Int) throws(FontError) -> Subtable {
        let segmentCount = try data.u16(offset + 6) / 2
        guard segmentCount >= 1 else { throw FontError("its character map has no segments") }
        let endsAt = offset + 14, startsAt = endsAt + 2 * segmentCount + 2
        let deltasAt = startsAt + 2 * segmentCount, rangeOffsetsAt = deltasAt + 2 * segmentCount
        guard data.contains(endsAt, length: 8 * segmentCount + 2) else { throw FontError("its character map is cut short") }
        var starts: [Int] = [], ends: [Int] = [], deltas: [Int] = [], rangeOffsets: [Int] = []
        for index in 0..<segmentCount {
            ends.append(try data.u16(endsAt + 2 * index))
            starts.append(try data.u16(startsAt + 2 * index))
            deltas.append(try data.u16(deltasAt + 2 * index))
            rangeOffsets.append(try data.u16(rangeOffsetsAt + 2 * index))
            guard starts[index] <= ends[index], index == 0 || ends[index] > ends[index - 1] else {
                throw FontError("its character map's segments are out of order")
            }
        }
        return .segments(starts: starts, ends: ends, deltas: deltas, rangeOffsets: rangeOffsets, rangeOffsetsAt: rangeOffsetsAt)
    }

    private static func groups(_ data: FontData, at offset: Int) throws(FontError) -> Subtable {
        let count = try data.u32(offset + 12)
        guard data.contains(offset + 16, length: 12 * count) else { throw FontError("its character map is cut short") }
        var starts: [Int] = [], ends: [Int] = [], glyphs: [Int] = []
        starts.reserveCapacity(count)
        for index in 0..<count {
            let group = offset + 16 + 12 * index
            let start = try data.u32(group), end = try data.u32(group + 4)
            guard start <= end, end <= 0x10FFFF, starts.isEmpty || start > ends[ends.count - 1] else {
                throw FontError("its character map's groups are out of order")
            }
            starts.append(start)
            ends.append(end)
            glyphs.append(try data.u32(group + 8))
        }
        return .groups(starts: starts, ends: ends, glyphs: glyphs)
    }

    /// The glyph for a code point; nil when unmapped (glyph 0, `.notdef`, counts as unmapped) or
    /// when the map points past the font's glyphs.
    func glyph(for codePoint: UInt32) -> Int? {
        let c = Int(codePoint)
        var glyph = 0
        switch subtable {
        case .segments(let starts, let ends, let deltas, let rangeOffsets, let rangeOffsetsAt):
            guard c <= 0xFFFF, let index = Self.firstIndex(in: ends, notBelow: c), starts[index] <= c else { return nil }
            if rangeOffsets[index] == 0 {
                glyph = (c + deltas[index]) & 0xFFFF
            } else {
                // The offset counts from the segment's own idRangeOffset entry, as the format defines.
                let address = rangeOffsetsAt + 2 * index + rangeOffsets[index] + 2 * (c - starts[index])
                guard let found = try? data.u16(address) else { return nil }
                glyph = found == 0 ? 0 : (found + deltas[index]) & 0xFFFF
            }
        case .groups(let starts, let ends, let glyphs):
            guard let index = Self.firstIndex(in: ends, notBelow: c), starts[index] <= c else { return nil }
            glyph = glyphs[index] + (c - starts[index])
        }
        return glyph > 0 && glyph < glyphCount ? glyph : nil
    }

    /// The first index whose value is at least `value`, in an ascending array.
    static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? low : nil
    }
}
