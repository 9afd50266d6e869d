@testable import baton
import BatonJSON
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// `--jobs N` changes how many files are worked on at once, never the output: `baton check`
/// over every sample and over a generated tree (designs importing a shared file, a design
/// over the error cap, a configuration with a baseline), in every format, and `baton fmt`
/// and `render --all`, give the same bytes, messages and exit status with 1, 2 and 4 jobs.
@Suite struct JobsTests {
    /// A tree of generated designs: a few directories, some designs importing a shared one
    /// (its findings reported once), one with more errors than the per-file cap.
    static func makeTree() throws -> URL {
        var files: [String: String] = [:]
        for index in 0..<24 {
            let design = DesignGenerator(.init(participants: 6 + index % 5, interactions: 8 + index % 13, seed: UInt64(index + 1)))
            files["designs/team\(index % 3)/design\(index).baton"] = design.generate()
        }
        files["designs/shared/lib.baton"] = "service Orders\nservice Billing [timeout=1s]\nOrders -> Billing : charge [retries=3]\n"
        for index in 0..<3 {
            files["designs/shared/user\(index).baton"] = "import \"lib.baton\"\nclient App\(index)\nApp\(index) -> Orders : place\n"
        }
        files["designs/broken/many.baton"] = "service A\n" + (0..<130).map { "A -> Missing\($0) : x\n" }.joined()
        files["designs/team1/.baton.json"] = #"{"failOn": "warning", "rules": {"fan-out": "off"}}"#
        return try makeTemporaryDirectory(files, prefix: "baton-jobs")
    }

    static func run(_ arguments: [String], in directory: URL) throws -> String {
        let result = try BatonExecutable.run(arguments, directory: directory)
        return "status \(result.status)\n--- stdout\n\(result.standardOutput)--- stderr\n\(result.standardError)"
    }

