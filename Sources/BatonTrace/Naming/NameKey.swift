/// A name reduced to what identifies it across notations: letters and digits, lowercased, with
/// case, punctuation, spaces and symbols dropped. `order-events`, `order_events`, `OrderEvents`
/// and `Order Events` have one key, `orderevents`.
///
/// This is how a trace's names meet a design's: a service's `service.name`, a store's
/// `db.namespace` or `db.system`, an external's `peer.service` or `server.address`, a channel's
/// `messaging.destination.name`, compared with a participant's name or display label. Keys are
/// compared as Swift strings, so canonically equivalent text (a composed and a decomposed `é`)
/// has one key.
public struct NameKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ name: String) {
        var key = ""
        for scalar in name.lowercased().unicodeScalars where NameKey.isKept(scalar) {
            key.unicodeScalars.append(scalar)
        }
        text = key
    }

    /// Letters, digits, and the marks that belong to a letter.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    /// Whether the name has nothing that identifies it (only punctuation, or empty).
    public var isEmpty: Bool { text.isEmpty }

    /// Whether `name` has this key.
    public func matches(_ name: String) -> Bool { NameKey(name) == self }

    public var description: String { text }

    public static func < (lhs: NameKey, rhs: NameKey) -> Bool {
        Array(lhs.text.utf8).lexicographicallyPrecedes(Array(rhs.text.utf8))
    }
}
