import Baton
import BatonJSON
@testable import BatonReport
import BatonSyntax
import BatonWorkload
import Testing

/// A finding's JSON is written from constants (`FindingJSON`): it must be, byte for byte, what
/// the JSON value writer makes of the same members, for every shape a finding takes; and
/// written straight from the rules' `Diagnostic`s it must be what the resolved findings give.
@Suite struct FindingJSONTests {
    /// Two files: a design and one it imports, with a line of multi-byte text, so columns
    /// count characters and some notes and edits are in the other file.
    static let sources: SourceMap = {
        var sources = SourceMap()
        sources.add(path: "designs/main \"quoted\".baton", bytes: Array("service A\nclient C\nC -> A : héllo wörld\n\nA -> A : self\n".utf8))
        sources.add(path: "designs/shared.baton", bytes: Array("queue Q\nservice B\n".utf8))
        return sources
    }()

    static func span(_ file: Int, _ start: Int, _ end: Int) -> Span {
        Span(file: FileID(file), start: start, end: end)
    }

    /// Findings of every shape: with and without notes (placed, unplaced, in the other file),
    /// help and fixes (none, several, a fix without edits, edits in both files), of each
    /// severity, and with texts that need escaping.
    static let diagnostics: [Diagnostic] = [
        Diagnostic(code: "sync-cycle", severity: .error, message: "a cycle", span: span(0, 0, 9)),
        Diagnostic(code: "fan-out", severity: .warning, message: "tab\there \"quoted\" \\ and \u{1} and é",
                   span: span(0, 20, 38),
                   notes: [.init("placed", at: span(0, 10, 18)), .init("unplaced"), .init("elsewhere", at: span(1, 8, 17))],
                   help: "line\nbreak"),
        Diagnostic(code: "missing-timeout", severity: .info, message: "no timeout", span: span(0, 29, 29),
                   help: "add one",
                   fixes: [
                       Fix("add timeout=2s", safety: .unsafe, edit: TextEdit(span(0, 38, 38), " [timeout=2s]")),
                       Fix("nothing to do", safety: .safe, edits: []),
                       Fix("two places", safety: .safe, edits: [TextEdit(span(0, 29, 38), "wörld"), TextEdit(span(1, 0, 7), "")]),
                       Fix("suppress", safety: .unsafe, edit: TextEdit(span(0, 20, 20), "# baton:ignore x\n"), isSuppression: true),
                   ]),
        Diagnostic(code: "fan-out", severity: .info, message: "last", span: span(1, 8, 17),
                   notes: [.init("back", at: span(0, 40, 41))],
                   fixes: [Fix("suppress", safety: .safe, edit: TextEdit(span(1, 8, 8), "# baton:ignore\n"), isSuppression: true)]),
        // Texts that grow several times over when escaped: each group of members is written
        // again in more room than its estimate (`appendInPlace`).
        Diagnostic(code: "sync-cycle", severity: .warning, message: String(repeating: "\"\n", count: 60), span: span(0, 10, 18),
                   notes: [.init(String(repeating: "\\\"", count: 50), at: span(0, 0, 9)),
                           .init(String(repeating: "\u{1}", count: 40))],
                   help: String(repeating: "\u{7F}\u{2028}", count: 30),
                   fixes: [Fix(String(repeating: "\t", count: 70), safety: .safe,
                               edit: TextEdit(span(0, 0, 0), String(repeating: "\u{85}\n", count: 50)))]),
    ]

