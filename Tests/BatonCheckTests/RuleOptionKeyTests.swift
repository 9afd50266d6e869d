import BatonCheck
import Testing

/// Rules read their options through typed keys: the key's declaration is the only place the
/// option's name is written, and the descriptor lists what the keys carry.
struct RuleOptionKeyTests {
    @Test func aKeyReadsItsDefaultUntilConfigured() {
        #expect(RuleOptionValues()[FanOut.max] == 5)
        #expect(RuleOptionValues(configured: ["max": 2])[FanOut.max] == 2)
        #expect(RuleOptionValues(configured: ["maxx": 2])[FanOut.max] == 5)
        #expect(RuleOptionValues()[RetryAmplification.max] == 10)
        #expect(RuleOptionValues(configured: ["max": 27.5])[RetryAmplification.max] == 27.5)
    }

    /// A library user's `Configuration` skips the parser's range checks, and `Int(Double)` traps
    /// on NaN, infinities and anything beyond `Int`.
    @Test(arguments: [(Double.nan, 0), (.infinity, Int(Int32.max)), (-.infinity, -Int(Int32.max)),
                      (1e19, Int(Int32.max)), (2.9, 2), (-2.5, -3)] as [(Double, Int)])
    func aWholeNumberKeyClampsAndRoundsDown(_ configured: Double, expected: Int) {
        #expect(RuleOptionValues(configured: ["max": configured])[SyncChainDepth.max] == expected)
    }

    @Test func aKeyCarriesTheOptionItDescribes() {
        let option = FanOut.max.option
        #expect(option.name == "max")
        #expect(option.defaultValue == 5)
        #expect(option.minimum == 0)
        #expect(option.maximum == RuleOption.defaultMaximum)
        #expect(option.isInteger)
        #expect(!RetryAmplification.max.option.isInteger)
    }

    @Test func descriptorsListTheirRulesKeys() {
        #expect(FanOut.descriptor.options == [FanOut.max.option])
        #expect(SyncChainDepth.descriptor.options == [SyncChainDepth.max.option])
        #expect(RetryAmplification.descriptor.options == [RetryAmplification.max.option])
    }

    @Test func anExampleSettingIsByTheKeysName() {
        let example = RuleExample("service A", options: [FanOut.max.set(to: 2)])
        #expect(example.options == ["max": 2])
        #expect(RuleExample("service A").options.isEmpty)
    }

    /// An example can only set a key, but the key must also be one its rule's descriptor lists,
    /// or the configuration file could not set what the example shows.
    @Test(arguments: Rules.descriptors.map(\.id))
    func examplesSetOnlyTheirRulesOptions(_ id: String) throws {
        let descriptor = try #require(Rules.descriptor(id: id))
        let declared = Set(descriptor.options.map(\.name))
        for example in descriptor.triggering + descriptor.nonTriggering {
            for name in example.options.keys.sorted() {
                #expect(declared.contains(name), "\(id): an example sets '\(name)', which the descriptor does not list")
            }
        }
    }
}
