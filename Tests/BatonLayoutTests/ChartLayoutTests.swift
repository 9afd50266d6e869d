@testable import BatonLayout
import BatonWorkload
import Testing

/// The time chart's layout, checked on the Scene: what a reader relies on (nothing cut off,
/// nothing covering the data, plots aligned, windows where they belong) and what keeps the
/// file small (downsampling), for ordinary and hostile charts.
@Suite struct ChartLayoutTests {
    // MARK: - Charts

    /// A ten-minute run sampled every second, four panels, a spike and a fault.
    static func ordinary(seed: UInt64 = 1, samples: Int = 600, step: Double = 1) -> TimeChart {
        var random = SplitMix64(seed: seed)
        let duration = Double(samples) * step
        /// `f` plus up to a tenth of its value in noise.
        func series(_ f: (Double) -> Double) -> ChartSeriesData {
            .sampled(start: 0, step: step, values: (0..<samples).map { index in
                let value = f(Double(index) * step)
                return value + value * Double(random.below(1000)) / 10_000
            })
        }
        let fault = (duration * 0.5)..<(duration * 0.6)
        return TimeChart(
            title: "Provider outage", subtitle: "seed \(seed)", start: 0, end: duration,
            panels: [
                ChartPanel(title: "Offered load and goodput", unit: .perSecond, series: [
                    ChartSeries(name: "offered", role: .offered, style: .area, data: series { _ in 40 }),
                    ChartSeries(name: "goodput", role: .goodput, data: series { fault.contains($0) ? 0 : 38 }),
                ]),
                ChartPanel(title: "Response time", unit: .seconds, series: [
                    ChartSeries(name: "p50", role: .p50, data: series { _ in 0.1 }),
                    ChartSeries(name: "p99", role: .p99, data: series { fault.contains($0) ? 2 : 0.4 }),
                ]),
                ChartPanel(title: "Waiting", unit: .count("messages"), series: [
                    ChartSeries(name: "Payments", role: .waiting, style: .area, data: series { fault.contains($0) ? 300 : 2 }),
                    ChartSeries(name: "Orders", role: .depth, data: series { _ in 5 }),
                ]),
                ChartPanel(title: "Goodput share", unit: .percent, series: [
                    ChartSeries(name: "goodput", role: .goodput, data: series { fault.contains($0) ? 0 : 0.95 }),
                ]),
            ],
            windows: [
                ChartWindow(from: duration * 0.2, to: duration * 0.25, label: "spike to 80/s", kind: .spike),
                ChartWindow(from: fault.lowerBound, to: fault.upperBound, label: "Stripe down", kind: .fault),
            ])
    }