    @Test func eachShapeIsWhatTheValueWriterMakesOfIt() throws {
        let reported = Self.diagnostics.map { ReportedDiagnostic($0, sources: Self.sources) }
        let report = JSONReporter.report(reported, files: 2)
        let value = try JSONValue.parse(report)
        #expect(value.serialized(pretty: true) + "\n" == report)
        let findings = try #require(value["diagnostics"]?.arrayValue)
        #expect(findings.count == 5)
        #expect(findings[0]["notes"] == .array([]))
        #expect(findings[0]["fixes"] == nil)
        #expect(findings[1]["notes"]?.arrayValue?.count == 3)
        #expect(findings[1]["notes"]?.arrayValue?[1] == .object([("message", .string("unplaced"))]))
        #expect(findings[1]["notes"]?.arrayValue?[2]["file"] == .string("designs/shared.baton"))
        #expect(findings[1]["help"] == .string("line\nbreak"))
        #expect(findings[1]["message"] == .string("tab\there \"quoted\" \\ and \u{1} and é"))
        #expect(findings[2]["fixes"]?.arrayValue?.count == 4)
        #expect(findings[2]["fixes"]?.arrayValue?[1]["edits"] == .array([]))
        #expect(findings[2]["fixes"]?.arrayValue?[2]["edits"]?.arrayValue?[1]["file"] == .string("designs/shared.baton"))
        #expect(findings[2]["fixes"]?.arrayValue?[3]["suppression"] == .bool(true))
        #expect(findings[2]["severity"] == .string("info"))
        #expect(findings[3]["file"] == .string("designs/shared.baton"))
        #expect(findings[4]["message"] == .string(String(repeating: "\"\n", count: 60)))
        #expect(findings[4]["fixes"]?.arrayValue?[0]["edits"]?.arrayValue?[0]["newText"]
                == .string(String(repeating: "\u{85}\n", count: 50)))
    }

    @Test func writtenFromTheRulesFindingsIsWhatTheResolvedOnesGive() {
        #expect(Self.straightAndResolved(Self.diagnostics[...], sources: Self.sources))
        // A slice that starts in the middle and ends in the other file.
        #expect(Self.straightAndResolved(Self.diagnostics[1...], sources: Self.sources))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func generatedDesignsGiveTheSameBytesEitherWay(seed: UInt64) {
        let source = DesignGenerator(.init(participants: 30, interactions: 300, seed: seed)).generate()
        let compilation = Baton.compile(source: source, path: "designs/generated.baton")
        let diagnostics = Baton.check(compilation)
        #expect(diagnostics.count > 50)
        #expect(Self.straightAndResolved(diagnostics[...], sources: compilation.sources))
        #expect(Self.straightAndResolved(diagnostics[17..<40], sources: compilation.sources))
        #expect(Self.straightAndResolved(diagnostics[...], sources: compilation.sources, chunk: 16))
        // The rules' suppressions share their texts: a layout is made for each rule and
        // indentation, and found again for the rest.
        var layouts: SuppressionLayouts? = SuppressionLayouts()
        var bytes: [UInt8] = []
        var ends: [Int] = []
        JSONReporter.write(diagnostics[...], sources: compilation.sources, into: &bytes, ends: &ends, layouts: &layouts)
        let suppressions = diagnostics.filter { $0.suppressionLineStart != nil }.count
        let made = layouts?.made ?? 0
        #expect(made > 0 && made * 4 < suppressions, "\(made) layouts for \(suppressions) suppressions")
    }

    /// Suppressions written from layouts kept from one chunk of findings to the next, as each
    /// thread of a report keeps them (`SuppressionLayouts`), are the bytes written member by
    /// member: texts shared by many fixes, the same texts stored apart, texts held in the
    /// string itself, fixes in the other file, of either safety, after another fix, and more
    /// layouts than a writer has slots, so that some are replaced and made again; and the
    /// suppressions findings offer by where their comment goes (`suppressionLineStart`), at
    /// lines indented in several ways.
    @Test func suppressionsWrittenFromLayoutsAreTheSameBytes() {
        let titles = (0..<5).map { "suppress this rule-\($0) finding with a # baton:ignore comment" }
        // 70 comments (more than the 64 slots), one of them again stored apart, and one short.
        var comments = (0..<70).map { "# baton:ignore rule-\($0 % 5) -- \(String(repeating: " ", count: $0))why\n" }
        comments.append(String(decoding: Array(comments[3].utf8), as: UTF8.self))
        comments.append("# short\n")
        let lineStarts = [0, 10, 19, 42, 43]
        let diagnostics = (0..<400).map { index in
            let file = index % 9 == 0 ? 1 : 0
            let at = file == 1 ? [0, 8][index % 2] : lineStarts[index % lineStarts.count]
            var fixes: [Fix] = []
            if index % 3 == 0 { fixes.append(Fix("add timeout=2s", safety: .unsafe, edit: TextEdit(Self.span(0, 38, 38), " [timeout=2s]"))) }
            if index % 5 != 4 {
                fixes.append(Fix(titles[index % titles.count], safety: index % 4 == 0 ? .safe : .unsafe,
                                 edit: TextEdit(Self.span(file, at, at), comments[(index * 7) % comments.count]), isSuppression: true))
            }
            var diagnostic = Diagnostic(code: "rule-\(index % 5)", severity: .warning, message: "finding \(index)",
                                        span: Self.span(0, 19, 24), fixes: fixes)
            if index % 2 == 1 { diagnostic.suppressionLineStart = Int32(lineStarts[index % lineStarts.count]) }
            return diagnostic
        }
        #expect(Self.straightAndResolved(diagnostics[...], sources: Self.sources, chunk: 17))
        #expect(Self.straightAndResolved(diagnostics[...], sources: Self.sources, chunk: 400))
        #expect(Self.straightAndResolved(Self.diagnostics[...], sources: Self.sources, chunk: 2))
    }

    /// `JSONReporter.write(_:sources:into:ends:)` gives the bytes of each finding resolved and
    /// written with `JSONReporter.write(_:into:)`, each ending where it says; with `chunk`, it
    /// is called for that many findings at a time, with suppression layouts kept from one call
    /// to the next.
    static func straightAndResolved(_ diagnostics: ArraySlice<Diagnostic>, sources: SourceMap, chunk: Int? = nil) -> Bool {
        var straight: [UInt8] = Array("before".utf8)
        var ends: [Int] = []
        if let chunk {
            var layouts: SuppressionLayouts? = SuppressionLayouts()
            var start = diagnostics.startIndex
            while start < diagnostics.endIndex {
                let end = min(start + chunk, diagnostics.endIndex)
                JSONReporter.write(diagnostics[start..<end], sources: sources, into: &straight, ends: &ends, layouts: &layouts)
                start = end
            }
        } else {
            JSONReporter.write(diagnostics, sources: sources, into: &straight, ends: &ends)
        }
        var resolved: [UInt8] = Array("before".utf8)
        var expectedEnds: [Int] = []
        for diagnostic in diagnostics {
            JSONReporter.write(ReportedDiagnostic(diagnostic, sources: sources), into: &resolved)
            expectedEnds.append(resolved.count)
        }
        return straight == resolved && ends == expectedEnds
    }
}

