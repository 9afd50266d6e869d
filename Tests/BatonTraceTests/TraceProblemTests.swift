import BatonJSON
@testable import BatonTrace
import BatonWorkload
import Foundation
import Testing

/// Files that are wrong: every problem names the file, the place and the record, and no file
/// crashes or hangs the reader.
@Suite struct TraceProblemTests {
    @Test func aRecordWithABadIdIsLeftOutAndNamed() {
        var builder = OTLPBuilder()
        builder.span("1", service: "a", name: "good", kind: 1)
        builder.span("zz", service: "a", name: "bad", kind: 1)
        let (spans, summary) = TraceTesting.read(builder.text, file: "spans.json")
        #expect(spans.map(\.name) == ["good"])
        let problem = summary.problems.problems.first
        #expect(summary.problems.total == 1)
        #expect(problem?.severity == .warning)
        #expect(problem?.record == "resourceSpans[0].scopeSpans[0].spans[1]")
        #expect(problem?.description.hasPrefix("spans.json:1:") == true)
        #expect(problem?.message == "span 'bad' left out: its 'spanId' '00000000000000zz' is not 16 hex digits (nor 8 bytes in base64), or is all zeros")
    }

    @Test func aTruncatedFileKeepsTheSpansBeforeTheCutAndSaysSo() throws {
        let text = try TraceTesting.fixture("checkout.zipkin.json")
        let cut = String(text.prefix(text.utf8.count * 2 / 3))
        let (spans, summary) = TraceTesting.read(cut, chunkSize: 7)
        #expect(spans.count >= 5 && spans.count < 11)
        let problem = summary.problems.problems.last
        #expect(problem?.severity == .error)
        #expect(problem?.message.hasSuffix("(the file may be cut short)") == true, "\(String(describing: problem))")
        #expect(problem?.offset == cut.utf8.count)
    }

    @Test func jsonLinesGoOnAfterABrokenLine() {
        var first = OTLPBuilder()
        first.span("1", service: "a", name: "x", kind: 1)
        var third = OTLPBuilder()
        third.span("3", service: "c", name: "z", kind: 1)
        // The writer died in the middle of line 2, in a string.
        let text = first.text + "\n" + #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf9"#+"\n"+third.text+"\n"
        let (spans, summary) = TraceTesting.read(text)
        #expect(spans.map(\.service) == ["a", "c"])
        #expect(summary.problems.problems.count == 1)
        #expect(summary.problems.problems.first?.line == 2)
        #expect(summary.problems.problems.first?.record == "line 2.resourceSpans[0].scopeSpans[0].spans[0]")
    }

    @Test func problemsAreCapped() {
        var builder = OTLPBuilder()
        for index in 0..<100 { builder.span("x\(index)", service: "a", name: "bad", kind: 1) }
        let (spans, summary) = TraceTesting.read(builder.text)
        #expect(spans.isEmpty)
        #expect(summary.problems.problems.count == TraceProblemLog.defaultLimit)
        #expect(summary.problems.omitted == 100 - TraceProblemLog.defaultLimit)
    }

