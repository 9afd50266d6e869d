import BatonModel
import BatonSyntax

extension CheckContext {
    /// How the worst-case wait of a sync interaction comes about, for messages:
    /// "2 attempts × 2s timeout = 4s", "900ms latency + 2.3s for its block = 3.2s".
    public func explainWait(_ id: InteractionID) -> String {
        // Fields are read in place: binding the interaction copied its label, block and attributes.
        let interactions = model.interactions
        let index = id.rawValue
        let attempts = interactions[index].attributes.attempts
        let total = Describe.duration(waits[id] ?? 0)
        if let timeout = self.timeout(of: id) {
            let source: FindingText = interactions[index].attributes.timeout != nil ? "timeout" : "timeout of '\(name(interactions[index].to))'"
            let text: FindingText = attempts == 1 ? "\(total) (the \(source))"
                : "\(Describe.attempts(attempts)) attempts × \(Describe.duration(timeout)) \(source) = \(total)"
            return text.string
        }
        let latency = interactions[index].attributes.latency ?? model.participants[interactions[index].to.rawValue].attributes.latency ?? 0
        let single = attempts.isInfinite || attempts == 0 ? 0 : (waits[id] ?? 0) / attempts
        let block = max(0, single - latency)
        var parts: [String] = []
        if latency > 0 { parts.append(("\(Describe.duration(latency)) latency" as FindingText).string) }
        if block > 0 { parts.append(("\(Describe.duration(block)) for the calls in its block" as FindingText).string) }
        let sum = parts.isEmpty ? "0s" : FindingText.joined(parts, separator: " + ")
        if attempts == 1 { return parts.count > 1 ? ("\(sum) = \(total)" as FindingText).string : total }
        return ("\(Describe.attempts(attempts)) attempts × (\(sum)) = \(total)" as FindingText).string
    }

    /// The timeout of a sync interaction (`timeout(of:)`) and where it comes from, for
    /// messages: `2s`, or `2s (the timeout of 'Orders')`.
    public func describeTimeout(_ id: InteractionID) -> String? {
        if let own = model.interactions[id.rawValue].attributes.timeout {
            return Describe.duration(own)
        }
        let to = model.interactions[id.rawValue].to
        if let inherited = model.participants[to.rawValue].attributes.timeout {
            return ("\(Describe.duration(inherited)) (the timeout of '\(name(to))')" as FindingText).string
        }
        return nil
    }
}
