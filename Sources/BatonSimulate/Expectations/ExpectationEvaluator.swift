import BatonModel

/// Evaluates `expect` lines against one run's result.
///
/// - `goodput`: succeeded ÷ started over the runs that arrived from `after` (else from the end
///   of the warm-up) on; runs still in progress at the end count as not succeeded.
/// - `p50|p95|p99 [FLOW]`: that percentile of the flow's response times (all flows' runs when
///   none is named).
/// - `amplification [INTERACTION]`: attempts ÷ first attempts (the largest over all interactions
///   when none is named).
/// - `recovers within D`: every fault window and load spike recovered, the slowest within D;
///   it fails when one did not, or cannot be told.
/// - `queue NAME max N`: the channel's largest depth (all subscribers' copies).
struct ExpectationEvaluator {
    let model: Model
    let result: SimulationResult
    /// Per goodput expectation, in order: runs started and succeeded from its `after` on.
    let goodputCounts: [(started: Int, succeeded: Int)]

    /// The `after` instant of every goodput expectation, in order (what the engine counts).
    static func goodputWindows(_ scenario: Scenario) -> [Double] {
        let warmup = scenario.effectiveWarmup
        return scenario.expectations.compactMap { expectation in
            if case .goodput(_, _, let after) = expectation.measure { return max(warmup, after ?? warmup) }
            return nil
        }
    }

    func outcomes(_ expectations: [Expectation]) -> [ExpectationOutcome] {
        var goodputIndex = 0
        return expectations.map { expectation in
            let (actual, explanation) = measure(expectation, goodputIndex: &goodputIndex)
            let passed = actual.map { Self.holds(expectation.measure, actual: $0) } ?? false
            return ExpectationOutcome(expectation: expectation, passed: passed, actual: actual,
                                      passedFraction: passed ? 1 : 0, explanation: explanation)
        }
    }

    /// Whether a measured value satisfies the expectation.
    static func holds(_ measure: Expectation.Measure, actual: Double) -> Bool {
        switch measure {
        case .goodput(let comparison, let fraction, _): comparison.holds(actual, fraction)
        case .responseTime(_, _, let comparison, let seconds): comparison.holds(actual, seconds)
        case .amplification(_, let comparison, let value): comparison.holds(actual, value)
        case .recovers(let within): actual <= within
        case .queueMax(_, let max): actual <= Double(max)
        }
    }

    private func measure(_ expectation: Expectation, goodputIndex: inout Int) -> (Double?, String) {
        switch expectation.measure {
        case .goodput(_, _, let after):
            defer { goodputIndex += 1 }
            let counts: (started: Int, succeeded: Int) = goodputIndex < goodputCounts.count ? goodputCounts[goodputIndex] : (0, 0)
            let when = after.map { " after \(formatSeconds($0))" } ?? ""
            guard counts.started > 0 else { return (nil, "no run started\(when)") }
            let share = Double(counts.succeeded) / Double(counts.started)
            return (share, "goodput\(when) was \(percentText(share))")
        case .responseTime(let percentile, let flow, _, _):
            let name = "p\(rounded(percentile * 100))"
            var sketch = QuantileSketch()
            for row in result.flows where flow == nil || row.flow == flow {
                sketch.merge(row.responseTime.sketch)
            }
            let whose = flow.map { "of '\(model.flows[$0.rawValue].name)'" } ?? "of all runs"
            guard let value = sketch.quantile(percentile) else { return (nil, "no run \(whose) succeeded to measure \(name)") }
            return (value, "\(name) \(whose) was \(formatSeconds(value))")
        case .amplification(let interaction, _, _):
            if let interaction {
                guard let value = result.interaction(interaction)?.amplification?.value else {
                    return (nil, "'\(describe(interaction))' made no attempt")
                }
                return (value, "amplification of '\(describe(interaction))' was \(rounded(value))")
            }
            let largest = result.interactions.compactMap { row in row.amplification.map { (row.interaction, $0.value) } }
                .max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }
            guard let largest else { return (nil, "no interaction made an attempt") }
            return (largest.1, "the largest amplification was \(rounded(largest.1)) ('\(describe(largest.0))')")
        case .recovers:
            if result.recovery.isEmpty { return (0, "no fault or load spike to recover from") }
            if let failed = result.recovery.first(where: { $0.diagnosis != .recovered }) {
                return (nil, "\(describe(failed)): \(failed.summary)")
            }
            let slowest = result.recovery.compactMap { $0.after?.value }.max() ?? 0
            return (slowest, "the slowest recovery took \(formatSeconds(slowest))")
        case .queueMax(let channel, _):
            guard let row = result.channel(channel) else { return (nil, "there is no channel to measure") }
            return (row.maxDepth.value, "\(row.name) held at most \(rounded(row.maxDepth.value)) messages")
        }
    }

    private func describe(_ id: InteractionID) -> String {
        let interaction = model[id]
        return interaction.label ?? "\(model[interaction.from].name) \(interaction.arrow.rawValue) \(model[interaction.to].name)"
    }

    private func describe(_ verdict: RecoveryVerdict) -> String {
        switch verdict.trigger {
        case .fault(_, let name, _):
            "the fault on \(name) from \(formatSeconds(verdict.window.from)) to \(formatSeconds(verdict.window.to))"
        case .loadSpike(_, let name, _):
            "the load spike of '\(name)' from \(formatSeconds(verdict.window.from)) to \(formatSeconds(verdict.window.to))"
        }
    }
}

/// 0.9731 → "97.3%".
func percentText(_ share: Double) -> String {
    let value = (share * 1000).rounded() / 10
    return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
}
