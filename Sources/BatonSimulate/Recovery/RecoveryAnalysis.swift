import BatonModel
import BatonSyntax

/// Decides, for one run, whether goodput came back after each fault window and load spike.
///
/// The level compared is goodput ÷ scheduled load over whole statistics intervals. The baseline
/// is the level over `baselineWindow` seconds before the trigger (after the warm-up when there is
/// room). After the window ends, the first stretch of `recoveryWindow` seconds whose level is at
/// least `recoveryThreshold` × the baseline marks the recovery, and its start is the time to
/// recovery. Without one, the verdict looks for the sustaining effect: when the load after the
/// window is no higher than before, no other fault is in force and a retrying interaction
/// amplifies its load, the failure is called metastable and that interaction named.
struct RecoveryAnalysis {
    let model: Model
    let scenario: Scenario
    let options: SimulationOptions
    let program: Program
    let result: SimulationResult

    struct Trigger {
        var trigger: RecoveryVerdict.Trigger
        var window: TimeWindow
        var span: Span
    }

    /// Fault windows in scenario order, then load spikes in scenario order.
    static func triggers(model: Model, scenario: Scenario, program: Program, defaultFlow: FlowID?) -> [Trigger] {
        var triggers: [Trigger] = []
        for fault in scenario.faults where fault.participant.rawValue < model.participants.count {
            triggers.append(Trigger(trigger: .fault(participant: fault.participant, name: model[fault.participant].name,
                                                    effect: fault.effect),
                                    window: fault.window, span: fault.span))
        }
        for line in scenario.loads {
            guard let window = line.window, window.from > 0, window.from < scenario.duration else { continue }
            guard let flow = line.flow ?? defaultFlow ?? model.flows.first(where: \.isDefault)?.id ?? model.flows.first?.id
            else { continue }
            let before = program.arrivals.first { $0.flow == flow.rawValue }?.segments
                .last { $0.start < window.from && window.from <= $0.end }?.rate ?? 0
            guard line.rate > before else { continue }
            triggers.append(Trigger(trigger: .loadSpike(flow: flow, name: model.flows[flow.rawValue].name, rate: line.rate),
                                    window: window, span: line.span))
        }
        return triggers
    }

    func verdicts() -> [RecoveryVerdict] {
        Self.triggers(model: model, scenario: scenario, program: program, defaultFlow: options.defaultFlow).map(verdict)
    }

    private var series: TimeSeries { result.series }

    private func length(_ index: Int) -> Double {
        max(0, min(result.duration, series.start(index + 1)) - series.start(index))
    }

    /// Goodput (runs/s), scheduled load (runs/s) and level over the intervals `range`.
    private func level(_ range: Range<Int>) -> (goodput: Double, load: Double, level: Double?) {
        var succeeded = 0.0
        var scheduled = 0.0
        var seconds = 0.0
        for index in range {
            let length = length(index)
            succeeded += series.goodput[index] * length
            scheduled += series.scheduledLoad[index] * length
            seconds += length
        }
        guard seconds > 0 else { return (0, 0, nil) }
        return (succeeded / seconds, scheduled / seconds, scheduled > 0 ? succeeded / scheduled : nil)
    }

