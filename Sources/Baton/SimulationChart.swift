// The picture of a simulation: a `SimulationResult` (BatonSimulate) mapped onto a `TimeChart`
// (BatonLayout), which the render stage draws as SVG. Neither stage knows the other — the
// simulator measures, the chart draws titles, units, series and windows — so the mapping lives
// here, in the façade that may see both.

import BatonLayout
import BatonModel
import BatonSimulate

/// What each panel of a simulation chart shows, and why (docs/rendering.md#simulation-charts):
///
/// 1. **Offered load and goodput**: the load the scenario asks for as a grey area, the runs
///    that succeeded as a line over it: where the line leaves the area, work is failing or
///    waiting.
/// 2. **Response time**: p50, p95 and p99 of the runs that succeeded in each interval; the lines
///    stop where none did, rather than drop to zero.
/// 3. **Waiting lines and channel depths**: the stations and channels that had anything
///    waiting, the six with the highest peaks when there are more (declaration order).
/// 4. **Attempts**: first attempts (the demand) as a grey area, every attempt (retries included)
///    and the runs that failed: attempts far above the first attempts are retries amplifying
///    the load.
///
/// Every fault window and load spike of the scenario is shaded across all panels and labelled
/// as the report names it (`Search down`, `spike to 30/s`).
///
/// Counted rates — goodput, attempts, failed runs — are drawn averaged over bins of a few
/// statistics intervals (at most `maximumBins` across the chart): over half a second a rate of
/// 8/s is 4 runs, so the raw line is mostly counting noise. The average over a bin is the exact
/// rate over that bin. Everything else is drawn as measured: the load asked for is a step
/// function that averaging would blur, and percentiles cannot be averaged.
public enum SimulationChart {
    /// The most waiting lines and depths drawn in one panel: past the palette, lines repeat
    /// colours dashed, and a panel of a dozen lines tells nothing.
    public static let maximumWaitingSeries = 6
    /// The most bins a counted rate is drawn in.
    public static let maximumBins = 120

    public static func chart(_ result: SimulationResult, model: Model) -> TimeChart {
        let series = result.series
        func sampled(_ values: [Double]) -> ChartSeriesData { .sampled(start: 0, step: series.interval, values: values) }
        func sampled(_ values: [Double?]) -> ChartSeriesData { sampled(values.map { $0 ?? .nan }) }
        let bin = max(1, (series.count + maximumBins - 1) / maximumBins)
        func binned(_ values: [Double]) -> ChartSeriesData { rates(values, bin: bin, series: series, duration: result.duration) }

        var panels = [
            ChartPanel(title: "Offered load and goodput", unit: .perSecond, series: [
                ChartSeries(name: "offered", role: .offered, style: .area, data: sampled(series.scheduledLoad)),
                ChartSeries(name: "goodput", role: .goodput, data: binned(series.goodput)),
            ]),
            ChartPanel(title: "Response time", unit: .seconds, series: [
                ChartSeries(name: "p50", role: .p50, data: sampled(series.responseP50)),
                ChartSeries(name: "p95", role: .p95, data: sampled(series.responseP95)),
                ChartSeries(name: "p99", role: .p99, data: sampled(series.responseP99)),
            ]),
        ]
        if let waiting = waitingPanel(result, model: model, sampled: sampled) { panels.append(waiting) }
        let firstAttempts = series.interactions.reduce(into: Array(repeating: 0.0, count: series.count)) { total, row in
            for (index, value) in row.firstAttempts.enumerated() where index < total.count { total[index] += value }
        }
        panels.append(ChartPanel(title: "Attempts", unit: .perSecond, series: [
            ChartSeries(name: "first attempts", role: .offered, style: .area, data: binned(firstAttempts)),
            ChartSeries(name: "attempts", role: .attempts, data: binned(series.attempts)),
            ChartSeries(name: "failed runs", role: .failures, data: binned(series.failures)),
        ]))
        let windows = result.recovery.map { verdict in
            ChartWindow(from: verdict.window.from, to: verdict.window.to, label: ReportSubjects.trigger(verdict.trigger),
                        kind: verdict.kind == "spike" ? .spike : .fault)
        }
        return TimeChart(title: result.scenario, subtitle: subtitle(result, model: model), start: 0, end: result.duration,
                         panels: panels, windows: windows)
    }

