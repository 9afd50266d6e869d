import BatonLayout
import BatonWorkload

/// Time charts for the chart tests and the documentation: made-up but plausible runs, built
/// from a seeded generator so that they are the same on every machine.
enum ChartFixtures {
    /// Ten minutes of a checkout under 40 runs/s. A spike to 80/s at 2m for 30 s is absorbed
    /// by the 70/s payment service's waiting line (response times rise, nothing fails). Then
    /// the payment provider hangs from 5m to 6m: requests pile up behind it until the backlog
    /// is full, callers time out after 5 s and retry, and once the hang ends the service first
    /// works through requests whose callers have given up (wasted work) before goodput comes
    /// back. While nothing completes, the percentiles have no value: a gap in their lines.
    static func providerOutage() -> TimeChart {
        var random = SplitMix64(seed: 7)
        /// About normal noise with the given standard deviation (the sum of 4 uniforms).
        func noise(_ sd: Double) -> Double {
            var sum = 0.0
            for _ in 0..<4 { sum += Double(random.next() >> 11) / Double(1 << 53) }
            return (sum - 2) * sd * 1.7320508
        }
        let duration = 600, capacity = 70.0, timeout = 5.0, backlog = 400.0
        var offered: [Double] = [], goodput: [Double] = [], failures: [Double] = [], attempts: [Double] = []
        var p50: [Double] = [], p95: [Double] = [], p99: [Double] = [], waiting: [Double] = [], depth: [Double] = []
        var queue = 0.0, retrying = 0.0, orders = 4.0
        for t in 0..<duration {
            let spike = (120..<150).contains(t), hang = (300..<360).contains(t)
            let rate = spike ? 80.0 : 40.0
            let arrivals = max(0, rate + noise(rate.squareRoot() * 0.6))
            let demand = arrivals + retrying
            offered.append(arrivals)
            attempts.append(demand)
            let wait = queue / capacity
            if hang {
                // Accepted and never answered, until the backlog is full: then rejected at once.
                let rejected = max(0, queue + demand - backlog)
                queue = min(backlog, queue + demand)
                let timingOut = t >= 300 + Int(timeout) ? arrivals : 0
                retrying = (timingOut + rejected) * 0.5
                failures.append(max(0, (timingOut + rejected) * 0.5 + noise(1)))
                goodput.append(0)
                let answered = t >= 300 + Int(timeout) || rejected > 0
                p50.append(answered ? timeout : .nan)
                p95.append(answered ? timeout : .nan)
                p99.append(answered ? timeout + abs(noise(0.05)) : .nan)
            } else {
                let served = min(queue + demand, capacity + noise(1.5))
                queue = max(0, queue + demand - served)
                // Requests served after their caller gave up are wasted work, not goodput.
                let stale = wait > timeout ? min(1, (wait - timeout) / 1.5) : 0
                let good = served * (1 - stale)
                retrying = stale > 0 ? arrivals * 0.3 : 0
                failures.append(max(0, served * stale + 0.3 + noise(0.3)))
                goodput.append(max(0, good - 0.3 + noise(0.3)))
                let response = min(timeout, wait)
                p50.append(0.055 + response + abs(noise(0.004)))
                p95.append(0.24 + response * 1.05 + abs(noise(0.015)))
                p99.append(0.37 + response * 1.1 + abs(noise(0.04)))
            }
            waiting.append(queue)
            // Paid orders wait for fulfilment, which handles up to 60/s.
            orders = max(0, orders + (goodput.last ?? 0) - 60 + noise(2))
            depth.append(orders)
        }
        func sampled(_ values: [Double]) -> ChartSeriesData { .sampled(start: 0, step: 1, values: values) }
        return TimeChart(
            title: "Provider outage", subtitle: "Checkout under 40 runs/s for 10m, seed 7 (illustration)",
            start: 0, end: Double(duration),
            panels: [
                ChartPanel(title: "Offered load and goodput", unit: .perSecond, series: [
                    ChartSeries(name: "offered", role: .offered, style: .area, data: sampled(offered)),
                    ChartSeries(name: "goodput", role: .goodput, data: sampled(goodput)),
                ]),
                ChartPanel(title: "Response time", unit: .seconds, series: [
                    ChartSeries(name: "p50", role: .p50, data: sampled(p50)),
                    ChartSeries(name: "p95", role: .p95, data: sampled(p95)),
                    ChartSeries(name: "p99", role: .p99, data: sampled(p99)),
                ]),
                ChartPanel(title: "Waiting lines and channel depths", unit: .count("messages"), series: [
                    ChartSeries(name: "Payments waiting", role: .waiting, style: .area, data: sampled(waiting)),
                    ChartSeries(name: "Fulfilment queue", role: .depth, data: sampled(depth)),
                ]),
                ChartPanel(title: "Attempts", unit: .perSecond, series: [
                    ChartSeries(name: "attempts", role: .attempts, data: sampled(attempts)),
                    ChartSeries(name: "failures", role: .failures, data: sampled(failures)),
                ]),
            ],
            windows: [
                ChartWindow(from: 120, to: 150, label: "spike to 80/s", kind: .spike),
                ChartWindow(from: 300, to: 360, label: "Stripe hangs", kind: .fault),
            ])
    }
}

