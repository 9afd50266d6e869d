/// Which of the theme's chart colours each series of a panel gets.
///
/// A theme's chart palette has `paletteSize` colours in a fixed order — neutral grey, blue,
/// vermillion, bluish green, orange, reddish purple, sky blue, yellow (the Okabe–Ito set,
/// which readers with any common colour-vision deficiency can tell apart) — and every role has
/// a preferred one, so that goodput is blue and p99 vermillion in every chart. When two series
/// of one panel would share a colour (the waiting lines of two stations), the later one takes
/// the next free colour in `fallbackOrder`; past the palette, colours repeat dashed.
public enum ChartSeriesColors {
    public static let paletteSize = 8

    /// The preferred palette index of a role.
    public static func preferred(_ role: ChartSeriesRole) -> Int {
        switch role {
        case .offered: 0
        case .goodput: 1
        case .failures, .p99: 2
        case .p50: 3
        case .attempts, .p95: 4
        case .waiting: 5
        case .depth: 6
        case .other: 1
        }
    }

    /// The order free colours are taken in: strong hues first, grey (the offered load's) last.
    static let fallbackOrder = [1, 6, 3, 5, 4, 2, 7, 0]

    /// A colour index for each series, in order: each takes its role's colour unless an earlier
    /// series of the panel has it.
    public static func assign(_ roles: [ChartSeriesRole]) -> [Int] {
        var used: [Bool] = Array(repeating: false, count: paletteSize)
        var overflow = 0
        return roles.map { role in
            let wanted = preferred(role)
            if !used[wanted] {
                used[wanted] = true
                return wanted
            }
            if let free = fallbackOrder.first(where: { !used[$0] }) {
                used[free] = true
                return free
            }
            // Every colour taken: repeat them, in the fallback order, beyond the palette.
            defer { overflow += 1 }
            return paletteSize + fallbackOrder[overflow % paletteSize] + overflow / paletteSize * paletteSize
        }
    }
}