    /// Everything a chart's author (or a broken simulator) could get wrong at once.
    static let hostile: [(String, TimeChart)] = [
        ("NaN range", TimeChart(title: "x", start: .nan, end: .nan, panels: ordinary().panels, windows: ordinary().windows)),
        ("inverted range", TimeChart(title: "x", start: 600, end: 0, panels: ordinary().panels)),
        ("infinite range", TimeChart(title: "x", start: -.infinity, end: .infinity, panels: ordinary().panels)),
        ("empty range", TimeChart(title: "x", start: 5, end: 5, panels: ordinary().panels)),
        ("no panels", TimeChart(title: "x", start: 0, end: 60, panels: [], windows: [ChartWindow(from: 1, to: 2, label: "w", kind: .fault)])),
        ("no series", TimeChart(title: "", start: 0, end: 60, panels: [ChartPanel(title: "", unit: .count(""), series: [])])),
        ("values not finite", TimeChart(title: "x", start: 0, end: 10, panels: [ChartPanel(title: "p", unit: .perSecond, series: [
            ChartSeries(name: "a", role: .other, data: .points([ChartPoint(0, .nan), ChartPoint(1, .infinity), ChartPoint(2, -.infinity),
                                                                ChartPoint(.nan, 3), ChartPoint(.infinity, 4), ChartPoint(5, 1)])),
            ChartSeries(name: "b", role: .other, data: .sampled(start: .nan, step: 1, values: [1, 2])),
            ChartSeries(name: "c", role: .other, data: .sampled(start: 0, step: 0, values: [1, 2])),
            ChartSeries(name: "d", role: .other, data: .sampled(start: 0, step: -1, values: [1, 2])),
        ])])),
        ("huge and tiny values", TimeChart(title: "x", start: 0, end: 10, panels: [
            ChartPanel(title: "huge", unit: .perSecond, series: [ChartSeries(name: "h", role: .attempts, data: .points([
                ChartPoint(0, 0), ChartPoint(5, .greatestFiniteMagnitude), ChartPoint(10, -1e308)]))]),
            ChartPanel(title: "tiny", unit: .seconds, series: [ChartSeries(name: "t", role: .p99, data: .points([
                ChartPoint(0, 1e-300), ChartPoint(10, .leastNonzeroMagnitude)]))]),
        ])),
        ("unsorted and outside", TimeChart(title: "x", start: 10, end: 20, panels: [ChartPanel(title: "p", unit: .count(""), series: [
            ChartSeries(name: "u", role: .depth, style: .area, data: .points([
                ChartPoint(25, 3), ChartPoint(5, 1), ChartPoint(15, 8), ChartPoint(12, -4), ChartPoint(30, 1), ChartPoint(0, 2)])),
        ])], windows: [ChartWindow(from: 0, to: 12, label: "", kind: .fault), ChartWindow(from: 18, to: .infinity, label: "late", kind: .spike),
                       ChartWindow(from: 30, to: 40, label: "after", kind: .fault), ChartWindow(from: .nan, to: 15, label: "nan", kind: .fault),
                       ChartWindow(from: 14, to: 13, label: "backwards", kind: .spike)])),
        ("long names", TimeChart(title: String(repeating: "A very long title ", count: 30), subtitle: String(repeating: "sub ", count: 200),
                                 start: 0, end: 60, panels: [ChartPanel(
            title: String(repeating: "Panel ", count: 100), unit: .count(String(repeating: "messages ", count: 50)),
            series: (0..<12).map { ChartSeries(name: String(repeating: "Series \($0) ", count: 1 + $0 * 4), role: .waiting,
                                               style: $0 % 2 == 0 ? .area : .line,
                                               data: .sampled(start: 0, step: 1, values: (0..<60).map { Double($0 % 7) })) })],
            windows: (0..<30).map { ChartWindow(from: Double($0) * 2, to: Double($0) * 2 + 5,
                                                label: String(repeating: "fault \($0) ", count: 1 + $0 % 5), kind: $0 % 3 == 0 ? .spike : .fault) })),
        ("markup and controls", TimeChart(title: "<script>&\"'\u{202E}", start: 0, end: 1, panels: [ChartPanel(
            title: "a\nb\tc", unit: .count("\u{0}"), series: [ChartSeries(name: "]]> -->", role: .other, data: .points([ChartPoint(0, 1)]))])],
            windows: [ChartWindow(from: 0, to: 1, label: "\n", kind: .fault)])),
    ]

    static let narrow = ChartLayoutOptions(width: 100, plotHeight: 1)

    static var allCases: [(String, TimeChart, ChartLayoutOptions)] {
        [("ordinary", ordinary(), ChartLayoutOptions()), ("ordinary, narrow", ordinary(), narrow),
         ("ordinary, wide", ordinary(), ChartLayoutOptions(width: 2400, plotHeight: 400)),
         ("ordinary, NaN options", ordinary(), ChartLayoutOptions(width: .nan, plotHeight: .infinity))]
            + hostile.map { ($0.0, $0.1, ChartLayoutOptions()) } + hostile.map { ($0.0 + ", narrow", $0.1, narrow) }
    }

    // MARK: - Reading the scene