    @Test(arguments: [
        ("", "the file is empty: expected OTLP, Jaeger or Zipkin JSON"),
        ("{\"foo\": 1}", "not a trace file: expected an object with 'resourceSpans' (OTLP) or 'data' (Jaeger), or an array of Zipkin spans"),
        ("42", "not a trace file: expected an object with 'resourceSpans' (OTLP) or 'data' (Jaeger), or an array of Zipkin spans"),
        ("{\"resourceSpans\": [}", "unexpected character '}'"),
        ("[{\"traceId\": \"a\" \"id\": 1}]", "expected ',' or '}' in an object, found '\"'"),
    ])
    func notATraceFileIsAnError(_ example: (text: String, message: String)) {
        let (spans, summary) = TraceTesting.read(example.text)
        #expect(spans.isEmpty)
        #expect(summary.problems.problems.map(\.message) == [example.message])
        #expect(summary.problems.hasErrors)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "{\"resourceSpans\":[{\"resource\":" + String(repeating: "[", count: 100_000) + "]}]}"
        let (_, summary) = TraceTesting.read(text)
        #expect(summary.problems.problems.map(\.message) == [
            "expected an object, found an array", "nesting is too deep (more than 512 levels)",
        ])
    }

    /// Seeded mutations of the fixtures — cut, bytes changed, inserted and dropped — in small
    /// chunks: reading always ends, with spans or problems, and inference takes what was read.
    @Test func mutatedFilesNeverCrashOrHang() throws {
        var generator = SplitMix64(seed: 20_261_204)
        let originals = try ["checkout.otlp.json", "checkout.jaeger.json", "checkout.zipkin.json"].map {
            Array(try TraceTesting.fixture($0).utf8)
        }
        let alphabet = Array("{}[]\":,0123456789abcdef-tn \\u\n".utf8)
        for round in 0..<600 {
            var bytes = originals[round % originals.count]
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                guard !bytes.isEmpty else { break }
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 5 {
                case 0: bytes.removeSubrange(position...)
                case 1: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 2: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                case 3: bytes.remove(at: position)
                default: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            var spans: [TraceSpan] = []
            let summary = TraceFileReader.read(ChunkedSource(bytes, chunk: 1 + Int(generator.next() % 64)), file: "fuzz.json") { spans += $0 }
            #expect(summary.problems.problems.count <= TraceProblemLog.defaultLimit)
            var observer = TraceObserver()
            observer.add(spans)
            let design = DesignWriter.write(observer.finish())
            #expect(design.text.hasPrefix("# Inferred by baton infer"))
        }
    }
}

@Suite struct ExtremeValueTests {
    /// Times at the ends of what the formats allow, and beyond: read, clamped, never a trap.
    @Test func extremeTimesNeitherTrapNorGoNegative() {
        let text = #"""
            {"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[
              {"traceId":"01","spanId":"01","name":"a","kind":2,"startTimeUnixNano":"0","endTimeUnixNano":"18446744073709551615"},
              {"traceId":"01","spanId":"02","parentSpanId":"01","name":"b","kind":3,"startTimeUnixNano":"-9223372036854775808","endTimeUnixNano":"9223372036854775807"},
              {"traceId":"01","spanId":"03","parentSpanId":"01","name":"c","kind":3,"startTimeUnixNano":"500","endTimeUnixNano":"100"},
              {"traceId":"01","spanId":"04","parentSpanId":"01","name":"d","kind":3,"startTimeUnixNano":1e400,"endTimeUnixNano":"x"}]}]}]}
            """#
        let (spans, summary) = TraceTesting.read(text)
        #expect(spans.count == 3)
        #expect(summary.problems.problems.map(\.message) == ["span 'd' left out: it has no 'startTimeUnixNano'"])
        #expect(spans.allSatisfy { $0.durationNanos >= 0 })
        #expect(spans[1].durationNanos == .max)
        let system = TraceTesting.observe([text])
        #expect(system.statistics.negativeDurations == 1)
        _ = TraceTesting.infer([text])
    }
}

@Suite struct DeepTraceTests {
    /// A call chain far deeper than any real one: followed to `TraceObserver.maxDepth`, written
    /// to the nesting Baton allows, and the cut is said.
    @Test func aVeryDeepTraceIsCutNotOverflowed() {
        var builder = OTLPBuilder()
        builder.span("1", service: "s0", name: "GET /", kind: 2, duration: 5000)
        for level in 1..<1_500 {
            builder.span("\(level * 2)", parent: "\(level * 2 - 1)", service: "s\(level - 1)", name: "call", kind: 3,
                         start: Double(level), duration: Double(5000 - 2 * level))
            builder.span("\(level * 2 + 1)", parent: "\(level * 2)", service: "s\(level)", name: "serve \(level)", kind: 2,
                         start: Double(level) + 0.5, duration: Double(5000 - 2 * level - 1))
        }
        let system = TraceTesting.observe([builder.text])
        #expect(system.statistics.tooDeep > 0)
        let design = TraceTesting.infer([builder.text])
        #expect(design.contains("nested deeper than Baton allows left out"))
        #expect(design.contains("# Note: nesting deeper than 200 spans cut in 1 place."))
    }
}
