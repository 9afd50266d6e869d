import BatonSyntax

/// Why a simulation was refused or stopped. Every case is something a user can cause with an
/// absurd scenario or design, so it is reported with what to change, never trapped.
public enum SimulationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The scenario itself is malformed (a non-positive duration, an inverted window, …).
    case invalidScenario(String)
    /// The design has no flow for a load line to run.
    case nothingToRun
    /// A load line names a flow the model does not have.
    case unknownFlow(Int)
    /// The load lines would start more runs than the limit.
    case tooManyArrivals(expected: Double, limit: Int)
    /// The drivers would poll more often than the event limit allows.
    case tooManyPolls(expected: Double, limit: Int)
    /// The run processed more events than the limit (an unbounded retry loop without backoff,
    /// or a scenario far too long for its load).
    case tooManyEvents(limit: Int, time: Double)
    /// Simulated time stopped advancing: too many events at one instant (an unbounded retry
    /// without backoff against a participant that refuses at once, for instance).
    case timeStandsStill(events: Int, time: Double)
    /// More requests and messages were in flight at once than the limit.
    case tooMuchInFlight(limit: Int, time: Double)

    public var description: String {
        switch self {
        case .invalidScenario(let reason):
            return "invalid scenario: \(reason)"
        case .nothingToRun:
            return "the design has no steps for a load to run"
        case .unknownFlow(let index):
            return "a load line names flow #\(index), which the design does not have"
        case .tooManyArrivals(let expected, let limit):
            return "the scenario would start about \(count(expected)) runs, more than the limit of \(English.grouped(limit)); shorten the duration or lower the load"
        case .tooManyPolls(let expected, let limit):
            return "the drivers would poll about \(count(expected)) times, more than the limit of \(English.grouped(limit)) events; lengthen their interval or shorten the duration"
        case .tooManyEvents(let limit, let time):
            return "stopped after \(English.grouped(limit)) events at \(formatSeconds(time)) of simulated time; an unbounded retry without backoff, or a scenario far too long for its load, never ends"
        case .timeStandsStill(let events, let time):
            return "stopped at \(formatSeconds(time)) of simulated time after \(English.grouped(events)) events at that same instant; an unbounded retry without backoff against a participant that refuses at once never lets time move on"
        case .tooMuchInFlight(let limit, let time):
            return "more than \(English.grouped(limit)) requests and messages were in flight at once at \(formatSeconds(time)); the design piles up work without bound (unbounded waiting lines and no timeouts?)"
        }
    }
}

/// An expected count as people read it ("31,536,000,000,000"); beyond any whole number, in words.
private func count(_ expected: Double) -> String {
    guard expected.isFinite, expected < 9e18 else { return "more than 9,000,000,000,000,000,000" }
    return English.grouped(Int(expected.rounded()))
}
