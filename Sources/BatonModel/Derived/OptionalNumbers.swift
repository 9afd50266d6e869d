/// A number or nothing for each interaction, in about half the room of `[Double?]`.
///
/// An optional `Double` takes 16 bytes in an array: the number and a byte saying whether there
/// is one, padded. The derived quantities hold one per interaction of the design, so here the
/// numbers are an array of their own and whether each is there is a bit beside it (8 bytes and
/// a bit). A missing number is stored as 0; every number is kept as given, NaN included, so a
/// NaN computed by mistake is never taken for "no number".
public struct OptionalNumbers: RandomAccessCollection, MutableCollection, Hashable, Sendable {
    private var numbers: [Double]
    /// Bit `index % 64` of word `index / 64` is set when number `index` is there.
    private var present: [UInt64]

    /// `count` times no number.
    public init(count: Int) {
        numbers = [Double](repeating: 0, count: count)
        present = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    public init<Values: Collection<Double?>>(_ values: Values) {
        self.init(count: values.count)
        for (index, value) in values.enumerated() { self[index] = value }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { numbers.count }

    public subscript(index: Int) -> Double? {
        get {
            // The number first: an index out of range traps there, as it does in an array
            // (the last word of bits has room beyond the count).
            let number = numbers[index]
            return present[index >> 6] & (1 << UInt64(index & 63)) != 0 ? number : nil
        }
        set {
            let bit: UInt64 = 1 << UInt64(index & 63)
            if let newValue {
                numbers[index] = newValue
                present[index >> 6] |= bit
            } else {
                numbers[index] = 0
                present[index >> 6] &= ~bit
            }
        }
    }
}
