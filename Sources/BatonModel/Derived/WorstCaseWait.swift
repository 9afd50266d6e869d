/// worst-case wait(I) for every sync interaction, in seconds (docs/language.md#13-derived-quantities):
///
/// - attempts(I) × timeout(I) when a timeout is known (on I, else on its passive end);
/// - otherwise attempts(I) × (latency(I) + cost of its block), where the block's cost sums the
///   worst-case waits of its sync interactions, `par`/`alt` take their largest branch, `loop`
///   multiplies by `times` and `opt` counts its contents.
///
/// latency(I) is I's `latency`, else its passive end's, else 0. Async interactions cost nothing
/// to their sender. Unbounded retries make the wait infinite unless nothing at all is known to
/// take time (∞ × 0 is taken as 0, so an unknown is never reported as a number).
public struct WorstCaseWaits: Sendable {
    /// Indexed by interaction; nil for async interactions.
    public let seconds: OptionalNumbers

    public init(_ model: Model) {
        var seconds = OptionalNumbers(count: model.interactions.count)
        // Fields are read through the arrays: binding each interaction, and each passive end
        // through `model[id]`, copied them whole.
        let interactions = model.interactions
        let participants = model.participants
        // Children come after their parents in document order: compute from the end.
        for index in interactions.indices.reversed() where interactions[index].arrow.isSynchronous {
            let attempts = interactions[index].attributes.attempts
            let to = interactions[index].to.rawValue
            if let timeout = interactions[index].attributes.timeout ?? participants[to].attributes.timeout {
                seconds[index] = Self.times(attempts, timeout)
                continue
            }
            let latency = interactions[index].attributes.latency ?? participants[to].attributes.latency ?? 0
            let block = interactions[index].block.map { Self.cost(of: $0, in: model, waits: seconds) } ?? 0
            seconds[index] = Self.times(attempts, latency + block)
        }
        self.seconds = seconds
    }

    public subscript(id: InteractionID) -> Double? { seconds[id.rawValue] }

    /// The worst-case wait of a block's steps: what one attempt of the interaction that owns
    /// the block waits for them.
    public func cost(of steps: [Step], in model: Model) -> Double {
        Self.cost(of: steps, in: model, waits: seconds)
    }

    /// The timeout that bounds one attempt: the interaction's own, else its passive end's.
    public static func timeout(of interaction: Interaction, in model: Model) -> Double? {
        interaction.attributes.timeout ?? model[interaction.to].attributes.timeout
    }

    static func times(_ a: Double, _ b: Double) -> Double { a == 0 || b == 0 ? 0 : a * b }

    /// Its own recursion rather than `Model.walk`: a fold, in which each fragment combines its
    /// branches' costs by its kind (the largest branch, `times` × the body), which a walk in
    /// document order would have to rebuild on a stack.
    static func cost(of steps: [Step], in model: Model, waits: OptionalNumbers) -> Double {
        var total = 0.0
        for step in steps {
            switch step {
            case .interaction(let id):
                total += waits[id.rawValue] ?? 0
            case .fragment(let fragment):
                let branches = fragment.branches.map { cost(of: $0.steps, in: model, waits: waits) }
                switch fragment.kind {
                case .loop: total += times(Double(fragment.times), branches.first ?? 0)
                case .opt: total += branches.first ?? 0
                case .alt, .par: total += branches.max() ?? 0
                }
            case .note:
                break
            }
        }
        return total
    }
}
