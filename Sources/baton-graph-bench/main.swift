// baton-graph-bench — times the layered graph layout on seeded random graphs and scores the
// drawing (route crossings and total edge length, measured geometrically). It can also write the
// same graph as DOT for Graphviz and score Graphviz's `-Tplain` output the same way, so that
// scripts/graph-layout-vs-dot.sh can compare the two engines.
//
//   baton-graph-bench --nodes 100 --edges 1000 [--labels] [--clusters K] [--seed S]
//                     [--direction lr|tb] [--effort X] [--repeat R]
//                     [--emit-dot FILE] [--emit-svg FILE]
//   baton-graph-bench --score-plain FILE

import BatonLayout
import Foundation

var spec = RandomGraphSpec()
var options = LayeredLayoutOptions()
var repeats = 1
var dotPath: String?
var svgPath: String?
var plainPath: String?
var smooth = true
var trace = false

var arguments = CommandLine.arguments.dropFirst()
@MainActor func value(_ flag: String) -> String {
    guard let v = arguments.popFirst() else {
        FileHandle.standardError.write("baton-graph-bench: \(flag) needs a value\n".data(using: .utf8)!)
        exit(2)
    }
    return v
}
while let flag = arguments.popFirst() {
    switch flag {
    case "--nodes": spec.nodes = Int(value(flag)) ?? spec.nodes
    case "--edges": spec.edges = Int(value(flag)) ?? spec.edges
    case "--labels": spec.labels = true
    case "--clusters": spec.clusters = Int(value(flag)) ?? 0
    case "--seed": spec.seed = UInt64(value(flag)) ?? 1
    case "--direction": options.direction = value(flag) == "tb" ? .topToBottom : .leftToRight
    case "--effort": options.effort = Double(value(flag)) ?? 1
    case "--repeat": repeats = max(1, Int(value(flag)) ?? 1)
    case "--emit-dot": dotPath = value(flag)
    case "--emit-svg": svgPath = value(flag)
    case "--score-plain": plainPath = value(flag)
    case "--polylines": smooth = false
    case "--trace": trace = true
    default:
        FileHandle.standardError.write("baton-graph-bench: unknown argument \(flag)\n".data(using: .utf8)!)
        exit(2)
    }
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

if let plainPath {
    guard let text = try? String(contentsOfFile: plainPath, encoding: .utf8) else {
        FileHandle.standardError.write("baton-graph-bench: cannot read \(plainPath)\n".data(using: .utf8)!)
        exit(1)
    }
    let drawing = parsePlain(text)
    let crossings = DrawingMetrics.crossingCount(drawing.routes)
    let length = DrawingMetrics.totalLength(drawing.routes)
    print("RESULT engine=dot edges=\(drawing.routes.count) crossings=\(crossings) length=\(Int(length.rounded())) width=\(Int(drawing.width)) height=\(Int(drawing.height))")
    exit(0)
}

let graph = randomGraph(spec)
if let dotPath {
    try dotSource(graph, options: options).write(toFile: dotPath, atomically: true, encoding: .utf8)
}

let clock = ContinuousClock()
var best = Duration.seconds(1_000_000)
var bestCPU = 0.0
var phaseTimes: [LayeredLayoutPhase: Duration] = [:]
var layout: LayeredLayout?
for _ in 0..<repeats {
    var last = clock.now
    var phases: [(LayeredLayoutPhase, Duration)] = []
    let start = last
    let cpuStart = threadCPUSeconds()
    let result = layoutLayered(graph, options: options) { phase in
        let now = clock.now
        phases.append((phase, now - last))
        if trace { print(String(format: "    %@ %.2f ms", phase.rawValue, milliseconds(now - last))) }
        last = now
    }
    let total = clock.now - start
    let cpu = threadCPUSeconds() - cpuStart
    if total < best {
        best = total
        bestCPU = cpu
        phaseTimes = Dictionary(phases, uniquingKeysWith: +)
    }
    layout = result
}
guard let layout else { exit(1) }
if let svgPath {
    try svgPreview(graph, layout, smooth: smooth).write(toFile: svgPath, atomically: true, encoding: .utf8)
}
let crossings = DrawingMetrics.crossingCount(layout.edgeRoutes)
let length = DrawingMetrics.totalLength(layout.edgeRoutes)
print("graph: \(spec.nodes) nodes, \(spec.edges) edges\(spec.labels ? " with labels" : ""), \(spec.clusters) clusters, seed \(spec.seed)")
for phase in LayeredLayoutPhase.allCases {
    print("  " + phase.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%9.2f ms", milliseconds(phaseTimes[phase] ?? .zero)))
}
print("  " + "total".padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%9.2f ms (%.2f ms on the CPU)", milliseconds(best), bestCPU * 1000))
print("RESULT engine=baton nodes=\(spec.nodes) edges=\(spec.edges) time_ms=\(String(format: "%.1f", milliseconds(best))) cpu_ms=\(String(format: "%.1f", bestCPU * 1000)) peak_kib=\(peakMemoryKiB() ?? -1) crossings=\(crossings) length=\(Int(length.rounded())) width=\(Int(layout.size.width)) height=\(Int(layout.size.height))")
