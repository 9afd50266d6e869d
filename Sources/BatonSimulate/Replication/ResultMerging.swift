import BatonModel

// Replications: the same design and scenario run with seeds S, S+1, …, merged into one result
// whose figures are means with 95% confidence intervals (Student's t over the runs). Runs are
// merged in seed order, so the merged result does not depend on how they were scheduled.

extension SimulationResult {
    /// Merges replications of one scenario (in seed order); nil when there is none. Each
    /// figure becomes the mean over the runs with its confidence interval, the time series the
    /// mean per interval, sketches are pooled, a recovery verdict gives the share of runs that
    /// recovered, and an expectation holds when it holds on the means (with the share of runs in
    /// which it held).
    public static func merging(_ results: [SimulationResult]) -> SimulationResult? {
        guard let first = results.first else { return nil }
        guard results.count > 1 else { return first }
        func mean(_ pick: (SimulationResult) -> Figure) -> Figure { Figure.mean(of: results.map { pick($0).value }) }

        let flows = first.flows.indices.map { index in
            let rows = results.map { $0.flows[index] }
            return FlowResult(
                flow: rows[0].flow, name: rows[0].name, started: meanOf(rows, \.started), succeeded: meanOf(rows, \.succeeded),
                failed: meanOf(rows, \.failed), unfinished: meanOf(rows, \.unfinished), offeredLoad: meanOf(rows, \.offeredLoad),
                goodput: meanOf(rows, \.goodput), successRatio: Figure.mean(of: rows.map { $0.successRatio?.value }),
                responseTime: LatencySummary.merging(rows.map(\.responseTime)),
                completionTime: LatencySummary.merging(rows.map(\.completionTime)))
        }
        let interactions = first.interactions.indices.map { index in
            let rows = results.map { $0.interactions[index] }
            var row = rows[0]
            row.firstAttempts = meanOf(rows, \.firstAttempts)
            row.attempts = meanOf(rows, \.attempts)
            row.amplification = Figure.mean(of: rows.map { $0.amplification?.value })
            row.successes = meanOf(rows, \.successes)
            row.failures = meanOf(rows, \.failures)
            row.timeouts = meanOf(rows, \.timeouts)
            row.rejections = meanOf(rows, \.rejections)
            row.shortCircuited = meanOf(rows, \.shortCircuited)
            row.breakerOpenings = meanOf(rows, \.breakerOpenings)
            return row
        }
        let participants = first.participants.indices.map { index in
            let rows = results.map { $0.participants[index] }
            var row = rows[0]
            row.utilisation = Figure.mean(of: rows.map { $0.utilisation?.value })
            row.meanBusy = meanOf(rows, \.meanBusy)
            row.meanWaiting = meanOf(rows, \.meanWaiting)
            row.maxWaiting = meanOf(rows, \.maxWaiting)
            row.meanInSystem = meanOf(rows, \.meanInSystem)
            row.throughput = meanOf(rows, \.throughput)
            row.meanSojourn = Figure.mean(of: rows.map { $0.meanSojourn?.value })
            row.meanWait = Figure.mean(of: rows.map { $0.meanWait?.value })
            row.handled = meanOf(rows, \.handled)
            row.wastedWork = meanOf(rows, \.wastedWork)
            row.wastedAttempts = meanOf(rows, \.wastedAttempts)
            row.rejected = meanOf(rows, \.rejected)
            row.hung = meanOf(rows, \.hung)
            return row
        }
        let channels = first.channels.indices.map { index in
            let rows = results.map { $0.channels[index] }
            var row = rows[0]
            row.published = meanOf(rows, \.published)
            row.sent = meanOf(rows, \.sent)
            row.rejected = meanOf(rows, \.rejected)
            row.delivered = meanOf(rows, \.delivered)
            row.dropped = meanOf(rows, \.dropped)
            row.expired = meanOf(rows, \.expired)
            row.deadLettered = meanOf(rows, \.deadLettered)
            row.left = meanOf(rows, \.left)
            row.redelivered = meanOf(rows, \.redelivered)
            row.maxDepth = meanOf(rows, \.maxDepth)
            row.meanDepth = meanOf(rows, \.meanDepth)
            return row
        }
        let recovery = first.recovery.indices.map { index in
            RecoveryVerdict.merging(results.map { $0.recovery[index] })
        }
        let expectations = first.expectations.indices.map { index in
            ExpectationOutcome.merging(results.map { $0.expectations[index] })
        }
        return SimulationResult(
            scenario: first.scenario, duration: first.duration, warmup: first.warmup, seed: first.seed,
            runs: results.reduce(0) { $0 + $1.runs }, events: mean(\.events), flows: flows, interactions: interactions,
            participants: participants, channels: channels, recovery: recovery, expectations: expectations,
            series: TimeSeries.merging(results.map(\.series)))
    }

