// baton-sim-bench: times the simulator on fixed designs, so its speed is measured rather than
// asserted. Build it with `swift build -c release` and run `.build/release/baton-sim-bench`.
//
//   five-hop   a ten-minute scenario at 1,000 runs/s through a chain of five nested sync calls
//              (timeouts and retries declared, so every attempt also schedules its timeout);
//              --minutes M simulates M minutes instead
//   mm1        an M/M/1 queue at ρ = 0.8 with 10⁶ requests
//   replicate  the five-hop scenario, 8 replications on every core (--runs R, --jobs J)
//   memory     the five-hop design for 10 and for 100 minutes: peak memory must not grow with
//              the duration (statistics stream; only work in progress is held)
//   file PATH  the first scenario of a design, as scripts/bench-simulate.sh runs it against Ciw:
//              --requests N sets the duration to N expected arrivals (a tenth of it warm-up),
//              --runs R replications on --jobs J threads
//
// Every mode takes --repeat N (default 3): figures are medians of N runs, in processor seconds
// (and wall-clock seconds, which a shared machine inflates); machines are noisy, so compare
// ratios, not digits. Run once (--repeat 1) under hyperfine or /usr/bin/time.

import BatonModel
import BatonSimulate
import BatonSyntax
import Foundation

let fiveHop = """
    client   Shopper
    service  Edge    [concurrency=200, latency=2ms, timeout=2s]
    service  Api     [concurrency=100, latency=5ms, timeout=1s]
    service  Orders  [concurrency=50, latency=8ms, timeout=500ms]
    service  Pricing [concurrency=50, latency=6ms, timeout=300ms]
    store    Db      [concurrency=40, latency=4ms, timeout=200ms]
    Shopper -> Edge : checkout [retries=2, backoff=exponential, jitter] {
      Edge -> Api : place order [retries=1] {
        Api -> Orders : create [retries=1] {
          Orders -> Pricing : price {
            Pricing -> Db : read prices
          }
        }
      }
    }
    """

let queue = """
    client C
    service S [concurrency=1, latency=100ms]
    C -> S : work
    """

func compile(_ source: String) -> Model {
    Compiler.compile(SourceInput(displayPath: "bench.baton", resolvedPath: "/bench/bench.baton", bytes: Array(source.utf8))).model
}

func scenario(duration: Double, rate: Double) -> Scenario {
    let span = Span(file: FileID(0), start: 0, end: 0)
    return Scenario(name: "bench", duration: duration, warmup: 0,
                    loads: [LoadLine(rate: rate, span: span)], span: span, nameSpan: span)
}

/// Seconds of processor time this process has used (all threads): unlike the wall clock, it does
/// not count the time other processes on a shared machine take.
func processorSeconds() -> Double {
    Double(clock()) / Double(CLOCKS_PER_SEC)
}

/// The value after `--name` on the command line, if any.
func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func number(_ name: String, default value: Double) -> Double {
    option(name).flatMap(Double.init) ?? value
}

let repeats = max(1, Int(number("repeat", default: 3)))

/// Runs `body` `runs` times and prints the medians. `requests`, when given, is the number of
/// requests the work is worth (expected arrivals × replications), for a per-request figure.
func measure(_ name: String, runs: Int = repeats, requests: Double? = nil, _ body: () throws -> SimulationResult) {
    var wall: [Double] = []
    var processor: [Double] = []
    var last: SimulationResult?
    for _ in 0..<runs {
        let start = Date()
        let startProcessor = processorSeconds()
        do {
            last = try body()
        } catch {
            print("\(name): \(error)")
            exit(1)
        }
        wall.append(Date().timeIntervalSince(start))
        processor.append(processorSeconds() - startProcessor)
    }
    let medianWall = wall.sorted()[wall.count / 2]
    let medianProcessor = processor.sorted()[processor.count / 2]
    guard let result = last else { return }
    let started = result.flows.reduce(0) { $0 + $1.started.value } * Double(result.runs)
    let events = result.events.value * Double(result.runs)
    print(String(format: "%-12@ %7.3f s cpu %7.3f s wall  %9.0f runs  %10.0f events  %5.1f M events/cpu-s",
                 name as NSString, medianProcessor, medianWall, started, events, events / medianProcessor / 1e6))
    if let requests {
        // One line a script can read: key=value pairs.
        let response = result.flows.first?.responseTime.mean?.value ?? .nan
        print(String(format: "           requests=%.0f cpu_seconds=%.6f wall_seconds=%.6f us_per_request=%.4f mean_response=%.6f",
                     requests, medianProcessor, medianWall, medianProcessor / requests * 1e6, response))
    }
}

