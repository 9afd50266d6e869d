import Baton
import BatonSyntax

/// The value of a numeric option such as `--graph-limit N`, with the message a user needs when
/// it is wrong: not a number, below the least value or above the greatest — each bound named
/// as the one that was crossed.
///
/// Digits may be grouped by thousands (`120,000` or `120_000`), as the help writes defaults.
enum WholeNumberOption {
    /// `help` goes with every message (the default, say, and what the number means).
    static func parse(_ given: String, option: String, in range: ClosedRange<Int>, help: String? = nil) throws(UsageError) -> Int {
        let digits = ungrouped(given)
        let negative = digits.hasPrefix("-")
        let magnitude = negative || digits.hasPrefix("+") ? digits.dropFirst() : Substring(digits)
        guard !magnitude.isEmpty, magnitude.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw UsageError(message: "'\(option)' needs a whole number, not '\(given)'", help: help)
        }
        // Too many digits for an Int is still a number, beyond one bound or the other.
        let value = Int(digits) ?? (negative ? .min : .max)
        guard value <= range.upperBound else {
            throw UsageError(message: "'\(option)' must be at most \(English.grouped(range.upperBound)), not \(given)", help: help)
        }
        guard value >= range.lowerBound else {
            throw UsageError(message: "'\(option)' must be at least \(English.grouped(range.lowerBound)), not \(given)", help: help)
        }
        return value
    }

    /// `120,000` and `120_000` → `120000`; anything else as given (commas or underscores that
    /// do not group by thousands are an error, not a guess).
    static func ungrouped(_ text: String) -> String {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false).count > 1
            ? text.split(separator: ",", omittingEmptySubsequences: false)
            : text.split(separator: "_", omittingEmptySubsequences: false)
        guard groups.count > 1 else { return text }
        let first = groups[0].drop { $0 == "-" || $0 == "+" }
        guard (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return text }
        return groups.joined()
    }
}
