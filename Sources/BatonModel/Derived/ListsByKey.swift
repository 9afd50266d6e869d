/// Lists filled by key (a participant's interactions, an interaction's children), each made
/// at its final size: the items of each key are counted in one pass, each list is reserved at
/// its count, and the pass that fills them appends without ever moving a list. Appending to
/// lists that started empty moved most of them several times as they grew, which on a large
/// design was about a sixtieth of a check's instructions, and left freed blocks behind.
public enum ListsByKey {
    /// How many of `0..<count` have each key in `0..<keys` (`key` nil: none).
    @inlinable
    public static func sizes(keys: Int, over count: Int, key: (Int) -> Int?) -> [Int] {
        var sizes = Array(repeating: 0, count: keys)
        for index in 0..<count {
            if let key = key(index) { sizes[key] += 1 }
        }
        return sizes
    }

    /// An empty list for each of `sizes`, with room for that many elements (no allocation for
    /// a size of 0).
    @inlinable
    public static func reserved<Element>(_ sizes: [Int], of _: Element.Type = Element.self) -> [[Element]] {
        sizes.map { size in
            var list: [Element] = []
            if size > 0 { list.reserveCapacity(size) }
            return list
        }
    }
}
