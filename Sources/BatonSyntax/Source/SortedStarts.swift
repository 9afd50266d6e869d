/// Where an offset falls among increasing start offsets — of lines, of statements — for
/// offsets met mostly in increasing order, as a report meets its findings: looked for a few
/// steps from where the one before fell, rather than by a binary search over all of them.
public enum SortedStarts {
    /// How far a hint is walked before a binary search costs less.
    public static let steps = 8

    /// The index of the last of `count` increasing starts (`start(index)`) at or before
    /// `offset`, -1 when the first is after it. `hint` is where an offset met before fell: the
    /// search walks up to `steps` either way from there, then searches, and leaves `hint` at
    /// the answer. Any hint (out of range too) gives the same answer.
    @inlinable
    public static func lastIndex(atOrBefore offset: Int, count: Int, from hint: inout Int, start: (Int) -> Int) -> Int {
        var index = hint
        var walked = steps
        if index >= 0, index < count {
            walked = 0
            while walked < steps, index >= 0, start(index) > offset {
                index -= 1
                walked += 1
            }
            while walked < steps, index + 1 < count, start(index + 1) <= offset {
                index += 1
                walked += 1
            }
        }
        if walked == steps {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if start(middle) <= offset { low = middle + 1 } else { high = middle }
            }
            index = low - 1
        }
        hint = index
        return index
    }
}
