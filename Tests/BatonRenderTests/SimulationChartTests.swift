import Baton
import BatonLayout
import BatonModel
import BatonRender
import BatonSimulate
import BatonTestSupport
import Testing

/// A simulation drawn as a time chart: which panels, series and windows a run becomes, and the
/// simulation view of `Baton.render`.
@Suite struct SimulationChartTests {
    static let design = """
        title "Shop"
        client Shopper
        service Shop [concurrency=1, latency=100ms, backlog=50]
        queue Orders
        service Packer [concurrency=1, latency=20ms]
        Shopper -> Shop : pay [timeout=2s, retries=2, backoff=none] {
          Shop ->> Orders : paid
        }
        Packer <- Orders : paid

        scenario "Outage" [duration=5m, warmup=30s] {
          load 8/s
          load 20/s from 1m to 1m10s
          fault Packer down from 2m to 2m30s
        }
        scenario "Calm" [duration=1m] {
          load 1/s
        }
        """

    static func compiled() throws -> Compilation {
        let compilation = Baton.compile(source: design, path: "shop.baton")
        try #require(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        return compilation
    }

    static func outage() throws -> (TimeChart, SimulationResult) {
        let model = try compiled().model
        let result = try Simulator.run(model: model, scenario: model.scenarios[0])
        return (SimulationChart.chart(result, model: model), result)
    }

    @Test func aRunBecomesFourPanelsWithItsWindows() throws {
        let (chart, result) = try Self.outage()
        #expect(chart.title == "Outage")
        #expect(chart.subtitle == "Shop · 5m, seed 1")
        #expect(chart.start == 0 && chart.end == 300)
        #expect(chart.panels.map(\.title) == ["Offered load and goodput", "Response time", "Waiting lines and channel depths", "Attempts"])
        #expect(chart.panels.map { $0.series.map(\.name) } == [
            ["offered", "goodput"], ["p50", "p95", "p99"], ["Shop waiting", "Orders"], ["first attempts", "attempts", "failed runs"],
        ])
        #expect(chart.panels[2].unit == .count("requests and messages"))
        #expect(chart.windows == [
            ChartWindow(from: 120, to: 150, label: "Packer down", kind: .fault),
            ChartWindow(from: 60, to: 70, label: "spike to 20/s", kind: .spike),
        ])
        // The load asked for is drawn as measured: the spike keeps its height.
        guard case .sampled(_, let step, let offered) = chart.panels[0].series[0].data else {
            Issue.record("offered load is sampled")
            return
        }
        #expect(step == result.series.interval)
        #expect(offered.max() == 20)
    }

    /// Counted rates are drawn over bins of several intervals, each the exact rate over its bin.
    @Test func countedRatesAreAveragedOverBins() throws {
        let (chart, result) = try Self.outage()
        guard case .sampled(_, let step, let goodput) = chart.panels[0].series[1].data else {
            Issue.record("goodput is sampled")
            return
        }
        let bin = Int((step / result.series.interval).rounded())
        #expect(bin > 1)
        #expect(goodput.count * bin >= result.series.count && goodput.count <= SimulationChart.maximumBins)
        for (index, value) in goodput.enumerated() {
            let slice = result.series.goodput[(index * bin)..<min(result.series.count, (index + 1) * bin)]
            #expect(abs(value - slice.reduce(0, +) / Double(slice.count)) < 1e-9)
        }
        let succeeded = result.series.goodput.reduce(0) { $0 + $1 * result.series.interval }
        #expect(abs(goodput.reduce(0) { $0 + $1 * step } - succeeded) < 1e-6, "binning keeps every run")
    }

    /// Nothing ever waits at a station without a concurrency limit: no panel for it.
    @Test func aRunWithoutWaitingLinesHasThreePanels() throws {
        let compilation = Baton.compile(source: """
            client C
            service S [latency=10ms]
            C -> S : go
            scenario "Quiet" [duration=1m] {
              load 5/s
            }
            """, path: "quiet.baton")
        let result = try Simulator.run(model: compilation.model, scenario: compilation.model.scenarios[0])
        let chart = SimulationChart.chart(result, model: compilation.model)
        #expect(chart.panels.map(\.title) == ["Offered load and goodput", "Response time", "Attempts"])
        #expect(chart.windows.isEmpty)
        #expect(chart.subtitle == "1m, seed 1")
    }

    @Test func theSimulationViewDrawsTheChart() throws {
        let compilation = try Self.compiled()
        let svg = try Baton.render(compilation, source: Array(Self.design.utf8),
                                   options: RenderOptions(view: .simulation, scenario: "Outage"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("aria-roledescription=\"time chart\""))
        #expect(svg.contains("<title id=\"c-"))
        let (_, result) = try Self.outage()
        #expect(svg == (try Baton.simulationSVG(result, model: compilation.model)))
        let dark = try Baton.render(compilation, source: Array(Self.design.utf8),
                                    options: RenderOptions(view: .simulation, theme: .dark, scenario: "Outage"))
        #expect(dark != svg)
    }

    @Test(arguments: [
        (RenderOptions(view: .simulation), "the design has 2 scenarios: \"Outage\", \"Calm\""),
        (RenderOptions(view: .simulation, scenario: "Outrage"), "there is no scenario named \"Outrage\""),
        (RenderOptions(format: .mermaid, view: .simulation, scenario: "Calm"), "the simulation view is an SVG chart, not Mermaid"),
        (RenderOptions(view: .simulation, flow: "Shop", scenario: "Calm"), "--flow does not apply to the simulation view"),
        (RenderOptions(view: .graph, scenario: "Calm"), "--scenario applies to the simulation view only"),
    ])
    func theSimulationViewSaysWhatIsWrong(_ options: RenderOptions, _ message: String) throws {
        let compilation = try Self.compiled()
        do {
            _ = try Baton.render(compilation, source: Array(Self.design.utf8), options: options)
            Issue.record("rendered \(options)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func anUnknownScenarioSuggestsTheClosest() throws {
        let compilation = try Self.compiled()
        do {
            _ = try Baton.render(compilation, source: [], options: RenderOptions(view: .simulation, scenario: "Outrage"))
            Issue.record("an unknown scenario was drawn")
        } catch {
            #expect(error.help == "did you mean \"Outage\"? the scenarios are: \"Outage\", \"Calm\"")
        }
    }

    /// The render stage alone cannot run a design: only the façade draws this view.
    @Test func theRenderStageRefusesTheSimulationView() throws {
        #expect(throws: RenderError.self) {
            try Renderer.render(try Self.compiled(), source: [], options: RenderOptions(view: .simulation, scenario: "Calm"))
        }
    }
}
