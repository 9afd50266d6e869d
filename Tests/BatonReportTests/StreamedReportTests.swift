import Baton
import BatonJSON
import BatonReport
import BatonSyntax
import BatonWorkload
import Testing

/// Reports written as they are made (the reporters' `Stream`s through a `ByteOutput`) are the
/// bytes the whole-value reports give, however the output is cut into chunks; the JSON report
/// is exactly what the JSON value writer makes of it.
@Suite struct StreamedReportTests {
    /// Enough findings for a report of several 64 KB chunks, with omitted errors.
    static let design: (diagnostics: [ReportedDiagnostic], omitted: [OmittedErrors]) = {
        let source = DesignGenerator(.init(participants: 40, interactions: 600, seed: 7)).generate()
        let compilation = Baton.compile(source: source, path: "designs/large.baton")
        let diagnostics = Baton.check(compilation).map { ReportedDiagnostic($0, sources: compilation.sources) }
        return (diagnostics, [OmittedErrors(file: "designs/large.baton", count: 12), OmittedErrors(file: "designs/other.baton", count: 3)])
    }()

    static let baseline = BaselineSummary(known: 4, fixed: [Baseline.Entry(fingerprint: "0123456789abcdef:1", rule: "sync-cycle",
                                                                              file: "designs/gone.baton", message: "gone")])

    /// The output handed on in chunks, and the chunks' sizes.
    static func chunked(_ write: (ByteOutput) -> Void) -> (text: String, chunks: [Int]) {
        var bytes: [UInt8] = []
        var chunks: [Int] = []
        let output = ByteOutput { chunk in
            bytes += chunk
            chunks.append(chunk.count)
        }
        write(output)
        output.flush()
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    @Test func jsonIsWhatTheValueWriterMakesOfIt() throws {
        let (diagnostics, omitted) = Self.design
        #expect(diagnostics.count > 200)
        let report = JSONReporter.report(diagnostics, files: 1, omitted: omitted, baseline: Self.baseline)
        let value = try JSONValue.parse(report)
        #expect(value.serialized(pretty: true) + "\n" == report)
        #expect(value["diagnostics"]?.arrayValue?.count == diagnostics.count)
        #expect(value["summary"]?["omittedErrors"] == .int(15))
    }

    @Test func everyFormatIsTheSameBytesInChunks() {
        let (diagnostics, omitted) = Self.design
        let summary = DiagnosticSummary(files: 1, diagnostics: diagnostics, omitted: omitted)
        let tool = SARIFReporter.Tool(name: "baton", version: "0.1.0", informationURI: "https://example.org/baton")

        let json = Self.chunked { output in
            var stream = JSONReporter.Stream(output)
            for diagnostic in diagnostics { stream.write(diagnostic) }
            stream.finish(summary: summary, omitted: omitted, baseline: Self.baseline)
        }
        #expect(json.text == JSONReporter.report(diagnostics, files: 1, omitted: omitted, baseline: Self.baseline))
        #expect(json.chunks.count > 2)

        // Omissions given while the report is written, before the findings of their file.
        let text = Self.chunked { output in
            var stream = TextReporter.Stream(TextReporter(), output: output)
            for omission in omitted { stream.add(omission) }
            for diagnostic in diagnostics { stream.write(diagnostic) }
            stream.finish(summary: summary, baseline: Self.baseline)
        }
        #expect(text.text == TextReporter().report(diagnostics, files: 1, omitted: omitted, baseline: Self.baseline))
        #expect(text.text.contains("designs/large.baton: 12 more errors not shown"))

        let github = Self.chunked { output in
            var stream = GitHubReporter.Stream(output, omitted: omitted)
            for diagnostic in diagnostics { stream.write(diagnostic) }
            stream.finish(summary: summary, baseline: nil)
        }
        #expect(github.text == GitHubReporter.report(diagnostics, files: 1, omitted: omitted))

        let sarif = Self.chunked { output in
            var stream = SARIFReporter.Stream(output, tool: tool, workingDirectory: "/work", omitted: omitted, baseline: Self.baseline)
            for diagnostic in diagnostics { stream.write(diagnostic) }
            stream.finish()
        }
        #expect(sarif.text == SARIFReporter.report(diagnostics, tool: tool, workingDirectory: "/work", omitted: omitted,
                                                   baseline: Self.baseline))
        #expect(sarif.chunks.count > 2)
    }

    /// Where each file's omission goes: after the last finding of the file's run, the others
    /// at the end — one finding at a time, as the whole report placed them.
    @Test func omissionsFollowTheirFilesLastFinding() {
        func diagnostic(_ file: String, _ line: Int) -> ReportedDiagnostic {
            var diagnostic = Self.design.diagnostics[0]
            diagnostic.file = file
            diagnostic.line = line
            return diagnostic
        }
        let diagnostics = [diagnostic("a.baton", 1), diagnostic("a.baton", 2), diagnostic("b.baton", 1), diagnostic("a.baton", 9)]
        let omitted = [OmittedErrors(file: "c.baton", count: 1), OmittedErrors(file: "a.baton", count: 2), OmittedErrors(file: "b.baton", count: 3)]
        let lines = TextReporter().diagnostics(diagnostics, omitted: omitted).split(separator: "\n").compactMap { line -> String? in
            if line.hasSuffix("(the first 100 of each file are)") { return "omitted " + line.prefix { $0 != ":" } }
            if line.hasPrefix("a.baton:") || line.hasPrefix("b.baton:") { return line.split(separator: ":").prefix(2).joined(separator: ":") }
            return nil
        }
        #expect(lines == ["a.baton:1", "a.baton:2", "omitted a.baton", "b.baton:1", "omitted b.baton", "a.baton:9", "omitted c.baton"])
    }
}