    private func verdict(_ trigger: Trigger) -> RecoveryVerdict {
        let width = series.interval
        let start = trigger.window.from
        let end = min(result.duration, trigger.window.to)
        let noun = trigger.trigger.noun
        func undetermined(_ reason: String) -> RecoveryVerdict {
            RecoveryVerdict(trigger: trigger.trigger, window: trigger.window, span: trigger.span, diagnosis: .undetermined,
                            fractionRecovered: 0, after: nil, goodputBefore: nil, goodputAfter: nil, levelAfter: nil,
                            sustainedBy: nil, amplification: nil, summary: "cannot tell: \(reason)")
        }

        // The baseline: whole intervals before the trigger, after the warm-up when there is room.
        let stretch = max(1, Int((options.recoveryWindow / width).rounded(.up)))
        var baselineStart = max(0, start - options.baselineWindow)
        if start - result.warmup >= Double(stretch) * width { baselineStart = max(baselineStart, result.warmup) }
        let firstBefore = Int((baselineStart / width).rounded(.up))
        let lastBefore = Int((start / width).rounded(.down))
        guard lastBefore > firstBefore, let baselineLevel = level(firstBefore..<lastBefore).level else {
            return undetermined("there is no load before the \(noun) to compare with")
        }
        let before = level(firstBefore..<lastBefore)
        guard baselineLevel > 0 else { return undetermined("nothing succeeded before the \(noun)") }

        let firstAfter = Int((end / width - 1e-9).rounded(.up))
        guard firstAfter + stretch <= series.count else {
            return undetermined("less than \(formatSeconds(Double(stretch) * width)) of the scenario is left after the \(noun)")
        }
        let after = level(firstAfter..<series.count)
        let relative = (after.level ?? 0) / baselineLevel
        let threshold = options.recoveryThreshold * baselineLevel
        for index in firstAfter...(series.count - stretch) {
            guard let current = level(index..<(index + stretch)).level, current >= threshold else { continue }
            let delay = max(0, series.start(index) - end)
            return RecoveryVerdict(
                trigger: trigger.trigger, window: trigger.window, span: trigger.span, diagnosis: .recovered,
                fractionRecovered: 1, after: Figure(delay), goodputBefore: Figure(before.goodput),
                goodputAfter: Figure(after.goodput), levelAfter: Figure(relative), sustainedBy: nil, amplification: nil,
                summary: "goodput back to ≥ \(percent(options.recoveryThreshold)) of its pre-\(noun) level \(formatSeconds(delay)) after the \(noun) ended")
        }

        // Not back: find what sustains it.
        let remaining = formatSeconds(result.duration - end)
        // Amplification over the later half of what remains, away from the retries of
        // operations that started during the trigger.
        let sustained = firstAfter + (series.count - firstAfter) / 2
        var strongest: (interaction: InteractionID, amplification: Double)?
        for row in series.interactions {
            let site = program.sites[row.interaction.rawValue]
            guard site.maxAttempts > 1 else { continue }
            let first = row.firstAttempts[sustained...].reduce(0, +)
            guard first > 0 else { continue }
            let amplification = row.attempts[sustained...].reduce(0, +) / first
            if amplification > (strongest?.amplification ?? 0) { strongest = (row.interaction, amplification) }
        }
        let otherFault = scenario.faults.contains { fault in
            fault.window.to > end + Double(stretch) * width && fault.window.from < result.duration
                && !(fault.window == trigger.window && trigger.trigger.isFault(of: fault))
        }
        let loadHigher = after.load > before.load * 1.05
        var summary = "did not recover in the remaining \(remaining): goodput stayed at \(percent(relative))"
        var diagnosis = RecoveryVerdict.Diagnosis.notRecovered
        var sustainedBy: InteractionID?
        var amplification: Figure?
        if let strongest, strongest.amplification >= 1.2, !loadHigher, !otherFault {
            diagnosis = .metastable
            sustainedBy = strongest.interaction
            amplification = Figure(strongest.amplification)
            summary += " — a metastable failure sustained by retries of '\(describe(strongest.interaction))' (amplification \(rounded(strongest.amplification)))"
        } else if loadHigher {
            summary += "; the load after the \(noun) (\(rounded(after.load))/s) is higher than before it (\(rounded(before.load))/s)"
        } else if otherFault {
            summary += "; another fault is in force after the \(noun)"
        }
        return RecoveryVerdict(
            trigger: trigger.trigger, window: trigger.window, span: trigger.span, diagnosis: diagnosis,
            fractionRecovered: 0, after: nil, goodputBefore: Figure(before.goodput), goodputAfter: Figure(after.goodput),
            levelAfter: Figure(relative), sustainedBy: sustainedBy, amplification: amplification, summary: summary)
    }

    private func describe(_ id: InteractionID) -> String {
        let interaction = model[id]
        return interaction.label ?? "\(model[interaction.from].name) \(interaction.arrow.rawValue) \(model[interaction.to].name)"
    }
}

extension RecoveryVerdict.Trigger {
    /// "fault" or "spike", as the verdict's sentence says it.
    var noun: String {
        switch self {
        case .fault: "fault"
        case .loadSpike: "spike"
        }
    }

    func isFault(of fault: Fault) -> Bool {
        if case .fault(let participant, _, let effect) = self { return participant == fault.participant && effect == fault.effect }
        return false
    }
}

/// 0.953 → "95%"; small shares keep a decimal ("0.4%").
func percent(_ share: Double) -> String {
    let value = share * 100
    if value > 0 && value < 1 { return "\((value * 10).rounded() / 10)%" }
    return "\(Int(value.rounded()))%"
}

/// Two decimals at most: 3.8712 → "3.87", 4.0 → "4".
func rounded(_ value: Double) -> String {
    let hundredths = (value * 100).rounded() / 100
    return hundredths == hundredths.rounded() ? "\(Int(hundredths))" : "\(hundredths)"
}
