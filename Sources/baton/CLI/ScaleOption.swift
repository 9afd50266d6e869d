import BatonRender

/// The value of `--scale N`: a plain decimal (`1`, `2`, `1.5`, `.5`), within `PNGSize.scales`,
/// with a message naming the bound crossed. No exponents, signs or spaces: a scale is typed by
/// hand, and `1e3` is more likely a slip than a wish for a million-pixel-wide picture.
enum ScaleOption {
    static let help = "1 draws one pixel per SVG unit (the default); 2 is twice as sharp, for high-density screens"

    static func parse(_ given: String) throws(UsageError) -> Double {
        let parts = given.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, digitsOnly, given.contains(where: \.isNumber), let value = Double(given) else {
            throw UsageError(message: "'--scale' needs a number such as 1, 1.5 or 2, not '\(given)'", help: help)
        }
        let range = PNGSize.scales
        guard value <= range.upperBound else {
            throw UsageError(message: "'--scale' must be at most \(text(range.upperBound)), not \(given)", help: help)
        }
        guard value >= range.lowerBound else {
            throw UsageError(message: "'--scale' must be at least \(text(range.lowerBound)), not \(given)", help: help)
        }
        return value
    }

    /// 16 → "16", 0.1 → "0.1".
    static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
