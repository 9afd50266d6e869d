// baton-sim-bench: times the simulator on fixed designs, so its speed is measured rather than
// asserted. Build it with `swift build -c release` and run `.build/release/baton-sim-bench`.
//
//   five-hop   a ten-minute scenario at 1,000 runs/s through a chain of five nested sync calls
//              (timeouts and retries declared, so every attempt also schedules its timeout)
//   mm1        an M/M/1 queue at ρ = 0.8 with 10⁶ requests
//   replicate  the five-hop scenario, 8 replications on every core
//   memory     the five-hop design for 10 and for 60 minutes: peak memory must not grow with
//              the duration (statistics stream; only work in progress is held)
//
// Figures are medians of three runs, in processor seconds (and wall-clock seconds, which a shared
// machine inflates); machines are noisy, so compare ratios, not digits.

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

func measure(_ name: String, runs: Int = 3, _ body: () throws -> SimulationResult) {
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
            return
        }
        wall.append(Date().timeIntervalSince(start))
        processor.append(processorSeconds() - startProcessor)
    }
    let medianWall = wall.sorted()[wall.count / 2]
    let medianProcessor = processor.sorted()[processor.count / 2]
    guard let result = last else { return }
    let started = result.flows.reduce(0) { $0 + $1.started.value } * Double(result.runs)
    let events = result.events.value * Double(result.runs)
    print(String(format: "%-10@ %7.3f s cpu %7.3f s wall  %9.0f runs  %10.0f events  %5.1f M events/cpu-s",
                 name as NSString, medianProcessor, medianWall, started, events, events / medianProcessor / 1e6))
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

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "all" || which == "five-hop" {
    let model = compile(fiveHop)
    measure("five-hop") { try Simulator.run(model: model, scenario: scenario(duration: 600, rate: 1000)) }
}
if which == "all" || which == "mm1" {
    let model = compile(queue)
    measure("mm1") { try Simulator.run(model: model, scenario: scenario(duration: 125_000, rate: 8)) }
}
if which == "all" || which == "replicate" {
    let model = compile(fiveHop)
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    measure("replicate", runs: 1) {
        try Simulator.replicate(model: model, scenario: scenario(duration: 600, rate: 1000), runs: 8, jobs: jobs)
    }
}
if which == "memory" {
    let model = compile(fiveHop)
    for minutes in [10.0, 60.0] {
        measure("\(Int(minutes)) min", runs: 1) { try Simulator.run(model: model, scenario: scenario(duration: minutes * 60, rate: 1000)) }
        print(String(format: "           peak memory so far %.1f MB", peakMegabytes()))
    }
}
