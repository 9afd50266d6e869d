/// Turns a name from a trace into a Baton identifier: the words of the name, each starting with
/// a capital, joined — `order-events` → `OrderEvents`, `api.stripe.com` → `ApiStripeCom`,
/// `checkout_service` → `CheckoutService`. The identifier has the same `NameKey` as the name,
/// so a design written with it matches the traces again.
public enum ParticipantIdentifier {
    /// The identifier for `name`; `fallback` when the name has no letter or digit.
    public static func make(from name: String, fallback: String = "Unnamed") -> String {
        var result = ""
        var startOfWord = true
        for scalar in name.unicodeScalars {
            guard NameKey.isKept(scalar) else {
                startOfWord = true
                continue
            }
            // A capital only where it is one scalar with the same key (`ß` stays, not `SS`).
            let upper = String(scalar).uppercased()
            if startOfWord, scalar.properties.isAlphabetic, upper.unicodeScalars.count == 1, NameKey(upper) == NameKey(String(scalar)) {
                result += upper
            } else {
                result.unicodeScalars.append(scalar)
            }
            startOfWord = false
        }
        guard let first = result.unicodeScalars.first else { return fallback }
        // A name starts with a letter or `_`: `3scale` becomes `_3scale`, whose key is the same.
        if !(first.properties.isAlphabetic && first.properties.generalCategory != .nonspacingMark) { result = "_" + result }
        return result
    }
}
