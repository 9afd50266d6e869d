import Baton
import BatonJSON
import BatonModel
import BatonReport
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Reports stay small and inert whatever the input: long lines are cut around the caret, errors
/// past the per-file cap are counted rather than shown (and every format says so), and text
/// from the input cannot send control characters to a terminal or a CI log.
@Suite struct BoundedReportTests {
    struct Report {
        var compilation: Compilation
        var diagnostics: [ReportedDiagnostic]
        var omitted: [OmittedErrors]
    }

    static func report(_ source: String, path: String = "design.baton") -> Report {
        let compilation = Baton.compile(source: source, path: path)
        let diagnostics = Baton.check(compilation).map { ReportedDiagnostic($0, sources: compilation.sources) }
        return Report(compilation: compilation, diagnostics: diagnostics, omitted: OmittedErrors.of(compilation))
    }

    static func statements(_ range: Range<Int>) -> String {
        range.map { "service S\($0)" }.joined(separator: "; ")
    }

    /// The snippet's source line and caret line, and where the carets start in both.
    static func snippet(_ text: String) throws -> (line: [Unicode.Scalar], carets: [Unicode.Scalar], caretStart: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let carets = lines[3]
        let caretStart = try #require(carets.firstIndex(of: "^"))
        return (lines[2], carets, caretStart)
    }

    // MARK: Long lines

    @Test func aMegabyteLineIsCutAroundTheCaret() throws {
        let source = Self.statements(0..<35_000) + "; service Z [timout=1s]; " + Self.statements(35_000..<70_000) + "\n"
        #expect(source.utf8.count > 1_000_000)
        let report = Self.report(source)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        let offset = try #require(source.range(of: "timout")).lowerBound.utf16Offset(in: source)
        #expect(diagnostic.column == offset + 1)
        #expect(diagnostic.excerpt.isCutBefore && diagnostic.excerpt.isCutAfter)
        #expect(diagnostic.excerpt.text.unicodeScalars.count == SourceExcerpt.width)

        let text = TextReporter().format(diagnostic)
        #expect(text.utf8.count < 1_000)
        let snippet = try Self.snippet(text)
        #expect(snippet.line.count <= 4 + SourceExcerpt.width + 2)
        #expect(String(String.UnicodeScalarView(snippet.line.prefix(5))) == "1 | …")
        #expect(snippet.line.last == "…")
        #expect(String(String.UnicodeScalarView(snippet.line[snippet.caretStart...].prefix(7))) == "timout=")
        #expect(snippet.carets[snippet.caretStart...].count == "timout".count)
    }

    @Test func nearTheEndOfALongLineTheWindowShowsMoreBefore() throws {
        let source = Self.statements(0..<1_000) + "; service Z [timout=1s]\n"
        let diagnostic = try #require(Self.report(source).diagnostics.first)
        #expect(diagnostic.excerpt.isCutBefore && !diagnostic.excerpt.isCutAfter)
        #expect(diagnostic.excerpt.text.unicodeScalars.count == SourceExcerpt.width)
        #expect(diagnostic.excerpt.text.hasSuffix("service Z [timout=1s]"))
        let snippet = try Self.snippet(TextReporter().format(diagnostic))
        #expect(String(String.UnicodeScalarView(snippet.line[snippet.caretStart...])) == "timout=1s]")
    }

    @Test func shortLinesAreShownWhole() throws {
        let line = "service Z [timout=1s]" + String(repeating: " ", count: SourceExcerpt.width - 21)
        let diagnostic = try #require(Self.report(line + "\n").diagnostics.first)
        #expect(diagnostic.excerpt == SourceExcerpt(text: line))
    }

    // MARK: Control characters

    static let hostile = TerminalInjection.design
    static let hostilePath = TerminalInjection.path

