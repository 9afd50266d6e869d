import BatonModel
import BatonSyntax

/// The report a person reads after `baton simulate`: what the scenario did to each flow,
/// interaction, participant and channel, then a sentence per fault and spike on whether the
/// system came back, and the expectations.
///
/// Tables line up, every number carries its unit, and with several runs each figure shows the
/// half-width of its 95% confidence interval (`1.16/s ± 0.02`). Rows with nothing to say (an
/// interaction no load reached, an idle participant) are left out and counted, so the report of
/// a big design shows what the scenario exercised; the JSON keeps every row. Names from the
/// design go through `ControlCharacters.visible`, so a design cannot send escape sequences to
/// the terminal.
public enum SimulationTextReport {
    /// The report of `result`, a run of a scenario of `model`; `sources` give line numbers.
    public static func report(_ result: SimulationResult, model: Model, sources: SourceMap) -> String {
        var sections = [header(result, model: model)]
        sections.append(flows(result))
        if let completion = completion(result) { sections.append(completion) }
        sections.append(interactions(result, model: model, sources: sources))
        sections.append(participants(result))
        if !result.channels.isEmpty { sections.append(channels(result)) }
        if !result.recovery.isEmpty { sections.append(recovery(result, sources: sources)) }
        if !result.expectations.isEmpty { sections.append(expectations(result, sources: sources)) }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static let visible = ControlCharacters.visible

    // MARK: - Sections

    static func header(_ result: SimulationResult, model: Model) -> String {
        var title = "Scenario \(LiteralFormat.string(result.scenario))"
        if let design = model.title { title += " of \(LiteralFormat.string(design))" }
        var facts = "\(formatSeconds(result.duration)) simulated"
        if result.warmup > 0 { facts += ", the first \(formatSeconds(result.warmup)) as warm-up (left out of the figures)" }
        if result.runs > 1 {
            facts += "; \(result.runs) runs with seeds \(result.seed) to \(result.seed &+ UInt64(result.runs - 1))"
            facts += ": each figure is the mean ± the half-width of its 95% confidence interval"
        } else {
            facts += "; seed \(result.seed)"
        }
        return title + "\n" + facts + "\n"
    }

    static func flows(_ result: SimulationResult) -> String {
        var counts = TextTable(["Flows", "started", "succeeded", "failed", "unfinished", "goodput", "success"])
        var times = TextTable(["Response time", "mean", "p50", "p95", "p99", "max"])
        for flow in result.flows {
            counts.add([visible(flow.name), f(flow.started, .count), f(flow.succeeded, .count), f(flow.failed, .count),
                        f(flow.unfinished, .count), f(flow.goodput, .rate), f(flow.successRatio, .percent)])
            times.add(latency(visible(flow.name), flow.responseTime))
        }
        if counts.isEmpty { return "Flows: no flow had load\n" }
        return counts.text + "\n" + times.text
    }

    /// Completion times, when some flow's differ from its response times (messages, callbacks
    /// or abandoned work outlive the run); for a design of sync calls only they are the same.
    static func completion(_ result: SimulationResult) -> String? {
        let differs = result.flows.contains { flow in
            guard let completion = flow.completionTime.mean?.value, let response = flow.responseTime.mean?.value else {
                return (flow.completionTime.mean == nil) != (flow.responseTime.mean == nil)
            }
            return abs(completion - response) > 1e-3 * max(abs(response), 1e-9)
        }
        guard differs else { return nil }
        var table = TextTable(["Completion time", "mean", "p50", "p95", "p99", "max"])
        for flow in result.flows { table.add(latency(visible(flow.name), flow.completionTime)) }
        return table.text
    }

    static func latency(_ name: String, _ summary: LatencySummary) -> [String] {
        [name, f(summary.mean, .duration), f(summary.p50, .duration), f(summary.p95, .duration), f(summary.p99, .duration),
         f(summary.max, .duration)]
    }

    static func interactions(_ result: SimulationResult, model: Model, sources: SourceMap) -> String {
        // Attempts an open breaker failed at once never reach the passive end, which is why
        // amplification can fall below 1: shown when a breaker did that.
        let breakers = result.interactions.contains { $0.shortCircuited.value > 0 }
        var table = TextTable(["Interactions", "line", "attempts", "first", "amplification", "timeouts", "failures",
                               "rejections", "breaker openings"] + (breakers ? ["short-circuited"] : []))
        var idle = 0
        for row in result.interactions {
            guard row.attempts.value > 0 || row.firstAttempts.value > 0 || row.shortCircuited.value > 0 else {
                idle += 1
                continue
            }
            table.add([visible(ReportSubjects.interaction(row, model: model)), visible(ReportSubjects.place(row.span, sources: sources)),
                       f(row.attempts, .count), f(row.firstAttempts, .count), f(row.amplification, .ratio),
                       f(row.timeouts, .count), f(row.failures, .count), f(row.rejections, .count),
                       f(row.breakerOpenings, .count)] + (breakers ? [f(row.shortCircuited, .count)] : []))
        }
        var text = table.isEmpty ? "Interactions: none made an attempt\n" : table.text
        if idle > 0, !table.isEmpty { text += "  (\(English.plural(idle, "other interaction")) made no attempt)\n" }
        return text
    }

    static func participants(_ result: SimulationResult) -> String {
        var table = TextTable(["Participants", "utilisation", "mean waiting", "max waiting", "wasted work", "rejected"])
        var idle = 0
        for row in result.participants {
            guard row.handled.value > 0 || row.throughput.value > 0 || row.rejected.value > 0 || row.hung.value > 0 else {
                idle += 1
                continue
            }
            // An unbounded station is never full: it has no utilisation to show.
            table.add([visible(row.name), row.servers == nil ? "unbounded" : f(row.utilisation, .percent),
                       f(row.meanWaiting, .ratio), f(row.maxWaiting, .count), f(row.wastedWork, .duration),
                       f(row.rejected, .count)])
        }
        var text = table.isEmpty ? "Participants: none handled any work\n" : table.text
        if idle > 0, !table.isEmpty { text += "  (\(English.plural(idle, "other participant")) handled no work)\n" }
        return text
    }

    static func channels(_ result: SimulationResult) -> String {
        var table = TextTable(["Channels", "sent", "delivered", "max depth", "dropped", "expired", "dead-lettered", "left"])
        for row in result.channels {
            table.add([visible(row.name), f(row.sent, .count), f(row.delivered, .count), f(row.maxDepth, .count),
                       f(row.dropped, .count), f(row.expired, .count), f(row.deadLettered, .count), f(row.left, .count)])
        }
        return table.text
    }

    static func recovery(_ result: SimulationResult, sources: SourceMap) -> String {
        var out = "Recovery\n"
        for verdict in result.recovery {
            let line = ReportSubjects.location(verdict.span, sources: sources)
            out += "  \(visible(ReportSubjects.trigger(verdict.trigger))) (\(visible(line)), \(ReportSubjects.window(verdict.window))): "
            out += visible(verdict.summary) + "\n"
        }
        return out
    }

    static func expectations(_ result: SimulationResult, sources: SourceMap) -> String {
        let held = result.expectations.filter(\.passed).count
        let out = "Expectations: \(held) of \(result.expectations.count) held\n"
        var table = TextTable(columns: 3)
        for outcome in result.expectations {
            let place = ReportSubjects.location(outcome.expectation.span, sources: sources)
            var verdict = outcome.passed ? "held" : "FAILED"
            if result.runs > 1 {
                let runs = Int((outcome.passedFraction * Double(result.runs)).rounded())
                verdict += " (in \(runs) of \(result.runs) runs)"
            }
            table.add([visible(place), verdict,
                       visible(outcome.expectation.text) + ": " + visible(ExpectationDiagnostics.measured(outcome, runs: result.runs))])
        }
        return out + table.text
    }

    private static func f(_ figure: Figure?, _ unit: ReportNumbers.Unit) -> String {
        ReportNumbers.format(figure, unit)
    }
}
