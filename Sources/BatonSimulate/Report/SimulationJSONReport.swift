import BatonJSON
import BatonModel
import BatonSyntax

/// The machine-readable report of `baton simulate --format json`: a versioned contract
/// (docs/simulation.md#the-json-report) that scripts and dashboards can rely on.
///
/// Times are in seconds, rates per second, shares are fractions 0…1. Numbers are rounded to six
/// significant digits — far finer than a simulation can tell — so the output is short and stable,
/// and a figure that does not exist (a percentile of no run) is `null`. With several runs each
/// figure `x` is the mean, followed by `xCi`: `[lower, upper]`, its 95% confidence interval.
/// Every row of the result is written, idle ones too, so the arrays have the same length for
/// every scenario of a design. Keys are in a fixed order, so the same result gives the same bytes.
public enum SimulationJSONReport {
    /// The contract's version: it changes only when a key changes meaning or goes away.
    public static let version = 1

    public static func report(_ result: SimulationResult, model: Model, sources: SourceMap) -> String {
        value(result, model: model, sources: sources).serialized(pretty: true) + "\n"
    }

    public static func value(_ result: SimulationResult, model: Model, sources: SourceMap) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("version", .int(version)),
            ("scenario", .string(result.scenario)),
            ("duration", number(result.duration)),
            ("warmup", number(result.warmup)),
            ("seed", .number(String(result.seed))),
            ("runs", .int(result.runs)),
            ("interval", number(result.series.interval)),
        ]
        members.append(("flows", .array(result.flows.map(flow))))
        members.append(("interactions", .array(result.interactions.map { interaction($0, model: model, sources: sources) })))
        members.append(("participants", .array(result.participants.map(participant))))
        members.append(("channels", .array(result.channels.map(channel))))
        members.append(("recovery", .array(result.recovery.map { recovery($0, model: model, sources: sources) })))
        members.append(("expectations", .array(result.expectations.map { expectation($0, sources: sources) })))
        return .object(members)
    }

    // MARK: - Rows

    static func flow(_ row: FlowResult) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(row.name))]
        add("started", row.started, to: &members)
        add("succeeded", row.succeeded, to: &members)
        add("failed", row.failed, to: &members)
        add("unfinished", row.unfinished, to: &members)
        add("offeredLoad", row.offeredLoad, to: &members)
        add("goodput", row.goodput, to: &members)
        add("successRatio", row.successRatio, to: &members)
        members.append(("responseTime", latency(row.responseTime)))
        members.append(("completionTime", latency(row.completionTime)))
        return .object(members)
    }

    static func latency(_ summary: LatencySummary) -> JSONValue {
        var members: [(String, JSONValue)] = []
        add("count", summary.count, to: &members)
        add("mean", summary.mean, to: &members)
        add("p50", summary.p50, to: &members)
        add("p95", summary.p95, to: &members)
        add("p99", summary.p99, to: &members)
        add("max", summary.max, to: &members)
        return .object(members)
    }

    static func interaction(_ row: InteractionResult, model: Model, sources: SourceMap) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("from", .string(row.fromName)),
            ("to", .string(row.toName)),
            ("label", row.label.map(JSONValue.string) ?? .null),
            ("arrow", .string(row.interaction.rawValue < model.interactions.count ? model[row.interaction].arrow.rawValue : "")),
            ("file", file(row.span, sources: sources)),
            ("line", ReportSubjects.line(row.span, sources: sources).map(JSONValue.int) ?? .null),
            ("role", .string(row.role.rawValue)),
        ]
        add("attempts", row.attempts, to: &members)
        add("firstAttempts", row.firstAttempts, to: &members)
        add("amplification", row.amplification, to: &members)
        add("successes", row.successes, to: &members)
        add("timeouts", row.timeouts, to: &members)
        add("failures", row.failures, to: &members)
        add("rejections", row.rejections, to: &members)
        add("shortCircuited", row.shortCircuited, to: &members)
        add("breakerOpenings", row.breakerOpenings, to: &members)
        return .object(members)
    }

    static func participant(_ row: ParticipantResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(row.name)),
            ("kind", .string(row.kind.rawValue)),
            ("servers", row.servers.map(JSONValue.int) ?? .null),
        ]
        add("utilisation", row.utilisation, to: &members)
        add("meanBusy", row.meanBusy, to: &members)
        add("meanWaiting", row.meanWaiting, to: &members)
        add("maxWaiting", row.maxWaiting, to: &members)
        add("meanInSystem", row.meanInSystem, to: &members)
        add("throughput", row.throughput, to: &members)
        add("meanSojourn", row.meanSojourn, to: &members)
        add("meanWait", row.meanWait, to: &members)
        add("handled", row.handled, to: &members)
        add("wastedWork", row.wastedWork, to: &members)
        add("wastedAttempts", row.wastedAttempts, to: &members)
        add("rejected", row.rejected, to: &members)
        add("hung", row.hung, to: &members)
        return .object(members)
    }

    static func channel(_ row: ChannelResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(row.name)),
            ("kind", .string(row.kind.rawValue)),
        ]
        add("published", row.published, to: &members)
        add("sent", row.sent, to: &members)
        add("rejected", row.rejected, to: &members)
        add("delivered", row.delivered, to: &members)
        add("maxDepth", row.maxDepth, to: &members)
        add("meanDepth", row.meanDepth, to: &members)
        add("dropped", row.dropped, to: &members)
        add("expired", row.expired, to: &members)
        add("deadLettered", row.deadLettered, to: &members)
        add("left", row.left, to: &members)
        add("redelivered", row.redelivered, to: &members)
        return .object(members)
    }

    static func recovery(_ verdict: RecoveryVerdict, model: Model, sources: SourceMap) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(verdict.kind)),
            ("label", .string(ReportSubjects.trigger(verdict.trigger))),
        ]
        switch verdict.trigger {
        case .fault(_, let name, _): members.append(("participant", .string(name)))
        case .loadSpike(_, let name, let rate):
            members.append(("flow", .string(name)))
            members.append(("rate", number(rate)))
        }
        members += [
            ("from", number(verdict.window.from)),
            ("to", number(verdict.window.to)),
            ("line", ReportSubjects.line(verdict.span, sources: sources).map(JSONValue.int) ?? .null),
            ("diagnosis", .string(verdict.diagnosis.rawValue)),
            ("recovered", .bool(verdict.recovered)),
        ]
        add("after", verdict.after, to: &members)
        add("goodputBefore", verdict.goodputBefore, to: &members)
        add("goodputAfter", verdict.goodputAfter, to: &members)
        add("levelAfter", verdict.levelAfter, to: &members)
        members.append(("fractionRecovered", number(verdict.fractionRecovered)))
        let culprit = verdict.sustainedBy.flatMap { id in id.rawValue < model.interactions.count ? model[id] : nil }
        members.append(("sustainedBy", culprit.map { interaction in
            .object([("from", .string(model[interaction.from].name)), ("to", .string(model[interaction.to].name)),
                     ("label", interaction.label.map(JSONValue.string) ?? .null),
                     ("line", ReportSubjects.line(interaction.span, sources: sources).map(JSONValue.int) ?? .null)])
        } ?? .null))
        add("amplification", verdict.amplification, to: &members)
        members.append(("summary", .string(verdict.summary)))
        return .object(members)
    }

    static func expectation(_ outcome: ExpectationOutcome, sources: SourceMap) -> JSONValue {
        .object([
            ("line", ReportSubjects.line(outcome.expectation.span, sources: sources).map(JSONValue.int) ?? .null),
            ("text", .string(outcome.expectation.text)),
            ("passed", .bool(outcome.passed)),
            ("actual", outcome.actual.map(number) ?? .null),
            ("passedFraction", number(outcome.passedFraction)),
            ("explanation", .string(outcome.explanation)),
        ])
    }

    // MARK: - Values

    /// `key: value`, and `keyCi: [lower, upper]` after it when the figure has an interval.
    static func add(_ key: String, _ figure: Figure?, to members: inout [(String, JSONValue)]) {
        members.append((key, figure.map { number($0.value) } ?? .null))
        if let interval = figure?.interval {
            members.append((key + "Ci", .array([number(interval.lower), number(interval.upper)])))
        }
    }

    static func file(_ span: Span, sources: SourceMap) -> JSONValue {
        guard span.file.rawValue >= 0, span.file.rawValue < sources.files.count else { return .null }
        return .string(sources[span.file].path)
    }

    /// Six significant digits; not a number (an interval of no runs) is `null`.
    static func number(_ value: Double) -> JSONValue {
        .double(rounded(value, significant: 6))
    }

    /// `value` rounded to `digits` significant digits, by exact powers of ten so that the
    /// shortest form of the result is the rounded decimal (`0.123457`, `12345700`).
    static func rounded(_ value: Double, significant digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        var decade = 0
        var magnitude = abs(value)
        while magnitude >= 10 { magnitude /= 10; decade += 1 }
        while magnitude < 1 { magnitude *= 10; decade -= 1 }
        let shift = digits - 1 - decade
        guard abs(shift) <= 22 else { return value }
        var power = 1.0
        for _ in 0..<abs(shift) { power *= 10 }
        return shift >= 0 ? (value * power).rounded() / power : (value / power).rounded() * power
    }
}