/// `Diagnostic.reportsSame` answers what comparing the two findings resolved answers.
@Suite struct ReportsSameTests {
    @Test func agreesWithTheResolvedFindingsForEachField() {
        let sources = FindingJSONTests.sources
        for base in FindingJSONTests.diagnostics {
            var variants = Array(repeating: base, count: 10)
            variants[0].message += " "
            variants[1].notes.append(.init("another", at: FindingJSONTests.span(0, 1, 2)))
            variants[2].help = (base.help ?? "") + "!"
            variants[3].severity = base.severity == .error ? .warning : .error
            variants[4].code += "-other"
            variants[5].span.end += 1
            variants[6].fixes = []
            variants[7].span.start = max(0, base.span.start - 1)
            // A note's end: no report shows it, so the findings are the same.
            variants[8].notes = base.notes.map { note in
                var note = note
                note.span?.end += 1
                return note
            }
            variants[9].fixes = base.fixes.map { Fix($0.title, safety: $0.safety, edits: $0.edits.map { TextEdit($0.span, $0.replacement + "x") }) }
            for variant in variants + [base] {
                let same = ReportedDiagnostic(base, sources: sources) == ReportedDiagnostic(variant, sources: sources)
                #expect(base.reportsSame(as: variant) == same, "\(variant)")
                #expect(variant.reportsSame(as: base) == same)
            }
        }
    }
}