    private static func meanOf<Row>(_ rows: [Row], _ path: KeyPath<Row, Figure>) -> Figure {
        Figure.mean(of: rows.map { $0[keyPath: path].value })
    }
}

extension LatencySummary {
    static func merging(_ summaries: [LatencySummary]) -> LatencySummary {
        var sketch = QuantileSketch()
        for summary in summaries { sketch.merge(summary.sketch) }
        return LatencySummary(count: Figure.mean(of: summaries.map(\.count.value)),
                              mean: Figure.mean(of: summaries.map { $0.mean?.value }),
                              p50: Figure.mean(of: summaries.map { $0.p50?.value }),
                              p95: Figure.mean(of: summaries.map { $0.p95?.value }),
                              p99: Figure.mean(of: summaries.map { $0.p99?.value }),
                              max: Figure.mean(of: summaries.map { $0.max?.value }), sketch: sketch)
    }
}

extension RecoveryVerdict {
    /// One verdict over the runs: recovered when at least half of them did.
    static func merging(_ verdicts: [RecoveryVerdict]) -> RecoveryVerdict {
        var merged = verdicts[0]
        let runs = verdicts.count
        let recoveredRuns = verdicts.filter { $0.diagnosis == .recovered }.count
        merged.fractionRecovered = Double(recoveredRuns) / Double(runs)
        if recoveredRuns * 2 >= runs {
            merged.diagnosis = .recovered
        } else {
            // The most common failure, ties in the order of the enum's severity.
            let order: [Diagnosis] = [.metastable, .notRecovered, .undetermined]
            merged.diagnosis = order.max { lhs, rhs in
                let left = verdicts.filter { $0.diagnosis == lhs }.count
                let right = verdicts.filter { $0.diagnosis == rhs }.count
                return left < right || (left == right && (order.firstIndex(of: lhs) ?? 0) > (order.firstIndex(of: rhs) ?? 0))
            } ?? .notRecovered
        }
        merged.after = Figure.mean(of: verdicts.map { $0.diagnosis == .recovered ? $0.after?.value : nil })
        merged.goodputBefore = Figure.mean(of: verdicts.map { $0.goodputBefore?.value })
        merged.goodputAfter = Figure.mean(of: verdicts.map { $0.goodputAfter?.value })
        merged.levelAfter = Figure.mean(of: verdicts.map { $0.levelAfter?.value })
        let culprits = verdicts.compactMap(\.sustainedBy)
        let culprit = Array(Set(culprits)).sorted().max { lhs, rhs in
            culprits.filter { $0 == lhs }.count < culprits.filter { $0 == rhs }.count
        }
        merged.sustainedBy = merged.diagnosis == .metastable ? culprit : nil
        merged.amplification = merged.sustainedBy.flatMap { culprit in
            Figure.mean(of: verdicts.map { $0.sustainedBy == culprit ? $0.amplification?.value : nil })
        }
        // The sentence of the first run with the merged diagnosis, with the share of runs.
        let example = verdicts.first { $0.diagnosis == merged.diagnosis } ?? verdicts[0]
        let share = "\(recoveredRuns) of \(runs) runs recovered"
        switch merged.diagnosis {
        case .recovered:
            let after = merged.after.map { " on average \(formatSeconds($0.value)) after the \(merged.trigger.noun) ended" } ?? ""
            merged.summary = "goodput back to its pre-\(merged.trigger.noun) level\(after) (\(share))"
        default:
            merged.summary = "\(example.summary) (\(share))"
        }
        return merged
    }
}

