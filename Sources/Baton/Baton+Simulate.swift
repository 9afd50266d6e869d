// Simulation for library users and the command line: run a scenario of a compiled design, and
// draw the result. The work is the simulator's (`Simulator`) and the render stage's
// (`ChartRenderer`); the façade picks the scenario and joins the two through `SimulationChart`.

import BatonLayout
import BatonModel
import BatonRender
import BatonSimulate
import BatonSyntax

extension Baton {
    /// Runs `scenario` of a compiled design: one run with the scenario's seed, or `runs`
    /// replications with seeds seed, seed+1, … on `jobs` threads, merged (the result does not
    /// depend on `jobs`). `progress` hears how many runs have finished.
    public static func simulate(_ model: Model, scenario: Scenario, runs: Int = 1, jobs: Int = 1,
                                progress: (@Sendable (_ finished: Int) -> Void)? = nil) throws(SimulationError) -> SimulationResult {
        guard runs > 1 else {
            let result = try Simulator.run(model: model, scenario: scenario)
            progress?(1)
            return result
        }
        return try Simulator.replicate(model: model, scenario: scenario, runs: runs, jobs: jobs, progress: progress)
    }

    /// One run of `scenario` with its seed that also traces up to `traceLimit` of its runs,
    /// spread evenly over the scenario (`baton simulate --traces`). The result is the one
    /// `simulate` gives.
    public static func simulateTraced(_ model: Model, scenario: Scenario, traceLimit: Int)
        throws(SimulationError) -> (result: SimulationResult, traces: SimulatedTraces) {
        try Simulator.traced(model: model, scenario: scenario, traceLimit: traceLimit)
    }

    /// Traced runs as OTLP JSON Lines, one line per trace (`SimulationSpans`): the file's bytes.
    public static func simulationTraces(_ traces: SimulatedTraces, model: Model, scenario: Scenario) -> [UInt8] {
        SimulationSpans.otlpJSON(traces, model: model, scenario: scenario.name, seed: scenario.seed)
    }

    /// The chart of a simulation as SVG, with `idPrefix` (nil: derived from the chart, so two
    /// charts on one page never share an id).
    public static func simulationSVG(_ result: SimulationResult, model: Model, theme: Theme.Name = .light,
                                     idPrefix: String? = nil) throws(RenderError) -> String {
        let chart = SimulationChart.chart(result, model: model)
        let prefix = try idPrefix.map(IDPrefix.validated) ?? ChartRenderer.idPrefix(chart: chart, theme: .named(theme))
        return ChartRenderer.svg(chart: chart, options: SVGOptions(theme: .named(theme), idPrefix: prefix))
    }

    /// `render --view simulation`: the chart of one run of the scenario `options.scenario` (or
    /// the design's only one), with the scenario's seed.
    static func renderSimulation(_ compilation: Compilation, options: RenderOptions) throws(RenderError) -> String {
        guard options.format == .svg else {
            throw RenderError(message: "the simulation view is an SVG chart, not \(options.format.displayName)",
                              help: "write it to an .svg file, or say --to svg")
        }
        guard options.flow == nil else {
            throw RenderError(message: "--flow does not apply to the simulation view: its scenario's load lines say which flows run",
                              help: "drop --flow, or pick another scenario with --scenario")
        }
        if let direction = options.direction {
            throw RenderError(message: "--direction \(direction.rawValue) applies to the graph view only", help: "drop --direction")
        }
        let model = compilation.model
        let scenario: Scenario
        do {
            scenario = try ScenarioSelection.scenario(options.scenario, in: model)
        } catch {
            throw RenderError(scenarioSelection: error)
        }
        let result: SimulationResult
        do {
            result = try Simulator.run(model: model, scenario: scenario)
        } catch {
            throw RenderError(message: "cannot simulate \(LiteralFormat.string(scenario.name)): \(error.description)")
        }
        return try simulationSVG(result, model: model, theme: options.theme, idPrefix: options.idPrefix)
    }
}

extension RenderError {
    /// A scenario that cannot be picked, with what to do about it.
    public init(scenarioSelection failure: ScenarioSelection.Failure) {
        switch failure {
        case .unknown:
            self.init(message: failure.message, help: failure.help)
        case .none:
            self.init(message: failure.message,
                      help: "add a scenario block to the design (docs/simulation.md), or run 'baton simulate' with --load and --duration")
        case .several(let names):
            self.init(message: failure.message,
                      help: "name the one to draw with --scenario, such as --scenario \(LiteralFormat.string(names.first ?? ""))")
        }
    }
}