    static func hiddenScalars(_ text: String, allowingLineBreaks: Bool = true) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ControlCharacters.isHidden($0) && !(allowingLineBreaks && $0 == "\n") }
    }

    @Test func textReportsShowControlCharactersInsteadOfSendingThem() throws {
        let report = Self.report(Self.hostile, path: Self.hostilePath)
        #expect(report.diagnostics.map(\.code) == [CompileError.duplicateDeclaration, CompileError.unknownAttribute])
        for color in [false, true] {
            let text = TextReporter(color: color).report(report.diagnostics, files: 1)
            let hidden = Self.hiddenScalars(color ? text.replacingOccurrences(of: "\u{1B}[", with: "[") : text)
            #expect(hidden.isEmpty, "\(hidden.map { String($0.value, radix: 16) })")
        }
        let text = TextReporter().report(report.diagnostics, files: 1)
        #expect(text.contains(#"evil\u{1B}[2J.baton:6:6: error[duplicate-declaration]: a flow named "x\u{1B}]0;pwn\u{7}\u{202E}abc\nfake\u{9B}2J" already exists"#))
        #expect(text.contains(#"= note: first declared here at evil\u{1B}[2J.baton:3:6"#))
    }

    @Test func writtenOutCharactersKeepTheCaretsAligned() throws {
        let report = Self.report(Self.hostile)
        let text = TextReporter().format(try #require(report.diagnostics.last))
        let snippet = try Self.snippet(text)
        #expect(String(String.UnicodeScalarView(snippet.line)) == #"7 |   A -> B : b\u{1B}c [timout=1s]"#)
        #expect(String(String.UnicodeScalarView(snippet.line[snippet.caretStart...].prefix(6))) == "timout")
    }

    @Test func githubAnnotationsCannotBeEndedOrInjected() {
        let report = Self.report(Self.hostile, path: Self.hostilePath)
        let output = GitHubReporter.report(report.diagnostics, files: 1)
        #expect(Self.hiddenScalars(output).isEmpty)
        let lines = output.split(separator: "\n")
        #expect(lines.count == report.diagnostics.count + 1)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error file=evil\\u{1B}[2J.baton,line=") })
        #expect(lines[0].contains(#"::a flow named "x\u{1B}]0;pwn\u{7}\u{202E}abc\nfake\u{9B}2J" already exists%0Anote: "#))
    }

    @Test func jsonAndSarifEscapeThemAndReadBackTheSameText() throws {
        let report = Self.report(Self.hostile, path: Self.hostilePath)
        let message = try #require(report.diagnostics.first?.message)
        #expect(message.contains("\u{1B}]0;pwn\u{7}\u{202E}"))
        let json = JSONReporter.report(report.diagnostics, files: 1)
        let sarif = SARIFReporter.report(report.diagnostics, tool: .init(name: "baton", version: "0", informationURI: "https://example.org"),
                                         workingDirectory: "/")
        for output in [json, sarif] {
            let hidden = Self.hiddenScalars(output)
            #expect(hidden.isEmpty, "\(hidden.map { String($0.value, radix: 16) })")
        }
        #expect(try JSONValue.parse(json)["diagnostics"]?.arrayValue?.first?["message"]?.stringValue == message)
        #expect(try JSONValue.parse(json)["diagnostics"]?.arrayValue?.first?["file"]?.stringValue == Self.hostilePath)
        let result = try JSONValue.parse(sarif)["runs"]?.arrayValue?.first?["results"]?.arrayValue?.first
        #expect(result?["message"]?["text"]?.stringValue?.hasPrefix(message) == true)
    }

    // MARK: The error cap in every format

    static let repeatedKeys = "service Api [" + Array(repeating: "timeout=1s", count: 3_000).joined(separator: ", ") + "]\n"

    @Test func textClosesTheFileWithTheCount() {
        let report = Self.report(Self.repeatedKeys, path: "keys.baton")
        #expect(report.diagnostics.count == CappedDiagnostics.errorsPerFile)
        #expect(report.omitted == [OmittedErrors(file: "keys.baton", count: 2_899)])
        let text = TextReporter().report(report.diagnostics, files: 1, omitted: report.omitted)
        #expect(text.hasSuffix("""
              = help: keep one of them

            keys.baton: 2899 more errors not shown (the first 100 of each file are)

            100 errors in 1 file (2899 more errors not shown)

            """))
        #expect(text.utf8.count < 100_000)
    }

    @Test func jsonListsTheOmittedErrorsAndCountsThem() throws {
        let report = Self.report(Self.repeatedKeys, path: "keys.baton")
        let json = try JSONValue.parse(JSONReporter.report(report.diagnostics, files: 1, omitted: report.omitted))
        #expect(json.objectValue?.map(\.0) == ["version", "diagnostics", "omitted", "summary"])
        #expect(json["diagnostics"]?.arrayValue?.count == 100)
        #expect(json["omitted"] == .array([.object([("file", .string("keys.baton")), ("errors", .int(2_899))])]))
        #expect(json["summary"]?["errors"] == .int(100))
        #expect(json["summary"]?["omittedErrors"] == .int(2_899))
        // Without omissions the contract is unchanged.
        let clean = try JSONValue.parse(JSONReporter.report([], files: 1))
        #expect(clean.objectValue?.map(\.0) == ["version", "diagnostics", "summary"])
        #expect(clean["summary"]?.objectValue?.map(\.0) == ["files", "errors", "warnings", "infos"])
    }

    @Test func sarifSaysTheResultsAreIncomplete() throws {
        let report = Self.report(Self.repeatedKeys, path: "/work/repo/keys.baton")
        let sarif = SARIFReporter.report(report.diagnostics, tool: .init(name: "baton", version: "0", informationURI: "https://example.org"),
                                         workingDirectory: "/work/repo", omitted: report.omitted)
        let run = try #require(try JSONValue.parse(sarif)["runs"]?.arrayValue?.first)
        #expect(run["results"]?.arrayValue?.count == 100)
        let invocation = try #require(run["invocations"]?.arrayValue?.first)
        #expect(invocation["executionSuccessful"] == .bool(true))
        let notification = try #require(invocation["toolExecutionNotifications"]?.arrayValue?.first)
        #expect(notification["level"] == .string("warning"))
        #expect(notification["message"]?["text"] == .string("2899 more errors not shown (the first 100 of each file are)"))
        #expect(notification["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"] == .string("keys.baton"))
        // Without omissions there is no invocation object.
        let clean = try JSONValue.parse(SARIFReporter.report([], tool: .init(name: "baton", version: "0", informationURI: "https://example.org"),
                                                             workingDirectory: "/"))
        #expect(clean["runs"]?.arrayValue?.first?["invocations"] == nil)
    }

    @Test func githubEndsTheFileWithOneMoreError() {
        let report = Self.report(Self.repeatedKeys, path: "keys.baton")
        let lines = GitHubReporter.report(report.diagnostics, files: 1, omitted: report.omitted).split(separator: "\n")
        #expect(lines.count == 100 + 2)
        #expect(lines[100] == "::error file=keys.baton,title=baton::2899 more errors not shown (the first 100 of each file are)")
        #expect(lines[101] == "100 errors in 1 file (2899 more errors not shown)")
    }

    @Test func omissionsFollowTheirFilesLastDiagnostic() {
        let tree = ["/t/main.baton": "import \"lib.baton\"\n" + String(repeating: "service M\n", count: 150),
                    "/t/lib.baton": String(repeating: "service L\n", count: 120)]
        let input = SourceInput(displayPath: "main.baton", resolvedPath: "/t/main.baton", bytes: Array(tree["/t/main.baton"]!.utf8))
        let compilation = Compiler.compile(input, read: Compiler.reader(tree))
        let reported = compilation.diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
        let omitted = OmittedErrors.of(compilation)
        #expect(omitted == [OmittedErrors(file: "main.baton", count: 49), OmittedErrors(file: "lib.baton", count: 19)])
        let lines = TextReporter().report(reported, files: 1, omitted: omitted).split(separator: "\n")
        let closing = lines.enumerated().filter { $0.element.contains("more errors not shown (") }.map(\.offset)
        #expect(closing.count == 2)
        #expect(lines[closing[0]] == "main.baton: 49 more errors not shown (the first 100 of each file are)")
        #expect(lines[closing[0] - 1].contains("= help:"))
        #expect(lines[closing[0] + 1].hasPrefix("lib.baton:2:9: error[duplicate-declaration]"))
        #expect(lines[closing[1]] == "lib.baton: 19 more errors not shown (the first 100 of each file are)")
        #expect(lines.last == "200 errors in 1 file (68 more errors not shown)")
    }
}