    /// Per-second rates averaged over bins of `bin` intervals, each value drawn at its bin's
    /// start: the exact rate over the bin (intervals are weighted by their length, so a last
    /// interval cut short by the duration counts for what it covers).
    static func rates(_ values: [Double], bin: Int, series: TimeSeries, duration: Double) -> ChartSeriesData {
        guard bin > 1 else { return .sampled(start: 0, step: series.interval, values: values) }
        var averaged: [Double] = []
        var start = 0
        while start < values.count {
            var events = 0.0, seconds = 0.0
            for index in start..<min(values.count, start + bin) {
                let length = max(0, min(duration, series.start(index + 1)) - series.start(index))
                events += values[index] * length
                seconds += length
            }
            averaged.append(seconds > 0 ? events / seconds : .nan)
            start += bin
        }
        return .sampled(start: 0, step: series.interval * Double(bin), values: averaged)
    }

    /// "Retry storm, simulated · 5m, seed 1" or "… · 5m, mean of 20 runs (seeds 1 to 20)".
    static func subtitle(_ result: SimulationResult, model: Model) -> String {
        var parts: [String] = []
        if let title = model.title { parts.append(title) }
        var run = ChartFormat.duration(result.duration)
        if result.runs > 1 {
            run += ", mean of \(result.runs) runs (seeds \(result.seed) to \(result.seed &+ UInt64(result.runs - 1)))"
        } else {
            run += ", seed \(result.seed)"
        }
        parts.append(run)
        return parts.joined(separator: " · ")
    }

    /// The stations and channels that had anything waiting, highest peaks first chosen, drawn in
    /// declaration order; nil when nothing ever waited.
    static func waitingPanel(_ result: SimulationResult, model: Model,
                             sampled: ([Double]) -> ChartSeriesData) -> ChartPanel? {
        struct Candidate {
            var order: Int
            var name: String
            var role: ChartSeriesRole
            var values: [Double]
            var peak: Double
        }
        var candidates: [Candidate] = []
        func name(_ id: ParticipantID) -> String {
            id.rawValue < model.participants.count ? model[id].name : "#\(id.rawValue)"
        }
        for row in result.series.participants {
            let peak = row.meanWaiting.max() ?? 0
            guard peak > 0 else { continue }
            candidates.append(Candidate(order: row.participant.rawValue, name: "\(name(row.participant)) waiting", role: .waiting,
                                        values: row.meanWaiting, peak: peak))
        }
        for row in result.series.channels {
            let peak = row.meanDepth.max() ?? 0
            guard peak > 0 else { continue }
            candidates.append(Candidate(order: row.participant.rawValue, name: name(row.participant), role: .depth,
                                        values: row.meanDepth, peak: peak))
        }
        guard !candidates.isEmpty else { return nil }
        let kept = candidates.enumerated()
            .sorted { $0.element.peak != $1.element.peak ? $0.element.peak > $1.element.peak : $0.offset < $1.offset }
            .prefix(maximumWaitingSeries).map(\.element)
            .sorted { $0.order < $1.order }
        let stations = kept.contains { $0.role == .waiting }, channels = kept.contains { $0.role == .depth }
        let noun = stations && channels ? "requests and messages" : stations ? "requests" : "messages"
        let title = stations && channels ? "Waiting lines and channel depths" : stations ? "Waiting lines" : "Channel depths"
        return ChartPanel(title: title, unit: .count(noun), series: kept.map { candidate in
            ChartSeries(name: candidate.name, role: candidate.role, style: kept.count == 1 ? .area : .line,
                        data: sampled(candidate.values))
        })
    }
}
