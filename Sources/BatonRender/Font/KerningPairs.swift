/// Pair kerning from a font's `kern` table (the Microsoft layout, format 0 subtables for
/// horizontal text), which tightens pairs such as "AV" and "Te". Pango reads the same pairs, so
/// a line keeps the width librsvg gives it.
struct KerningPairs: Sendable {
    /// `left << 16 | right`, ascending, with each pair's adjustment in font units.
    private var keys: [Int] = []
    private var values: [Int] = []

    init() {}

    init(_ data: FontData, offset: Int, length: Int) throws(FontError) {
        guard try data.u16(offset) == 0 else { return }  // Apple's layout: not read
        let tableCount = try data.u16(offset + 2)
        var pairs: [(key: Int, value: Int)] = []
        var subtable = offset + 4
        for _ in 0..<tableCount {
            guard subtable + 6 <= offset + length else { break }
            let size = try data.u16(subtable + 2), coverage = try data.u16(subtable + 4)
            // Format 0, horizontal, actual values (not minimums), not cross-stream.
            if coverage >> 8 == 0, coverage & 0x7 == 0x1 {
                let count = try data.u16(subtable + 6)
                guard data.contains(subtable + 14, length: 6 * count) else { throw FontError("its 'kern' table is cut short") }
                for index in 0..<count {
                    let pair = subtable + 14 + 6 * index
                    pairs.append((try data.u16(pair) << 16 | (try data.u16(pair + 2)), try data.i16(pair + 4)))
                }
            }
            // A subtable's 16-bit length overflows when it holds more than 10,921 pairs: stop
            // there rather than guess where the next one starts.
            guard size >= 6 else { break }
            subtable += size
        }
        pairs.sort { $0.key < $1.key }
        for pair in pairs {
            if let last = keys.last, last == pair.key {
                values[values.count - 1] += pair.value
            } else {
                keys.append(pair.key)
                values.append(pair.value)
            }
        }
    }

    func value(_ left: Int, _ right: Int) -> Int {
        guard !keys.isEmpty, let index = CharacterMap.firstIndex(in: keys, notBelow: left << 16 | right),
              keys[index] == left << 16 | right else { return 0 }
        return values[index]
    }
}
