// `baton-bench graph-view`: the graph view at scale, measured the way a user meets it. Each
// design is generated into a file and drawn by the `baton` executable beside this one
// (`baton render FILE --view graph -o OUT.svg`, the default limit), one process per run, so the
// figures are whole processes: start, compile, lay out, write. Wall time and peak resident
// memory come from `wait4`, as `/usr/bin/time` reports them. A design over the limit is refused
// with exit status 2; the figures then say how fast and how small the refusal is.
//
//   baton-bench graph-view [--runs N] [--baton PATH] [--graph-limit N] [--full]
//
// `--baton` measures another build (an older one, to compare); `--full` adds a 50 MB design.

import Foundation

extension Bench {
    static func graphView(_ arguments: [String]) -> Int32 {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let baton = value(of: "--baton", in: arguments) ?? directory.appendingPathComponent("baton").path
        guard FileManager.default.isExecutableFile(atPath: baton) else {
            FileHandle.standardError.write(Data("no baton executable at \(baton): build it (swift build -c release --product baton) or say --baton PATH\n".utf8))
            return 2
        }
        let runs = max(1, value(of: "--runs", in: arguments).flatMap(Int.init) ?? 3)
        var workloads: [Workload] = [.shape(participants: 2_000, interactions: 20_000), .bytes(1_000_000), .bytes(10_000_000)]
        if arguments.contains("--full") { workloads.append(.bytes(50_000_000)) }
        let extra = value(of: "--graph-limit", in: arguments).map { ["--graph-limit", $0] } ?? []

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("baton-bench-graph-\(getpid())")
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch { return 2 }
        defer { try? FileManager.default.removeItem(at: work) }

        print("graph view: baton render FILE --view graph\(extra.isEmpty ? "" : " " + extra.joined(separator: " ")), "
              + "whole process, median of \(runs) runs (\(baton))")
        print("design\tbytes\tresult\tmedian_s\tpeak_MB")
        for (k, workload) in workloads.enumerated() {
            let design = work.appendingPathComponent("design\(k).baton")
            let source = workload.source(seed: 1)
            do { try Data(source.utf8).write(to: design) } catch { return 2 }
            let output = work.appendingPathComponent("design\(k).svg").path
            let errors = work.appendingPathComponent("stderr.txt").path
            var seconds: [Double] = []
            var peaks: [Int] = []
            var status: Int32 = 0
            for _ in 0..<runs {
                guard let run = Self.timedRun(baton, ["render", design.path, "--view", "graph", "-o", output] + extra, stderr: errors) else {
                    return 2
                }
                seconds.append(run.seconds)
                peaks.append(run.peakKiB)
                status = run.status
            }
            seconds.sort()
            peaks.sort()
            let result = status == 0 ? "drawn" : status == 2 ? "refused" : "exit \(status)"
            let name = workload.label.isEmpty ? "\(source.utf8.count / 1_000_000) MB generated" : workload.label
            var line = "\(name)\t\(source.utf8.count)\t\(result)\t\(String(format: "%.2f", seconds[seconds.count / 2]))\t\(peaks[peaks.count / 2] / 1024)"
            if status != 0, let message = try? String(contentsOfFile: errors, encoding: .utf8) {
                line += "\t" + (message.split(separator: "\n").first.map(String.init) ?? "")
            }
            print(line)
        }
        return 0
    }

    /// Runs `executable` with `arguments` (standard output discarded, standard error to the file
    /// `stderr`) and returns its exit status, wall time and peak resident memory in KiB.
    static func timedRun(_ executable: String, _ arguments: [String], stderr: String) -> (status: Int32, seconds: Double, peakKiB: Int)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv + [nil], environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Exited normally: the exit code; killed: 128 + the signal, as shells report it.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, seconds, usage.ru_maxrss)
    }
}
