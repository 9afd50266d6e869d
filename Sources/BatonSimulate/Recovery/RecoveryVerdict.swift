import BatonModel
import BatonSyntax

/// Whether the system came back after one fault window or load spike.
///
/// The level compared is goodput relative to the load asked for (succeeded runs per second ÷
/// scheduled runs per second, all flows), so a load that changes after the trigger is not
/// mistaken for a failure. It is back when, averaged over a few seconds (`recoveryWindow`), it
/// reaches the threshold (95%) of its level before the trigger.
public struct RecoveryVerdict: Hashable, Sendable {
    public enum Trigger: Hashable, Sendable {
        /// A `fault` line.
        case fault(participant: ParticipantID, name: String, effect: Fault.Effect)
        /// A `load` line with a window whose rate is above the rate just before it.
        case loadSpike(flow: FlowID, name: String, rate: Double)
    }

    public enum Diagnosis: String, Hashable, Sendable {
        /// Goodput came back.
        case recovered
        /// It did not come back although the load went back to what was served before, while
        /// retries kept amplifying the load: a metastable failure.
        case metastable
        /// It did not come back, and no retry storm explains it (the load is higher than
        /// before, or a fault outlasts the window).
        case notRecovered = "not-recovered"
        /// Cannot tell: no goodput before the trigger, or too little time after it.
        case undetermined
    }

    public var trigger: Trigger
    /// The fault's window, or the spike's.
    public var window: TimeWindow
    /// The `fault` or `load` line.
    public var span: Span
    /// With replications, the diagnosis of most runs (recovered when at least half did).
    public var diagnosis: Diagnosis
    /// Share of the runs that recovered, 0…1 (1 or 0 for a single run).
    public var fractionRecovered: Double
    /// Seconds after the window ended until goodput was back, over the runs that recovered.
    public var after: Figure?
    /// Succeeded runs per second over the baseline before the trigger.
    public var goodputBefore: Figure?
    /// Succeeded runs per second from the end of the window to the end of the scenario.
    public var goodputAfter: Figure?
    /// Goodput level after the window relative to before (level = goodput ÷ scheduled load),
    /// 0…1 and more: 0.03 means "stayed at 3%".
    public var levelAfter: Figure?
    /// The retrying interaction with the highest amplification in the later half of the time
    /// after the window, when the diagnosis is metastable.
    public var sustainedBy: InteractionID?
    /// Its amplification (attempts ÷ first attempts) over that later half.
    public var amplification: Figure?
    /// A sentence for reports: "goodput back to ≥ 95% of its pre-fault level 12s after the
    /// fault ended", "did not recover in the remaining 5m: …".
    public var summary: String

    public init(trigger: Trigger, window: TimeWindow, span: Span, diagnosis: Diagnosis, fractionRecovered: Double,
                after: Figure?, goodputBefore: Figure?, goodputAfter: Figure?, levelAfter: Figure?,
                sustainedBy: InteractionID?, amplification: Figure?, summary: String) {
        self.trigger = trigger
        self.window = window
        self.span = span
        self.diagnosis = diagnosis
        self.fractionRecovered = fractionRecovered
        self.after = after
        self.goodputBefore = goodputBefore
        self.goodputAfter = goodputAfter
        self.levelAfter = levelAfter
        self.sustainedBy = sustainedBy
        self.amplification = amplification
        self.summary = summary
    }

    /// Recovered (in at least half of the runs).
    public var recovered: Bool { diagnosis == .recovered }

    /// "fault" or "spike", for reports.
    public var kind: String {
        switch trigger {
        case .fault: "fault"
        case .loadSpike: "spike"
        }
    }
}
