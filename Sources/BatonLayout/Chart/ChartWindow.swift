/// A span of time shaded across every panel and labelled once at the top: when a fault was
/// injected, or when the load spiked, so that a reader sees what the lines respond to.
public struct ChartWindow: Hashable, Sendable {
    /// Seconds from the start. A window reaching beyond the chart's range is cut to it; one
    /// outside it, or empty, is not drawn.
    public var from: Double
    public var to: Double
    /// What happened (`Stripe down`, `spike to 80/s`); empty for the kind's name.
    public var label: String
    public var kind: Kind

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Something was broken (warm colours).
        case fault
        /// More load than usual (cool colours).
        case spike
    }

    public init(from: Double, to: Double, label: String, kind: Kind) {
        self.from = from
        self.to = to
        self.label = label
        self.kind = kind
    }

    /// The label, or the kind's name when there is none.
    public var displayLabel: String {
        label.allSatisfy(\.isWhitespace) ? kind.rawValue : label
    }
}