    /// The panel groups, in order.
    static func panels(_ scene: Scene) -> [SceneGroup] {
        scene.items.compactMap { item in
            if case .group(let group) = item, group.classes == "panel" { group } else { nil }
        }
    }

    static func leaves(_ items: [SceneItem]) -> [SceneItem] {
        Scene(size: .zero, title: "", description: "", roleDescription: "", items: items).leafItems
    }

    /// A panel's plot: where its grid lines and baseline run.
    static func plot(_ panel: SceneGroup) -> Rect {
        let lines = leaves(panel.items).compactMap { item -> Rect? in
            guard case .line(let line) = item, line.role == .chart(.gridLine) || line.role == .chart(.baseline) else { return nil }
            return item.bounds
        }
        return lines.dropFirst().reduce(lines.first ?? .zero) { $0.union($1) }
    }

    /// The items of groups with the given class, anywhere in `items`.
    static func groups(_ items: [SceneItem], class name: String) -> [SceneGroup] {
        var found: [SceneGroup] = []
        for item in items {
            guard case .group(let group) = item else { continue }
            if group.classes.split(separator: " ").contains(Substring(name)) { found.append(group) }
            found += groups(group.items, class: name)
        }
        return found
    }

    // MARK: - Invariants

    @Test(arguments: allCases.indices)
    func everythingIsInsideTheCanvas(_ index: Int) {
        let (name, chart, options) = Self.allCases[index]
        let scene = ChartLayout.scene(chart, options: options)
        let canvas = Rect(origin: .zero, size: scene.size)
        #expect(scene.size.width >= 320 && scene.size.width.isFinite && scene.size.height.isFinite, "\(name)")
        for item in scene.leafItems {
            #expect(canvas.contains(item.bounds), "\(name): \(item.bounds) is outside \(canvas)")
        }
        switch scene.leafItems.first(where: { item in
            if case .line(let line) = item { return line.path.points.contains { !$0.x.isFinite || !$0.y.isFinite } }
            return !item.bounds.minX.isFinite || !item.bounds.maxY.isFinite
        }) {
        case .some(let item): Issue.record("\(name): a coordinate is not finite in \(item)")
        case .none: break
        }
    }

    @Test(arguments: allCases.indices)
    func textAndLegendsStayOffThePlots(_ index: Int) {
        let (name, chart, options) = Self.allCases[index]
        let scene = ChartLayout.scene(chart, options: options)
        let plots = Self.panels(scene).map(Self.plot)
        #expect(plots.count == chart.panels.count, "\(name)")
        let legends = Self.groups(scene.items, class: "legend").flatMap { Self.leaves($0.items) }
        let texts = scene.textBlocks.map { SceneItem.text($0) }
        for item in texts + legends {
            for plot in plots {
                #expect(!item.bounds.overlaps(plot), "\(name): \(item) covers the plot \(plot)")
            }
        }
    }

