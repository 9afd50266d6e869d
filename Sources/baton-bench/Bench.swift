import Baton
import BatonModel
import BatonSyntax
import BatonWorkload
import Foundation

enum Bench {
    /// A stage to measure: gets the generated source, returns nothing useful (the work is timed).
    struct Stage: Sendable {
        var name: String
        /// The designs a full run measures it on.
        var workloads: [Workload] = Workload.bySize
        /// The work timed. What it returns is freed after the clock stops.
        private var work: @Sendable (String) -> (any Sendable)?

        init(name: String, workloads: [Workload] = Workload.bySize, run: @escaping @Sendable (String) -> Void) {
            self.name = name
            self.workloads = workloads
            work = { source in
                run(source)
                return nil
            }
        }

        /// A stage whose result is freed outside the time measured: a compilation, which
        /// `baton check` keeps to the end of the process (freeing a large one object by object
        /// is about a seventh of compiling it, and no part of it).
        init(name: String, workloads: [Workload] = Workload.bySize, keeping make: @escaping @Sendable (String) -> any Sendable) {
            self.name = name
            self.workloads = workloads
            work = make
        }

        func run(_ source: String) -> (any Sendable)? { work(source) }
    }

    /// A generated design: of about a given size (many flows, participants growing with it),
    /// or with a given number of participants and interactions (one flow; what a graph's
    /// size is counted in).
    enum Workload: Sendable {
        case bytes(Int)
        case shape(participants: Int, interactions: Int)
        /// About this many bytes in one flow (the default one): one long sequence, where the
        /// generator's `bytes` designs are many flows of 500 interactions.
        case singleFlow(bytes: Int)
        /// A design read from a file (`--file PATH`): the peak memory is then the stage's own,
        /// not the generator's too.
        case file(String)

        static let bySize: [Workload] = [.bytes(1_000_000), .bytes(2_000_000), .bytes(5_000_000), .bytes(10_000_000)]

        func source(seed: UInt64) -> String {
            switch self {
            case .bytes(let bytes):
                DesignGenerator.design(bytes: bytes, seed: seed)
            case .shape(let participants, let interactions):
                DesignGenerator(.init(participants: participants, interactions: interactions, seed: seed)).generate()
            case .singleFlow(let bytes):
                Self.singleFlow(bytes: bytes, seed: seed)
            case .file(let path):
                (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            }
        }

        /// One flow of about `bytes` bytes: generated once at a guessed size, then again at the
        /// size scaled by how far the guess was off.
        static func singleFlow(bytes: Int, seed: UInt64) -> String {
            func design(_ interactions: Int) -> String {
                DesignGenerator(.init(participants: max(10, min(2_000, interactions / 20)), interactions: max(10, interactions),
                                      seed: seed)).generate()
            }
            let guess = max(10, bytes / 64)
            let first = design(guess)
            return design(max(10, Int(Double(guess) * Double(bytes) / Double(max(1, first.utf8.count)))))
        }

        /// The command-line arguments that ask for this workload.
        var arguments: [String] {
            switch self {
            case .bytes(let bytes): ["--bytes", String(bytes)]
            case .shape(let p, let i): ["--participants", String(p), "--interactions", String(i)]
            case .singleFlow(let bytes): ["--bytes", String(bytes), "--single-flow"]
            case .file(let path): ["--file", path]
            }
        }

        var isLarge: Bool {
            switch self {
            case .bytes(let bytes), .singleFlow(let bytes): bytes > 2_000_000
            case .shape(let participants, _): participants > 300
            case .file: true
            }
        }

        var label: String {
            switch self {
            case .bytes: ""
            case .shape(let p, let i): "\(p) participants, \(i) interactions"
            case .singleFlow: "one flow"
            case .file(let path): path
            }
        }
    }

    static var stages: [Stage] {
        [
            Stage(name: "compile", keeping: { source in
                // On every core, as `baton check` compiles a single design: a large one is
                // parsed and has its flows built in parts.
                Baton.compile(source: source, path: "bench.baton", options: CompileOptions(jobs: ProcessorCount.active))
            }),
            // The parser alone: on every core (`PartParse`), and on one thread from the start.
            Stage(name: "parse") { source in
                _ = BatonParser.parse(SourceFile(id: FileID(0), path: "bench.baton", bytes: Array(source.utf8)),
                                      jobs: ProcessorCount.active)
            },
            Stage(name: "parse-one-thread") { source in
                _ = BatonParser.parse(SourceFile(id: FileID(0), path: "bench.baton", bytes: Array(source.utf8)))
            },
            // The yardstick for `compile`: one pass over the same bytes, counting lines — about
            // the least any reader of the file must do.
            Stage(name: "scan") { source in
                var source = source
                var lines = 0
                source.withUTF8 { bytes in
                    for byte in bytes where byte == 0x0A { lines += 1 }
                }
                if lines < 0 { print(lines) }
            },
        ] + extraStages
    }