extension ChartFixtures {
    /// Charts that try to break the SVG: markup and controls in every string, long names,
    /// twelve series in one panel, thirty overlapping windows, a 100-minute run sampled every
    /// 100 ms, values that are not numbers.
    static var edgeCases: [(name: String, chart: TimeChart)] {
        [("markup", markup()), ("crowded", crowded()), ("long run", longRun()), ("not numbers", notNumbers())]
    }

    static func markup() -> TimeChart {
        let values: [Double] = (0..<61).map { Double($0 % 5) }
        let series = ChartSeries(name: "a & b <c>", role: .other, data: .sampled(start: 0, step: 1, values: values))
        return TimeChart(
            title: "<script>alert(1)</script> & \"quotes\" 'too' ]]> -->", subtitle: "\u{202E}reversed\u{1}\u{FFFE}",
            start: 0, end: 60,
            panels: [ChartPanel(title: "<b>panel</b>", unit: .count("<messages>"), series: [series])],
            windows: [ChartWindow(from: 10, to: 20, label: "<fault & \"x\">", kind: .fault)])
    }

    static func crowded() -> TimeChart {
        var series: [ChartSeries] = []
        for index in 0..<12 {
            let name = "Station \(index)" + String(repeating: " with a long name", count: index % 3)
            let values: [Double] = (0..<301).map { Double(($0 * (index + 3)) % (40 + index * 7)) }
            series.append(ChartSeries(name: name, role: .waiting, style: index < 2 ? .area : .line,
                                      data: .sampled(start: 0, step: 1, values: values)))
        }
        var windows: [ChartWindow] = []
        for index in 0..<30 {
            windows.append(ChartWindow(from: Double(index) * 9, to: Double(index) * 9 + 20, label: "window \(index)",
                                       kind: index % 2 == 0 ? .fault : .spike))
        }
        return TimeChart(
            title: String(repeating: "A long title that has to wrap ", count: 8), subtitle: String(repeating: "subtitle ", count: 40),
            start: 0, end: 300,
            panels: [ChartPanel(title: String(repeating: "Waiting lines ", count: 10), unit: .count("messages"), series: series)],
            windows: windows)
    }

    static func longRun() -> TimeChart {
        var values: [Double] = []
        values.reserveCapacity(60_000)
        for index in 0..<60_000 {
            values.append(0.3 + Double((index * 7919) % 1000) / 5000 + (index == 31_337 ? 4 : 0))
        }
        let series = ChartSeries(name: "p99", role: .p99, style: .area, data: .sampled(start: 0, step: 0.1, values: values))
        return TimeChart(title: "100 minutes every 100 ms", start: 0, end: 6000,
                         panels: [ChartPanel(title: "Response time", unit: .seconds, series: [series])])
    }

    static func notNumbers() -> TimeChart {
        let points = [ChartPoint(0, .nan), ChartPoint(1, 3), ChartPoint(2, .infinity), ChartPoint(3, 4), ChartPoint(4, 5),
                      ChartPoint(.nan, 1)]
        let series = ChartSeries(name: "s", role: .goodput, data: .points(points))
        return TimeChart(title: "gaps", start: .nan, end: .infinity,
                         panels: [ChartPanel(title: "p", unit: .perSecond, series: [series])])
    }
}
