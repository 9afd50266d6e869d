import BatonModel
import BatonWorkload
import Testing

/// `OptionalNumbers` reads like the `[Double?]` it replaces, in half the room.
@Suite struct OptionalNumbersTests {
    /// Every value written is read back, at its index alone, whatever was there before: numbers
    /// of every sort (NaN, infinities, zero, negative zero) and no number, across word
    /// boundaries of the presence bits.
    @Test func readsBackWhatWasWritten() {
        var generator = SplitMix64(seed: 17)
        let samples: [Double?] = [nil, 0, -0.0, 1, 2.5, .infinity, -.infinity, .nan, 1e300, nil]
        for count in [0, 1, 63, 64, 65, 130] {
            var numbers = OptionalNumbers(count: count)
            var expected = [Double?](repeating: nil, count: count)
            #expect(numbers.count == count)
            for _ in 0..<(count * 4) {
                let index = generator.below(count)
                let value = samples[generator.below(samples.count)]
                numbers[index] = value
                expected[index] = value
            }
            for index in 0..<count {
                // Compared by their bits: NaN is not equal to itself, but must read back as NaN.
                #expect(numbers[index]?.bitPattern == expected[index]?.bitPattern, "index \(index) of \(count)")
            }
            #expect(OptionalNumbers(expected).map { $0?.bitPattern } == expected.map { $0?.bitPattern })
        }
    }

    /// A NaN is a number, never taken for "no number" (a computation that made one by mistake
    /// must show).
    @Test func nanIsANumber() {
        var numbers = OptionalNumbers(count: 2)
        numbers[1] = .nan
        #expect(numbers[0] == nil)
        #expect(numbers[1]?.isNaN == true)
    }

    /// Equal when they hold the same numbers at the same places: a number removed again is as
    /// if it had never been written.
    @Test func equalityIsByContents() {
        var a = OptionalNumbers(count: 70)
        var b = OptionalNumbers(count: 70)
        a[69] = 3
        #expect(a != b)
        b[69] = 3
        #expect(a == b)
        a[5] = 1
        a[5] = nil
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    /// The point of the type: 8 bytes and a bit per number, where `[Double?]` takes 16.
    @Test func takesHalfTheRoom() {
        #expect(MemoryLayout<Double?>.stride == 16)
        #expect(MemoryLayout<OptionalNumbers>.size == 16)
    }
}