    /// The default is one job per core the process may use: run on one core (`taskset`), it is 1.
    @Test func theDefaultFollowsTheCoresTheProcessMayUse() throws {
        let taskset = try ExternalProgram.require("taskset", package: "util-linux")
        let result = try taskset.run(["-c", "0", BatonExecutable.url.path, "check", "--jobs", "0", "missing.baton"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("the default is one per processor core (1 here)"), "\(result.standardError)")
    }

    @Test(arguments: ["text", "json", "sarif", "github"])
    func checkGivesTheSameReportForAnyNumberOfJobs(format: String) throws {
        let directory = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: directory) }
        let samples = TestDesigns.packageRoot.appendingPathComponent("samples").path
        let baseline = try BatonExecutable.run(["check", "--write-baseline", "baseline.json", "designs/team2"], directory: directory)
        #expect(baseline.standardError.hasPrefix("wrote "), "\(baseline.standardError)")
        for arguments in [["designs"], [samples], ["--baseline", "baseline.json", "designs"], ["designs/shared/lib.baton", "designs"]] {
            let sequential = try Self.run(["check", "--format", format, "--jobs", "1"] + arguments, in: directory)
            #expect(sequential.contains("status 1"), "findings fail the run")
            for jobs in ["2", "4"] {
                let parallel = try Self.run(["check", "--format", format, "--jobs", jobs] + arguments, in: directory)
                #expect(parallel == sequential, "--jobs \(jobs) \(arguments)")
            }
        }
    }

    /// A single design with findings enough to be reported in chunks on worker threads
    /// (`ReportChunk.size` and more).
    @Test(arguments: ["text", "json", "sarif", "github"])
    func aLargeDesignGivesTheSameReportForAnyNumberOfJobs(format: String) throws {
        let directory = try makeTemporaryDirectory(["large.baton": DesignGenerator.design(bytes: 40_000, seed: 7)], prefix: "baton-jobs")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sequential = try Self.run(["check", "--format", format, "--jobs", "1", "large.baton"], in: directory)
        #expect(sequential.contains("status 1"), "findings fail the run")
        if format == "json" {
            let report = try BatonExecutable.run(["check", "--format", "json", "large.baton"], directory: directory)
            let findings = try JSONValue.parse(report.standardOutput)["diagnostics"]?.arrayValue?.count ?? 0
            #expect(findings > 2 * ReportChunk.size, "several chunks")
        }
        let parallel = try Self.run(["check", "--format", format, "--jobs", "2", "large.baton"], in: directory)
        #expect(parallel == sequential, "--jobs 2")
    }

    /// A single design large enough to be parsed in parts on the jobs' threads (`PartParse`,
    /// from 512 KB): the same report as one parse on one thread, whether the parts are joined
    /// or, with a syntax error in the second half, refused.
    @Test func aDesignParsedInPartsGivesTheSameReport() throws {
        let design = DesignGenerator.design(bytes: 600_000, seed: 3)
        let lines = design.split(separator: "\n", omittingEmptySubsequences: false)
        let broken = (lines[..<(lines.count * 3 / 4)] + ["Service1 -> : oops"] + lines[(lines.count * 3 / 4)...])
            .joined(separator: "\n")
        let directory = try makeTemporaryDirectory(["large.baton": design, "broken.baton": broken], prefix: "baton-jobs")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (file, format) in [("large.baton", "json"), ("broken.baton", "text")] {
            let sequential = try Self.run(["check", "--format", format, "--jobs", "1", file], in: directory)
            let parallel = try Self.run(["check", "--format", format, "--jobs", "2", file], in: directory)
            #expect(sequential.contains("status 1"), "\(file): findings or errors fail the run")
            #expect(parallel == sequential, "\(file): --jobs 2")
        }
        let errors = try Self.run(["check", "--format", "text", "--jobs", "2", "broken.baton"], in: directory)
        #expect(errors.contains("oops") || errors.contains("expected"), "the syntax error is reported")
    }

    @Test func theReportNamesEverySharedFindingOnceAndEveryFileInOrder() throws {
        let directory = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BatonExecutable.run(["check", "--format", "github", "--jobs", "4", "designs"], directory: directory)
        let lines = result.standardOutput.split(separator: "\n")
        let charge = lines.filter { $0.contains("file=designs/shared/lib.baton,line=3,") && $0.contains("retry-without-idempotency") }
        #expect(charge.count == 1, "a finding of a file three designs import is reported once")
        let files = lines.filter { $0.hasPrefix("::") }.compactMap { line in
            line.split(separator: ",").first?.split(separator: "=").last.map(String.init)
        }
        var order: [String] = []
        for file in files where order.last != file { order.append(file) }
        #expect(order == order.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "files in sorted order")
        #expect(result.standardOutput.contains("::error file=designs/broken/many.baton,title=baton::30 more errors not shown"))
    }

    @Test func fmtAndRenderAllAreTheSameForAnyNumberOfJobs() throws {
        var outputs: [String] = []
        for jobs in ["1", "2", "4"] {
            let directory = try Self.makeTree()
            defer { try? FileManager.default.removeItem(at: directory) }
            try FileManager.default.removeItem(at: directory.appendingPathComponent("designs/broken"))
            var output = try Self.run(["fmt", "--check", "--jobs", jobs, "designs"], in: directory)
            output += try Self.run(["fmt", "--jobs", jobs, "designs"], in: directory)
            output += try Self.run(["render", "--all", "designs", "-o", "out", "--jobs", jobs], in: directory)
            for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted() {
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else { continue }
                output += "--- \(path)\n" + String(decoding: data, as: UTF8.self)
            }
            outputs.append(output)
        }
        #expect(outputs[0].contains("manifest.json"))
        #expect(outputs[0].contains("design7.baton\n"), "fmt --check lists the files it would change")
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func jobsMustBeAWholeNumberInRange() throws {
        for value in ["0", "x", "2000"] {
            let result = try BatonExecutable.run(["check", "--jobs", value, "-"], input: Data("service A\n".utf8))
            #expect(result.status == 2)
            #expect(result.standardError.contains("'--jobs'"), "\(result.standardError)")
        }
    }
}
