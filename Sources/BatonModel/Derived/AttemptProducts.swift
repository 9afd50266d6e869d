/// attempts multiplied along each sync call path (docs/language.md#13-derived-quantities): for
/// every sync interaction, the product of `attempts` over the sync interactions from its call
/// tree's root down to it, itself included — the load that reaches it when every layer above
/// retries. `retry-amplification` compares it with its `max`; `DesignMetrics` reports each call
/// tree's largest, which `baton diff` compares. One definition, so the rule and the numbers
/// cannot disagree.
public struct AttemptProducts: Sendable {
    /// Indexed by interaction; nil for async interactions (they end a tree).
    public let values: OptionalNumbers

    public init(_ model: Model) {
        var values = OptionalNumbers(count: model.interactions.count)
        // Fields are read through the array: copying each interaction costs on large designs.
        let interactions = model.interactions
        // Parents come before their children in document order.
        for index in interactions.indices where interactions[index].arrow.isSynchronous {
            var above = 1.0
            if let parent = interactions[index].parent, let product = values[parent.rawValue] { above = product }
            values[index] = above * interactions[index].attributes.attempts
        }
        self.values = values
    }

    public subscript(id: InteractionID) -> Double? { values[id.rawValue] }
}
