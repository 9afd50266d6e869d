// Scenarios from `baton simulate`'s command line: `--load 40/s --duration 10m --fault "Stripe
// down from 1m to 2m"`. Each option's text is parsed as the matching scenario line and checked
// against the compiled design by the same ScenarioBuilder as a `scenario` block, so a typo gets
// the same message on the command line as in a file.

import BatonSyntax

extension Scenario {
    /// The problems of a scenario given on the command line, as compile errors. Their spans
    /// point into the pieces `commandLine` added to the caller's `SourceMap` (one file per
    /// option, named after it), so every diagnostic format can print them.
    public struct CommandLineError: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// The scenario that `--load`, `--duration` and any number of `--fault` describe, for a
    /// design compiled into `model` with `sources`.
    ///
    /// - `load`: a rate, optionally with a flow and a window (`40/s`, `20/s flow "Refunds"`);
    ///   without a flow it runs the root file's default flow.
    /// - `duration`: how long it runs (`10m`, `1h30m`).
    /// - `faults`: each one fault line, with or without the word `fault`.
    ///
    /// Each text is added to `sources` as its own file (`--load`, `--duration`, `--fault`).
    /// Throws every problem found, not just the first.
    public static func commandLine(model: Model, sources: inout SourceMap, load: String, duration: String,
                                   faults: [String] = [], seed: UInt64 = Scenario.defaultSeed,
                                   name: String = "command line") throws(CommandLineError) -> Scenario {
        var errors: [Diagnostic] = []
        let durationSource = add(duration, as: "--duration", to: &sources)
        let parsedDuration = BatonParser.parseDuration(durationSource)
        errors += parsedDuration.diagnostics
        let loadSource = add(load, as: "--load", to: &sources)
        let parsedLoad = BatonParser.parseLoad(loadSource)
        errors += parsedLoad.diagnostics
        var parsedFaults: [FaultSyntax] = []
        for text in faults {
            let parsed = BatonParser.parseFault(add(text, as: "--fault", to: &sources))
            errors += parsed.diagnostics
            if let fault = parsed.fault { parsedFaults.append(fault) }
        }
        var builder = ScenarioBuilder(model: model, sources: sources, diagnostics: CappedDiagnostics())
        var seconds: Double?
        if let quantity = parsedDuration.duration {
            seconds = builder.checkedDuration(quantity.value, at: quantity.span)
        }
        let line = parsedLoad.load.flatMap {
            builder.load($0, duration: seconds, defaultFlow: model.defaultFlow(of: FileID(0)))
        }
        let built = parsedFaults.compactMap { builder.fault($0, duration: seconds) }
        errors += builder.diagnostics.diagnostics
        guard errors.isEmpty, let seconds, let line else {
            throw CommandLineError(diagnostics: errors.sorted(by: Diagnostic.sourceOrder))
        }
        let whole = Span(file: loadSource.id, start: 0, end: loadSource.bytes.count)
        return Scenario(name: name, duration: seconds, seed: seed, loads: [line], faults: built, span: whole, nameSpan: whole)
    }

    /// One fault given on the command line (`Stripe down from 1m to 2m`), for a scenario of
    /// `duration` seconds (nil: any time up to the longest scenario is accepted). The text is
    /// added to `sources` as a file named `--fault`.
    public static func commandLineFault(_ text: String, model: Model, duration: Double?,
                                        sources: inout SourceMap) throws(CommandLineError) -> Fault {
        let parsed = BatonParser.parseFault(add(text, as: "--fault", to: &sources))
        guard let syntax = parsed.fault else { throw CommandLineError(diagnostics: parsed.diagnostics) }
        var builder = ScenarioBuilder(model: model, sources: sources, diagnostics: CappedDiagnostics())
        guard let fault = builder.fault(syntax, duration: duration) else {
            throw CommandLineError(diagnostics: builder.diagnostics.diagnostics)
        }
        return fault
    }

    private static func add(_ text: String, as option: String, to sources: inout SourceMap) -> SourceFile {
        let id = sources.add(path: option, bytes: Array(text.utf8))
        return sources[id]
    }
}
