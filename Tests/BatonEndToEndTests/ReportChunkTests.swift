@testable import baton
import Baton
import BatonJSON
import BatonReport
import BatonSyntax
import BatonWorkload
import Testing

/// A single design's report, resolved and formatted in chunks on worker threads
/// (`ReportChunk.write`), is the same bytes and the same exit status as the one written
/// finding by finding: in every format that chunks, with repeated findings inside a chunk and
/// across a chunk's edge, findings out of source order, and a file's omitted errors.
@Suite struct ReportChunkTests {
    /// A checked design: its findings, with repeats of some of them inserted (`repeats`: index
    /// and how many more copies right after it) and, with `swap`, two neighbours swapped (out of
    /// source order: the deduplication falls back to its table).
    static func input(_ source: String, repeats: [(Int, Int)] = [], swap: Int? = nil) -> CheckedInput {
        let compilation = Baton.compile(source: source, path: "designs/large.baton")
        var diagnostics = Baton.check(compilation)
        for (index, copies) in repeats.sorted(by: { $0.0 > $1.0 }) where index < diagnostics.count {
            diagnostics.insert(contentsOf: Array(repeating: diagnostics[index], count: copies), at: index + 1)
        }
        if let swap, swap + 1 < diagnostics.count { diagnostics.swapAt(swap, swap + 1) }
        return CheckedInput(diagnostics: diagnostics, sources: compilation.sources, resolved: nil, identities: nil, detail: .full,
                            omitted: OmittedErrors.of(compilation), failLevel: .warning, compiled: !compilation.hasErrors, kept: nil)
    }

    /// The report of `input` as `baton check` writes it, with `jobs` threads and chunks of `size`.
    static func report(_ input: CheckedInput, format: CheckFormat, color: Bool = false, jobs: Int, size: Int) -> (bytes: [UInt8], fails: Bool) {
        let output = ByteOutput()
        var findings = CheckFindings(inputs: 1)
        var report = CheckOutput(format, output: output, files: 1, color: color)
        for omission in findings.files(of: input) { report.add(omission) }
        ReportChunk.write(input, findings: &findings, report: &report, jobs: jobs, size: size)
        report.finish(omitted: findings.omitted, baseline: nil, fixing: false)
        return (output.bytes, findings.fails)
    }

    static let design = DesignGenerator.design(bytes: 6_000, seed: 5)

    @Test(arguments: [CheckFormat.json, .text, .github])
    func chunksGiveTheSameReport(format: CheckFormat) {
        // Chunks of 7: a repeat of finding 6 straddles the edge of the first chunk, three
        // copies of 20 fill the second's end and the third's start, and 30 repeats inside one.
        let input = Self.input(Self.design, repeats: [(6, 1), (20, 3), (30, 2)])
        #expect(input.diagnostics.count > 40)
        let alone = Self.report(input, format: format, jobs: 1, size: 7)
        #expect(!alone.bytes.isEmpty)
        for (jobs, size) in [(2, 7), (3, 7), (2, 1), (2, 2), (2, 64)] {
            let chunked = Self.report(input, format: format, jobs: jobs, size: size)
            // Compared first, so that a failure does not print megabytes of both.
            let same = chunked.bytes == alone.bytes
            #expect(same, "\(format) jobs \(jobs) size \(size)")
            #expect(chunked.fails == alone.fails)
        }
        // The repeats are left out: the report is that of the design as it is.
        let asItIs = alone.bytes == Self.report(Self.input(Self.design), format: format, jobs: 1, size: 7).bytes
        #expect(asItIs)
    }

    @Test func colouredTextAndOutOfOrderFindingsToo() {
        let input = Self.input(Self.design, repeats: [(13, 1)], swap: 9)
        for format in [CheckFormat.text, .json] {
            let alone = Self.report(input, format: format, color: true, jobs: 1, size: 5)
            let same = Self.report(input, format: format, color: true, jobs: 2, size: 5).bytes == alone.bytes
            #expect(same, "\(format)")
        }
    }

    @Test(arguments: [CheckFormat.text, .github, .json])
    func omittedErrorsStayInPlace(format: CheckFormat) {
        let broken = "service A\n" + (0..<130).map { "A -> Missing\($0) : x\n" }.joined()
        let input = Self.input(broken, repeats: [(3, 1)])
        #expect(!input.omitted.isEmpty)
        let alone = Self.report(input, format: format, jobs: 1, size: 4)
        let chunked = Self.report(input, format: format, jobs: 2, size: 4)
        let same = chunked.bytes == alone.bytes
        #expect(same)
        #expect(chunked.fails && alone.fails)
        if format != .json { #expect(String(decoding: alone.bytes, as: UTF8.self).contains("30 more errors not shown")) }
    }
}