    @Test(arguments: allCases.indices)
    func noTwoLabelsOverlap(_ index: Int) {
        let (name, chart, options) = Self.allCases[index]
        let texts = ChartLayout.scene(chart, options: options).textBlocks
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(!texts[i].frame.overlaps(texts[j].frame, tolerance: 0.01),
                        "\(name): \(texts[i].lines) overlaps \(texts[j].lines)")
            }
        }
    }

    @Test(arguments: allCases.indices)
    func seriesAndGridStayInsideTheirPlot(_ index: Int) {
        let (name, chart, options) = Self.allCases[index]
        for panel in Self.panels(ChartLayout.scene(chart, options: options)) {
            let plot = Self.plot(panel).insetBy(-0.01)
            for series in Self.groups(panel.items, class: "series") {
                for item in Self.leaves(series.items) {
                    #expect(plot.contains(item.bounds), "\(name): \(item.bounds) leaves the plot \(plot)")
                }
            }
        }
    }

    @Test func plotsShareOneTimeAxis() {
        let scene = ChartLayout.scene(Self.ordinary())
        let plots = Self.panels(scene).map(Self.plot)
        #expect(plots.count == 4)
        for plot in plots {
            #expect(plot.minX == plots[0].minX && plot.maxX == plots[0].maxX)
            #expect(plot.height == 132)
        }
        for (upper, lower) in zip(plots, plots.dropFirst()) {
            #expect(lower.minY > upper.maxY + 20, "panels are apart, with room for a header")
        }
        // Time labels only under the last plot, the first at the plots' left edge.
        let time = Self.groups(scene.items, class: "time").flatMap { Self.leaves($0.items) }
        let labels = time.compactMap { if case .text(let text) = $0 { text } else { nil } }
        #expect(labels.map { $0.lines[0] } == ["0", "1m", "2m", "3m", "4m", "5m", "6m", "7m", "8m", "9m", "10m"])
        #expect(labels.allSatisfy { $0.frame.minY > plots[3].maxY })
        #expect(abs((labels.first?.frame.midX ?? 0) - plots[0].minX) < 0.01)
        #expect(abs((labels.last?.frame.midX ?? 0) - plots[0].maxX) < 0.01)
    }

    @Test func valueAxesStartAtZeroAndReadInTheirUnit() {
        let scene = ChartLayout.scene(Self.ordinary())
        let axes = Self.groups(scene.items, class: "value").map { group in
            Self.leaves(group.items).compactMap { if case .text(let text) = $0 { text.lines[0] } else { nil } }
        }
        #expect(axes.count == 4)
        #expect(axes[0] == ["0", "10/s", "20/s", "30/s", "40/s", "50/s"])
        #expect(axes[1] == ["0", "500ms", "1s", "1.5s", "2s", "2.5s"])
        #expect(axes[2] == ["0", "100", "200", "300", "400"])
        #expect(axes[3] == ["0", "20%", "40%", "60%", "80%", "100%", "120%"])
        // The unit of a count is named once, beside the title.
        #expect(scene.textBlocks.contains { $0.lines == ["messages"] && $0.role == .chart(.panelUnit) })
    }

    @Test func windowsAreCutToTheRangeAndShadeEveryPanel() throws {
        let (_, chart) = try #require(Self.hostile.first { $0.0 == "unsorted and outside" })
        let scene = ChartLayout.scene(chart)
        let plot = Self.plot(Self.panels(scene)[0])
        let shading = Self.groups(scene.items, class: "window").flatMap { Self.leaves($0.items) }.map(\.bounds)
        // 0–12 cut to 10–12; 18–∞ cut to 18–20; 30–40 outside, NaN and backwards ones dropped.
        #expect(shading.count == 2)
        let x = { (t: Double) in plot.minX + (t - 10) / 10 * plot.width }
        #expect(abs(shading[0].minX - x(10)) < 0.01 && abs(shading[0].maxX - x(12)) < 0.01)
        #expect(abs(shading[1].minX - x(18)) < 0.01 && abs(shading[1].maxX - x(20)) < 0.01)
        for rect in shading {
            #expect(rect.minY < plot.minY && abs(rect.maxY - plot.maxY) < 0.01, "from the labels down through the plot")
        }
        let labels = scene.textBlocks.filter { $0.role == .chart(.windowLabel(.fault)) || $0.role == .chart(.windowLabel(.spike)) }
        #expect(labels.map { $0.lines[0] } == ["fault", "late"])
        #expect(labels.allSatisfy { $0.frame.maxY <= plot.minY })
    }

    @Test func aNarrowWindowIsStillVisible() {
        var chart = Self.ordinary()
        chart.windows = [ChartWindow(from: 180, to: 180.5, label: "blip", kind: .spike)]
        let scene = ChartLayout.scene(chart)
        let shading = Self.groups(scene.items, class: "window").flatMap { Self.leaves($0.items) }.map(\.bounds)
        #expect(shading.count == 1 && abs((shading.first?.width ?? 0) - 2) < 0.01)
    }

    @Test func windowLabelsTakeLanesAndNeverOverlap() {
        var chart = Self.ordinary()
        chart.windows = (0..<12).map { ChartWindow(from: Double($0) * 20, to: Double($0) * 20 + 30, label: "fault number \($0)", kind: .fault) }
        let scene = ChartLayout.scene(chart)
        let labels = scene.textBlocks.filter { $0.role == .chart(.windowLabel(.fault)) }
        let lanes = Set(labels.map(\.frame.minY))
        #expect(lanes.count == 3, "at most three lanes")
        #expect(labels.count < 12, "labels that do not fit are left out")
        // The description still names every window.
        for index in 0..<12 { #expect(scene.description.contains("fault number \(index)”")) }
    }

    @Test func manyLegendEntriesWrapIntoRowsAboveThePlot() {
        let series = (0..<10).map { ChartSeries(name: "Station number \($0)", role: .waiting, data: .sampled(start: 0, step: 1, values: [1, 2, 3])) }
        let chart = TimeChart(title: "t", start: 0, end: 2, panels: [ChartPanel(title: "Waiting lines", unit: .count(""), series: series)])
        let scene = ChartLayout.scene(chart)
        let plot = Self.plot(Self.panels(scene)[0])
        let entries = Self.groups(scene.items, class: "legend-entry")
        #expect(entries.count == 10)
        let rows = Set(entries.map { Self.leaves($0.items).map(\.bounds).reduce(Rect.zero) { $0 == .zero ? $1 : $0.union($1) }.minY.rounded() })
        #expect(rows.count >= 2)
        for entry in entries {
            for item in Self.leaves(entry.items) { #expect(item.bounds.maxY <= plot.minY) }
        }
    }

    @Test func seriesOfOnePanelNeverShareAColour() {
        #expect(ChartSeriesColors.assign([.offered, .goodput]) == [0, 1])
        #expect(ChartSeriesColors.assign([.p50, .p95, .p99]) == [3, 4, 2])
        let waiting = ChartSeriesColors.assign(Array(repeating: .waiting, count: 10))
        #expect(Set(waiting).count == 10)
        #expect(waiting.prefix(8).allSatisfy { $0 < 8 } && waiting.dropFirst(8).allSatisfy { $0 >= 8 })
    }

    // MARK: - Series

    @Test func gapsBreakTheLine() {
        let values = [1.0, 2, .nan, 3, 4, .infinity, 5]
        let chart = TimeChart(title: "t", start: 0, end: 6, panels: [ChartPanel(title: "p", unit: .count(""), series: [
            ChartSeries(name: "s", role: .other, style: .area, data: .sampled(start: 0, step: 1, values: values))])])
        let scene = ChartLayout.scene(chart)
        let series = Self.groups(scene.items, class: "series").flatMap { Self.leaves($0.items) }
        let lines = series.compactMap { if case .line(let line) = $0 { line } else { nil } }
        #expect(lines.count == 3, "two points, two points, and a lone point drawn as a dash")
        #expect(series.count - lines.count == 2, "the lone point has no area")
    }

    @Test func segmentsAreCutAtTheRangesEnds() {
        let chart = TimeChart(title: "t", start: 10, end: 20, panels: [ChartPanel(title: "p", unit: .count(""), series: [
            ChartSeries(name: "s", role: .other, data: .points([ChartPoint(0, 0), ChartPoint(30, 30)]))])])
        let runs = ChartRuns.runs(of: chart.panels[0].series[0].data, start: 10, end: 20)
        #expect(runs == [[ChartPoint(10, 10), ChartPoint(20, 20)]])
        let scene = ChartLayout.scene(chart)
        let plot = Self.plot(Self.panels(scene)[0])
        let line = scene.lines.first { $0.role == .chart(.seriesLine(.other, color: 1)) }
        #expect(abs((line?.startPoint.x ?? 0) - plot.minX) < 0.01 && abs((line?.endPoint.x ?? 0) - plot.maxX) < 0.01)
    }

    /// A 100-minute run sampled every 100 ms: 60,000 points a series, drawn with about one a pixel.
    @Test func downsamplingBoundsThePointCountAndKeepsPeaks() {
        var values = (0..<60_000).map { Double($0 % 17) }
        values[31_337] = 500
        let chart = TimeChart(title: "t", start: 0, end: 6000, panels: [ChartPanel(title: "p", unit: .seconds, series: [
            ChartSeries(name: "p99", role: .p99, style: .area, data: .sampled(start: 0, step: 0.1, values: values))])])
        let scene = ChartLayout.scene(chart)
        let plot = Self.plot(Self.panels(scene)[0])
        let line = scene.lines.first { $0.role == .chart(.seriesLine(.p99, color: 2)) }
        let points = line?.path.points ?? []
        #expect(points.count <= Int(plot.width) + 4, "\(points.count) points for \(plot.width) pixels")
        #expect(points.count >= Int(plot.width) / 2, "still detailed")
        let top = points.map(\.y).min() ?? 0
        #expect(abs(top - (plot.maxY - 500 / 600 * plot.height)) < 0.5, "the one-sample peak survives")
        let area = scene.shapes.first { $0.role == .chart(.seriesArea(.p99, color: 2)) }
        if case .polygon(let outline) = area?.kind { #expect(outline.count == points.count + 2) } else { Issue.record("no area") }
    }

    @Test func flatRunsBecomeOneSegment() {
        let chart = TimeChart(title: "t", start: 0, end: 3600, panels: [ChartPanel(title: "p", unit: .perSecond, series: [
            ChartSeries(name: "failures", role: .failures, data: .sampled(start: 0, step: 1, values: Array(repeating: 0, count: 3601)))])])
        let line = ChartLayout.scene(chart).lines.first { $0.role == .chart(.seriesLine(.failures, color: 2)) }
        #expect(line?.path.points.count == 2)
    }

    @Test func minMaxKeepsExtremesInOrder() {
        let points = [Point(x: 0, y: 5), Point(x: 0.2, y: 9), Point(x: 0.4, y: 1), Point(x: 0.6, y: 5), Point(x: 2.1, y: 4),
                      Point(x: 2.5, y: 3), Point(x: 5, y: 5)]
        #expect(Downsampling.minMax(points, originX: 0) == [Point(x: 0, y: 5), Point(x: 0.2, y: 9), Point(x: 0.4, y: 1),
                                                             Point(x: 2.1, y: 4), Point(x: 2.5, y: 3), Point(x: 5, y: 5)])
    }

    // MARK: - Determinism and description

    @Test func theSameChartGivesTheSameScene() {
        #expect(ChartLayout.scene(Self.ordinary()) == ChartLayout.scene(Self.ordinary()))
        #expect(ChartLayout.scene(Self.ordinary(seed: 1)) != ChartLayout.scene(Self.ordinary(seed: 2)))
    }

    @Test func theDescriptionSaysWhatTheChartShows() {
        let scene = ChartLayout.scene(Self.ordinary())
        #expect(scene.title == "Provider outage")
        #expect(scene.roleDescription == "time chart")
        #expect(scene.description.hasPrefix("Time chart “Provider outage” from 0 to 10m in 4 panels."))
        #expect(scene.description.contains(" Offered load and goodput: offered from 40/s to 44/s, at 40/s at the end; goodput from 0 to 42/s, at 39/s at the end. "))
        #expect(scene.description.contains(" Response time: p50 from 100ms to 110ms, at 105ms at the end; "))
        #expect(scene.description.contains(" Waiting (messages): Payments from 2 to 330, at 2 at the end; Orders at 5 throughout. "))
        #expect(scene.description.hasSuffix("Shaded: spike “spike to 80/s” from 2m to 2m30s; fault “Stripe down” from 5m to 6m."))
    }
}
