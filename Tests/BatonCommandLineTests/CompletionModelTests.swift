// What the completion scripts and manual pages are written from: the command descriptions,
// read through the placeholder tables. A new placeholder in a usage line or an option fails
// here until someone decides what a shell should offer for it.

@testable import baton
import Testing

@Suite struct CompletionModelTests {
    static let specs = BatonCommandLine.commands.map(\.spec)
    static let commands = CommandCompletion.all(specs)

    static func command(_ name: String) throws -> CommandCompletion {
        try #require(commands.first { $0.name == name })
    }

    @Test func usageLinesGiveTheOperandsInOrder() {
        let read = { (usage: String, command: String) in
            CommandCompletion.operandWords(usage: usage, command: command).map { "\($0.name)\($0.optional ? "?" : "")\($0.repeats ? "..." : "")" }
        }
        #expect(read("baton check [OPTIONS] PATH...", "check") == ["PATH..."])
        #expect(read("baton render [OPTIONS] [FILE]   (one FILE, or --all DIR -o OUTDIR)", "render") == ["FILE?"])
        #expect(read("baton rules [--format text|json|markdown]", "rules") == [])
        #expect(read("baton mdbook [supports RENDERER]", "mdbook") == ["supports?", "RENDERER?"])
        #expect(read("baton pandoc [FORMAT] < document.json > document.json", "pandoc") == ["FORMAT?"])
        #expect(read("baton markdown [OPTIONS] FILE.md...   ('-' reads standard input)", "markdown") == ["FILE.md..."])
        #expect(read("baton serve [PATH] [--port N] [--host H] [--open]", "serve") == ["PATH?"])
        #expect(read("baton other FILE", "render") == [], "a usage line of another command says nothing")
    }

    /// Every operand word of every usage line is a known placeholder or a literal word.
    @Test func everyOperandPlaceholderIsKnown() {
        let known = ValueCompletion.operandPlaceholders(commands: [], shells: [], rules: [])
        for spec in Self.specs {
            for word in CommandCompletion.operandWords(usage: spec.usage, command: spec.name) {
                #expect(known[word.name] != nil || word.name.allSatisfy(\.isLowercase),
                        "baton \(spec.name): what should a shell offer for \(word.name)? (ValueCompletion.operandPlaceholders)")
            }
        }
    }

    /// Every option placeholder without choices is in the table (DIR completes directories, OUT
    /// files, N nothing): a new one is a decision, not a silent "complete nothing".
    @Test func everyOptionPlaceholderIsKnown() {
        for spec in Self.specs {
            for option in spec.options where option.choices == nil {
                guard let valueName = option.valueName else { continue }
                #expect(ValueCompletion.optionPlaceholders[valueName] != nil,
                        "baton \(spec.name) \(option.name) \(valueName): add it to ValueCompletion.optionPlaceholders")
            }
        }
    }

    @Test func operandsCompleteWhatTheCommandTakes() throws {
        #expect(try Self.command("check").operands.map(\.value) == [.files(suffix: ".baton")])
        #expect(try Self.command("render").operands.map(\.value) == [.files(suffix: ".baton")])
        #expect(try Self.command("markdown").operands.map(\.value) == [.files(suffix: ".md")])
        #expect(try Self.command("mdbook").operands.map(\.value) == [.words(["supports"]), .anything])
        #expect(try Self.command("completions").operands.map(\.value) == [.words(["bash", "zsh", "fish"])])
        #expect(try Self.command("man").operands.map(\.value) == [.words(Self.specs.map(\.name))])
        let rules = try #require(try Self.command("explain").operands.first?.value)
        guard case .words(let ids) = rules else {
            Issue.record("explain completes \(rules)")
            return
        }
        #expect(ids.contains("sync-cycle") && ids.contains("undeclared-name"))
        #expect(try Self.command("rules").operands.isEmpty)
    }

    @Test func optionValuesCompleteTheirChoicesFilesOrDirectories() throws {
        let render = try Self.command("render")
        let value = { (name: String) in render.options.first { $0.name == name }?.value }
        guard case .words(let formats) = value("--to") else {
            Issue.record("--to completes \(String(describing: value("--to")))")
            return
        }
        #expect(Set(["svg", "pdf", "dot", "mermaid", "html"]).isSubset(of: formats))
        #expect(value("--output") == .files(suffix: nil))
        #expect(value("--all") == .directories)
        #expect(value("--import-root") == .directories)
        #expect(value("--flow") == .anything)
        #expect(value("--findings") == .some(nil), "a flag takes no value")
        #expect(render.options.last?.name == "--help")
        #expect(render.valueOptionNames.contains("-o") && render.valueOptionNames.contains("--output"))
        #expect(!render.valueOptionNames.contains("--findings"))
    }

    /// Completion words go into shell scripts unquoted: each is one plain word.
    @Test func everyCompletionWordIsAPlainShellWord() {
        for command in Self.commands {
            let values = command.options.compactMap(\.value) + command.operands.map(\.value)
            for case .words(let words) in values {
                for word in words {
                    #expect(!word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.+".contains($0)) },
                            "baton \(command.name): '\(word)'")
                }
            }
        }
    }

    // MARK: - Manual pages

    @Test func datesAreTheCalendarDaysOfTheEpochSeconds() {
        #expect(ManPage.date(secondsSince1970: 0) == "1970-01-01")
        #expect(ManPage.date(secondsSince1970: 86_399) == "1970-01-01")
        #expect(ManPage.date(secondsSince1970: 86_400) == "1970-01-02")
        #expect(ManPage.date(secondsSince1970: 951_782_400) == "2000-02-29")
        #expect(ManPage.date(secondsSince1970: 951_868_800) == "2000-03-01")
        #expect(ManPage.date(secondsSince1970: 1_733_356_800) == "2024-12-05")
        #expect(ManPage.date(secondsSince1970: 4_107_542_399) == "2100-02-28")
        #expect(ManPage.date(secondsSince1970: 4_107_542_400) == "2100-03-01", "2100 is not a leap year")
    }

    @Test func roffEscapesWhatRoffWouldRead() {
        #expect(ManPage.escape("--to a-b") == #"\-\-to a\-b"#)
        #expect(ManPage.escape(#"C:\dir"#) == #"C:\edir"#)
        #expect(ManPage.escape(".baton.json is read") == #"\&.baton.json is read"#)
        #expect(ManPage.escape("'quoted' word") == #"\&'quoted' word"#)
        #expect(ManPage.escape("1–2 … “x”") == #"1\[u2013]2 \[u2026] \[u201C]x\[u201D]"#)
        #expect(ManPage.escape("😀") == #"\[u1F600]"#)
    }

    @Test func proseBecomesParagraphsAndIndentedLinesStayAsTheyAre() {
        let roff = ManPage.text("First line\nsecond line.\n\nNext paragraph:\n    key = \"value\"\n    other = 1\nAfter.\n")
        #expect(roff == """
            First line second line.
            .PP
            Next paragraph:
            .PP
            .RS 4
            .nf
                key = "value"
                other = 1
            .fi
            .RE
            After.

            """)
        let long = ManPage.text(String(repeating: "word ", count: 40))
        #expect(long.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(long.split(separator: "\n").count > 1)
        #expect(ManPage.wrapped("a .b", width: 2) == "a\n\\&.b\n", "a wrapped line that starts with a dot is not a request")
    }
}
