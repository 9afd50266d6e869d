import Foundation

/// One reported number: a single run's measurement, or the mean over replications with its 95%
/// confidence interval.
///
/// Every figure of a `SimulationResult` is one of these, so a single run and a merged set of
/// replications have the same shape (and the same JSON).
public struct Figure: Hashable, Sendable, CustomStringConvertible {
    /// The measurement (one run), or the mean of the runs' measurements (replications).
    public var value: Double
    /// The 95% confidence interval of the mean (Student's t over the runs); nil for one run.
    public var interval: ConfidenceInterval?

    public init(_ value: Double, interval: ConfidenceInterval? = nil) {
        self.value = value
        self.interval = interval
    }

    public var description: String {
        guard let interval else { return "\(value)" }
        return "\(value) [\(interval.lower), \(interval.upper)]"
    }

    /// The mean of `values` with its 95% confidence interval (none for fewer than two values).
    static func mean(of values: [Double]) -> Figure {
        guard !values.isEmpty else { return Figure(0) }
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        guard values.count > 1 else { return Figure(mean) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let half = StudentT.quantile975(degreesOfFreedom: values.count - 1) * (variance / count).squareRoot()
        return Figure(mean, interval: ConfidenceInterval(lower: mean - half, upper: mean + half))
    }

    /// The mean of the values that exist; nil when none does.
    static func mean(of values: [Double?]) -> Figure? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : mean(of: present)
    }
}

/// A two-sided 95% confidence interval, in the figure's unit.
public struct ConfidenceInterval: Hashable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}

/// Student's t distribution's 97.5% quantile, for 95% two-sided intervals.
enum StudentT {
    /// Exact values for 1…30 degrees of freedom.
    private static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    static func quantile975(degreesOfFreedom: Int) -> Double {
        if degreesOfFreedom < 1 { return .infinity }
        if degreesOfFreedom <= table.count { return table[degreesOfFreedom - 1] }
        // Cornish–Fisher expansion around the normal quantile: within 1e-4 beyond 30.
        let z = 1.959964
        let n = Double(degreesOfFreedom)
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
    }
}