/// The process's peak resident memory so far, in megabytes (Linux's VmHWM; 0 elsewhere).
func peakMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) }
        return (kilobytes ?? 0) / 1024
    }
    return 0
}

/// `file PATH`: the design's first scenario, its duration set to `--requests` expected arrivals
/// when given — the same work scripts/ciw-peer.py gives Ciw with the same option.
func benchFile(_ path: String) {
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("cannot read \(path)")
        exit(1)
    }
    let compilation = Compiler.compile(SourceInput(displayPath: (path as NSString).lastPathComponent, resolvedPath: path,
                                                   bytes: Array(source.utf8)))
    guard compilation.diagnostics.isEmpty, var chosen = compilation.model.scenarios.first else {
        print("\(path): needs a scenario and no compile errors (\(compilation.diagnostics.map(\.message)))")
        exit(1)
    }
    let rate = chosen.loads.reduce(0) { $0 + $1.rate }
    if let requests = option("requests").flatMap(Double.init) {
        chosen.duration = requests / rate
        chosen.warmup = chosen.duration / 10
    }
    let runs = max(1, Int(number("runs", default: 1)))
    let jobs = max(1, Int(number("jobs", default: 1)))
    let model = compilation.model
    measure((path as NSString).lastPathComponent, requests: rate * chosen.duration * Double(runs)) {
        try Simulator.replicate(model: model, scenario: chosen, runs: runs, jobs: jobs)
    }
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
let tenMinutes = scenario(duration: 600, rate: 1000)
if which == "all" || which == "five-hop" {
    let model = compile(fiveHop)
    let minutes = number("minutes", default: 10)
    measure("five-hop", requests: minutes * 60 * 1000) {
        try Simulator.run(model: model, scenario: scenario(duration: minutes * 60, rate: 1000))
    }
    if which == "five-hop" {
        print(String(format: "           peak memory %.1f MB", peakMegabytes()))
    }
}
if which == "all" || which == "mm1" {
    let model = compile(queue)
    measure("mm1", requests: 1_000_000) { try Simulator.run(model: model, scenario: scenario(duration: 125_000, rate: 8)) }
}
if which == "all" || which == "replicate" {
    let model = compile(fiveHop)
    let runs = max(1, Int(number("runs", default: 8)))
    let jobs = max(1, Int(number("jobs", default: Double(ProcessorCount.active))))
    measure("replicate", runs: which == "all" ? 1 : repeats, requests: 600_000 * Double(runs)) {
        try Simulator.replicate(model: model, scenario: tenMinutes, runs: runs, jobs: jobs)
    }
}
if which == "memory" {
    let model = compile(fiveHop)
    for minutes in [10.0, 100.0] {
        measure("\(Int(minutes)) min", runs: 1) { try Simulator.run(model: model, scenario: scenario(duration: minutes * 60, rate: 1000)) }
        print(String(format: "           peak memory so far %.1f MB", peakMegabytes()))
    }
}
if which == "file" {
    guard CommandLine.arguments.count > 2 else {
        print("usage: baton-sim-bench file PATH [--requests N] [--runs R] [--jobs J] [--repeat N]")
        exit(2)
    }
    benchFile(CommandLine.arguments[2])
}
