import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// Inputs built to hurt, run through `baton` as a user would: the output stays small, says what
/// it left out, and never carries a control character to the terminal or the CI log.
@Suite struct HostileInputTests {
    /// Bytes a terminal would act on: C0 controls but tab and line feed, DEL, C1 controls
    /// (UTF-8 `C2 80`…`C2 9F`).
    static func terminalControls(_ data: Data) -> Int {
        let bytes = Array(data)
        var count = 0
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20, byte != 0x0A, byte != 0x09 { count += 1 }
            if byte == 0x7F { count += 1 }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { count += 1 }
        }
        return count
    }

    /// 3,000 copies of one key printed 162 MB: one snippet of the whole 36 KB line per error.
    @Test func repeatedKeysGiveAShortReport() throws {
        let design = "service Api [" + Array(repeating: "timeout=1s", count: 3_000).joined(separator: ", ") + "]\n"
        let directory = try makeTemporaryDirectory(["keys.baton": design])
        let text = try BatonExecutable.run(["check", "keys.baton"], directory: directory)
        #expect(text.status == 1)
        #expect(text.standardOutputBytes.count < 100_000)
        #expect(text.standardOutput.contains("\nkeys.baton: 2899 more errors not shown (the first 100 of each file are)\n"))
        #expect(text.standardOutput.hasSuffix("100 errors in 1 file (2899 more errors not shown)\n"))
        let json = try JSONValue.parse(try BatonExecutable.run(["check", "--format", "json", "keys.baton"], directory: directory).standardOutput)
        #expect(json["summary"]?["omittedErrors"] == .int(2_899))
    }

    /// An attribute list of 100,000 repeated keys that never closes: it ran out of memory.
    @Test func anEndlessAttributeListGivesAShortReport() throws {
        let directory = try makeTemporaryDirectory(["endless.baton": "service Api [" + String(repeating: "timeout=1s,", count: 100_000) + "\n"])
        for format in ["text", "json", "sarif", "github"] {
            let result = try BatonExecutable.run(["check", "--format", format, "endless.baton"], directory: directory)
            #expect(result.status == 1)
            #expect(result.standardOutputBytes.count < 400_000, "\(format): \(result.standardOutputBytes.count) bytes")
            #expect(result.standardOutput.contains(format == "json" ? "\"omittedErrors\"" : "more errors not shown"), "\(format)")
        }
    }

    @Test func fmtSaysHowManySyntaxErrorsItLeftOut() throws {
        let directory = try makeTemporaryDirectory(["broken.baton": String(repeating: "-> -> ->\n", count: 250)])
        let result = try BatonExecutable.run(["fmt", "--check", "broken.baton"], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardError.hasSuffix("broken.baton: 150 more errors not shown (the first 100 of each file are)\n\n"))
    }

    /// Escape sequences in a label, a flow name and the file's own name.
    @Test(arguments: ["text", "github", "json", "sarif"])
    func noControlCharacterReachesTheOutput(format: String) throws {
        let directory = try makeTemporaryDirectory([TerminalInjection.path: TerminalInjection.design])
        let result = try BatonExecutable.run(["check", "--format", format, TerminalInjection.path], directory: directory)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("pwn"))
        #expect(Self.terminalControls(result.standardOutputBytes) == 0)
        #expect(!result.standardOutput.unicodeScalars.contains("\u{202E}"))
    }

    /// `render` prints the picture on the terminal by default: no control character, C1
    /// included, and no bidi override reaches it, in any format or view.
    @Test(arguments: [["--to", "svg"], ["--to", "svg", "--view", "graph"], ["--to", "dot"], ["--to", "mermaid"]])
    func renderPrintsNoHiddenCharacter(_ arguments: [String]) throws {
        let directory = try makeTemporaryDirectory(["diagram.baton": TerminalInjection.diagram])
        let result = try BatonExecutable.run(["render", "diagram.baton"] + arguments, directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("pwn"))
        for output in [result.standardOutput, result.standardError] {
            let hidden = output.unicodeScalars.filter { TerminalInjection.diagramCharacters.contains($0) }
            #expect(hidden.isEmpty, "\(hidden.map { String($0.value, radix: 16) })")
        }
        #expect(Self.terminalControls(result.standardOutputBytes) == 0)
    }

    @Test func theMetricsTableShowsControlCharacters() throws {
        let directory = try makeTemporaryDirectory(["m.baton": "service A\nservice B\nA -> B : x\u{1B}c\n"])
        let result = try BatonExecutable.run(["metrics", "m.baton"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(#"A -> B : x\u{1B}c"#))
        #expect(Self.terminalControls(result.standardOutputBytes) == 0)
    }
}
