/// The whole pages inside a range of memory: its start rounded up to a page, its end down.
/// Memory is handed back to the system, or marked, a page at a time, and a page only partly
/// inside the range holds something else too.
public enum WholePages {
    /// The whole pages of `size` bytes (a power of two) inside `range`, or nil when it holds
    /// none.
    public static func inside(_ range: Range<Int>, size: Int) -> Range<Int>? {
        let start = (range.lowerBound + size - 1) & ~(size - 1)
        let end = range.upperBound & ~(size - 1)
        return end > start ? start..<end : nil
    }
}