extension ExpectationOutcome {
    /// Holds when every run had something to measure and the mean satisfies it.
    static func merging(_ outcomes: [ExpectationOutcome]) -> ExpectationOutcome {
        var merged = outcomes[0]
        let values = outcomes.compactMap(\.actual)
        merged.passedFraction = Double(outcomes.filter(\.passed).count) / Double(outcomes.count)
        if values.count == outcomes.count {
            let mean = values.reduce(0, +) / Double(values.count)
            merged.actual = mean
            merged.passed = ExpectationEvaluator.holds(merged.expectation.measure, actual: mean)
            merged.explanation = "mean over \(outcomes.count) runs: \(rounded(mean)); held in \(percentText(merged.passedFraction)) of the runs"
        } else {
            merged.actual = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            merged.passed = false
            let missing = outcomes.first { $0.actual == nil }?.explanation ?? ""
            merged.explanation = "\(outcomes.count - values.count) of \(outcomes.count) runs had nothing to measure (\(missing))"
        }
        return merged
    }
}

extension TimeSeries {
    static func merging(_ all: [TimeSeries]) -> TimeSeries {
        var merged = all[0]
        func mean(_ pick: (TimeSeries) -> [Double]) -> [Double] { meanColumns(all.map(pick)) }
        func meanOptional(_ pick: (TimeSeries) -> [Double?]) -> [Double?] { meanOptionalColumns(all.map(pick)) }
        merged.scheduledLoad = mean(\.scheduledLoad)
        merged.offeredLoad = mean(\.offeredLoad)
        merged.goodput = mean(\.goodput)
        merged.failures = mean(\.failures)
        merged.responseP50 = meanOptional(\.responseP50)
        merged.responseP95 = meanOptional(\.responseP95)
        merged.responseP99 = meanOptional(\.responseP99)
        merged.attempts = mean(\.attempts)
        for index in merged.flows.indices {
            let rows = all.map { $0.flows[index] }
            merged.flows[index].scheduledLoad = meanColumns(rows.map(\.scheduledLoad))
            merged.flows[index].offeredLoad = meanColumns(rows.map(\.offeredLoad))
            merged.flows[index].goodput = meanColumns(rows.map(\.goodput))
            merged.flows[index].failures = meanColumns(rows.map(\.failures))
            merged.flows[index].responseP50 = meanOptionalColumns(rows.map(\.responseP50))
            merged.flows[index].responseP95 = meanOptionalColumns(rows.map(\.responseP95))
            merged.flows[index].responseP99 = meanOptionalColumns(rows.map(\.responseP99))
        }
        for index in merged.participants.indices {
            let rows = all.map { $0.participants[index] }
            merged.participants[index].meanWaiting = meanColumns(rows.map(\.meanWaiting))
            merged.participants[index].maxWaiting = meanColumns(rows.map(\.maxWaiting))
            merged.participants[index].meanBusy = meanColumns(rows.map(\.meanBusy))
        }
        for index in merged.channels.indices {
            let rows = all.map { $0.channels[index] }
            merged.channels[index].meanDepth = meanColumns(rows.map(\.meanDepth))
            merged.channels[index].maxDepth = meanColumns(rows.map(\.maxDepth))
        }
        for index in merged.interactions.indices {
            let rows = all.map { $0.interactions[index] }
            merged.interactions[index].attempts = meanColumns(rows.map(\.attempts))
            merged.interactions[index].firstAttempts = meanColumns(rows.map(\.firstAttempts))
        }
        return merged
    }
}

private func meanColumns(_ rows: [[Double]]) -> [Double] {
    guard let first = rows.first else { return [] }
    return first.indices.map { index in rows.reduce(0) { $0 + $1[index] } / Double(rows.count) }
}

private func meanOptionalColumns(_ rows: [[Double?]]) -> [Double?] {
    guard let first = rows.first else { return [] }
    return first.indices.map { index in
        let present = rows.compactMap { $0[index] }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
}
