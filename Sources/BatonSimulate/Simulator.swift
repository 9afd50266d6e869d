// BatonSimulate: executes a design under a scenario (`baton simulate`).
//
// Pipeline: Model + Scenario ─▶ ProgramBuilder ─▶ Program ─▶ Engine (one seed) ─▶ SimulationResult
//                                                           └▶ RecoveryAnalysis, ExpectationEvaluator
// Replications run the same Program with seeds S, S+1, … and merge in seed order.
// Reports (`Report/`) turn a result into what `baton simulate` prints: text, the JSON contract,
// the time series as CSV, and failed expectations as diagnostics.
//
// Everything is deterministic: the same model, scenario, options and seed give the same result,
// on any machine and with any number of jobs. The Model is never changed.

import BatonModel

public enum Simulator {
    /// One run of `scenario` with its seed.
    public static func run(model: Model, scenario: Scenario,
                           options: SimulationOptions = SimulationOptions()) throws(SimulationError) -> SimulationResult {
        let program = try ProgramBuilder.build(model: model, scenario: scenario, options: options)
        return try run(program: program, model: model, scenario: scenario, seed: scenario.seed, options: options)
    }

    /// `runs` replications with seeds seed, seed+1, … on `jobs` threads, merged: every figure
    /// is the mean over the runs with its 95% confidence interval. The result does not depend
    /// on `jobs`.
    ///
    /// `progress` is told how many runs have finished after each one (from the thread that ran
    /// it), so that a command line can show how far a long simulation has come.
    public static func replicate(model: Model, scenario: Scenario, runs: Int, jobs: Int = 1,
                                 options: SimulationOptions = SimulationOptions(),
                                 progress: (@Sendable (_ finished: Int) -> Void)? = nil) throws(SimulationError) -> SimulationResult {
        let program = try ProgramBuilder.build(model: model, scenario: scenario, options: options)
        let count = max(1, runs)
        let results = try ParallelReplications.run(count: count, jobs: jobs, progress: progress) { index throws(SimulationError) in
            try run(program: program, model: model, scenario: scenario, seed: scenario.seed &+ UInt64(index), options: options)
        }
        guard let merged = SimulationResult.merging(results) else {
            throw .invalidScenario("no replication ran")
        }
        return merged
    }

    /// One run of `scenario` with its seed, tracing at most `traceLimit` of its runs (spread
    /// evenly over the scenario): the result is the same as `run`'s, and the traces are the
    /// spans of the sampled runs that finished (`baton simulate --traces`).
    public static func traced(model: Model, scenario: Scenario, traceLimit: Int,
                              options: SimulationOptions = SimulationOptions())
        throws(SimulationError) -> (result: SimulationResult, traces: SimulatedTraces) {
        let program = try ProgramBuilder.build(model: model, scenario: scenario, options: options)
        var traces = SimulatedTraces()
        let result = try run(program: program, model: model, scenario: scenario, seed: scenario.seed, options: options,
                             traceLimit: traceLimit, traces: &traces)
        return (result, traces)
    }

    private static func run(program: Program, model: Model, scenario: Scenario, seed: UInt64,
                            options: SimulationOptions) throws(SimulationError) -> SimulationResult {
        var unused = SimulatedTraces()
        return try run(program: program, model: model, scenario: scenario, seed: seed, options: options, traceLimit: 0,
                       traces: &unused)
    }

    private static func run(program: Program, model: Model, scenario: Scenario, seed: UInt64,
                            options: SimulationOptions, traceLimit: Int,
                            traces: inout SimulatedTraces) throws(SimulationError) -> SimulationResult {
        var engine = Engine(program: program, seed: seed, options: options,
                            goodputFrom: ExpectationEvaluator.goodputWindows(scenario), traceLimit: traceLimit)
        try engine.run()
        if engine.spanLog.isOn { traces = engine.spanLog.finish() }
        var result = engine.report(model: model, scenario: scenario)
        result.seed = seed
        result.recovery = RecoveryAnalysis(model: model, scenario: scenario, options: options, program: program,
                                           result: result).verdicts()
        let windows = engine.recorder.goodputWindows
        let counts = windows.elements(0, windows.count).map { ($0.started, $0.succeeded) }
        result.expectations = ExpectationEvaluator(model: model, result: result, goodputCounts: counts)
            .outcomes(scenario.expectations)
        return result
    }
}