    static func main(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else { return runAll() }
        if first == "graph-view" { return graphView(arguments) }
        if first == "graph-geometry" { return graphGeometry(arguments) }
        if first == "sequence-geometry" { return sequenceGeometry(arguments) }
        if first == "png" { return png(arguments) }
        if first == "generate-tree" { return generateTree(arguments) }
        let bytes = value(of: "--bytes", in: arguments).flatMap(Int.init) ?? 1_000_000
        let seed = value(of: "--seed", in: arguments).flatMap(UInt64.init) ?? 1
        if first == "generate" {
            if let participants = value(of: "--participants", in: arguments).flatMap(Int.init),
               let interactions = value(of: "--interactions", in: arguments).flatMap(Int.init)
            {
                let perFlow = value(of: "--per-flow", in: arguments).flatMap(Int.init) ?? 0
                print(DesignGenerator(.init(participants: participants, interactions: interactions, seed: seed,
                                            interactionsPerFlow: perFlow)).generate(), terminator: "")
            } else if arguments.contains("--single-flow") {
                print(Workload.singleFlow(bytes: bytes, seed: seed), terminator: "")
            } else {
                print(DesignGenerator.design(bytes: bytes, seed: seed), terminator: "")
            }
            return 0
        }
        guard let stage = stages.first(where: { $0.name == first }) else {
            FileHandle.standardError.write(Data("unknown stage '\(first)'; stages: \(stages.map(\.name).joined(separator: ", ")), generate, generate-tree, graph-view, graph-geometry, sequence-geometry\n".utf8))
            return 2
        }
        let runs = value(of: "--runs", in: arguments).flatMap(Int.init) ?? 5
        var workload = arguments.contains("--single-flow") ? Workload.singleFlow(bytes: bytes) : Workload.bytes(bytes)
        if let participants = value(of: "--participants", in: arguments).flatMap(Int.init),
           let interactions = value(of: "--interactions", in: arguments).flatMap(Int.init) {
            workload = .shape(participants: participants, interactions: interactions)
        }
        if let path = value(of: "--file", in: arguments) { workload = .file(path) }
        print(measure(stage, workload: workload, seed: seed, runs: runs).line)
        return 0
    }

    struct Measurement {
        var stage: String
        var bytes: Int
        var medianSeconds: Double
        var peakKiB: Int
        /// Median processor time of a run: on a machine others share, wall time also counts
        /// the waits for a processor, and this does not.
        var medianCPUSeconds: Double
        var workload: String

        var line: String {
            let megabytes = Double(bytes) / 1_000_000
            return "\(stage)\t\(bytes)\t\(String(format: "%.4f", medianSeconds))\t\(String(format: "%.1f", megabytes / medianSeconds))\t\(peakKiB)"
                + "\t\(String(format: "%.4f", medianCPUSeconds))"
                + (workload.isEmpty ? "" : "\t\(workload)")
        }
    }

    static func measure(_ stage: Stage, workload: Workload, seed: UInt64, runs: Int) -> Measurement {
        let source = workload.source(seed: seed)
        var times: [Double] = []
        var processorTimes: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let processorStart = processorSeconds()
            let kept = stage.run(source)
            processorTimes.append(processorSeconds() - processorStart)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            withExtendedLifetime(kept) {}
        }
        times.sort()
        processorTimes.sort()
        return Measurement(stage: stage.name, bytes: source.utf8.count, medianSeconds: times[times.count / 2], peakKiB: peakMemoryKiB(),
                           medianCPUSeconds: processorTimes[processorTimes.count / 2], workload: workload.label)
    }

    /// Runs every stage on its workloads, each in a fresh process, and prints a table.
    static func runAll() -> Int32 {
        print("Baton benchmark (release build recommended: swift run -c release baton-bench)")
        print("stage\tbytes\tmedian_s\tMB/s\tpeak_KiB\tcpu_s\tdesign")
        var baseline: [String: (seconds: Double, bytes: Int)] = [:]
        for stage in stages {
            for workload in stage.workloads {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                process.arguments = [stage.name] + workload.arguments + ["--runs", workload.isLarge ? "3" : "5"]
                let pipe = Pipe()
                process.standardOutput = pipe
                do { try process.run() } catch { return 2 }
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                let line = output.trimmingCharacters(in: .whitespacesAndNewlines)
                var growth = ""
                let fields = line.split(separator: "\t")
                if fields.count >= 3, let seconds = Double(fields[2]), let bytes = Int(fields[1]) {
                    if let base = baseline[stage.name] {
                        let timeRatio = seconds / base.seconds
                        let sizeRatio = Double(bytes) / Double(base.bytes)
                        growth = String(format: "\t(x%.1f size, x%.1f time)", sizeRatio, timeRatio)
                    } else {
                        baseline[stage.name] = (seconds, bytes)
                    }
                }
                print(line + growth)
            }
        }
        return 0
    }

    /// Processor time this process has used (user and system), in seconds.
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Peak resident memory of this process (VmHWM), in KiB; 0 where /proc is unavailable.
    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    static func value(of option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}
