@testable import baton
import BatonTestSupport
import Foundation
import Testing

/// docs/cli.md is the `--help` of every command, so the reference can never drift from the
/// binary. `UPDATE_GOLDENS=1 swift test` rewrites it.
@Suite struct CommandReferenceTests {
    static func reference() throws -> String {
        let overview = try BatonExecutable.run(["--help"]).standardOutput
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        var text = """
            # Command-line reference

            <!-- Generated from `baton COMMAND --help` by Tests/BatonEndToEndTests/CommandReferenceTests.swift;
                 run `UPDATE_GOLDENS=1 swift test` after changing a command. -->

            Exit status, for every command: **0** success; **1** the input is at fault (findings at or above
            the fail level, compile errors, `fmt --check`, `markdown --check` or `check --diff` found changes, an expectation
            failed under `simulate --check`, `diff` found the designs different, `infer` found no span or a trace file it could not read to its end); **2** the invocation is at fault (usage, configuration or I/O
            error, no input matched). Every command reads `-` as standard input. Options go after the
            command (`baton check --format json x`); Baton has none of its own but `--help` and `--version`,
            and says so when one comes first.

            **Streams.** A write error on standard output (a full disk, a closed descriptor) is reported as
            `cannot write standard output: …` with exit status 2; when the reader of a pipe goes away
            (`baton check … | head`), Baton stops quietly with status 141, as SIGPIPE would end it, whether
            or not the parent ignores that signal. Inputs are regular files or pipes of at most 256 MiB
            (the trace files of `infer`, read as a stream, excepted);
            a device (`/dev/zero`) or a directory as standard input is refused with exit status 2.
            A path that cannot be read is reported with the reason (`Permission denied`, `Too many levels
            of symbolic links`, a link to nothing, a directory where a file is wanted), and so is a design
            below a directory argument: one that cannot be read, a link to nothing or a named pipe called
            `*.baton` stops the run with exit status 2 instead of being left out unseen.

            **Files Baton writes** (`fmt`, `check --fix`, `render -o`, `simulate -o` and `--chart`, `infer -o`, `markdown`, the images
            of `pandoc`) are replaced atomically: the bytes go to a temporary file created exclusively beside
            the target (a link or file planted at its name is never followed), which is synced and renamed
            over the target. A replaced file keeps its permission bits, and its owner and group where the
            process may set them (set-user-id and set-group-id bits are dropped when the owner changes). A
            symbolic link is written through — its target is replaced, the link stays — and a link to
            nothing is refused, and so is a link that another user left in a shared, sticky directory such
            as `/tmp` (whether or not the system's `fs.protected_symlinks` is on). A file with several hard
            links is refused (replacing it would split the links), so is a read-only file unless `--force`
            is given, and so is any file the run read: `render -o`, `simulate` and `markdown -o` never
            replace their input (a file given on standard input included) or a design it imports. A named
            pipe or a device (`-o /dev/null`) is written in place; `-o -` and `-o /dev/stdout` mean standard
            output.

            **Jobs.** `--jobs` (of `check`, `fmt`, `render --all` and `simulate`) defaults to one per
            processor core the process may use: the cores it may run on (fewer under `taskset -c 0` or a
            container's cpuset), and no more than its control group's processor quota allows, rounded up
            (a container's `--cpus`, from cgroup v2's `cpu.max` or v1's `cpu.cfs_quota_us`). `--jobs 0`
            says what the default is here: `help: the default is one per processor core (2 here)`.

            **Names.** Arguments and file names must be UTF-8: anything else is refused rather than read
            as some other name. A directory walk (`check DIR`, `fmt DIR`) reads regular `*.baton` files,
            skips hidden entries, and does not follow a symbolic link out of the directory it was given
            (it says so); a named pipe is read only when named on the command line, as `cat` reads it.

            ```text
            \(overview.trimmingCharacters(in: .newlines))
            ```

            """
        for command in commands {
            let help = try BatonExecutable.run([command, "--help"])
            #expect(help.status == 0, "baton \(command) --help")
            text += "\n## baton \(command)\n\n```text\n\(help.standardOutput.trimmingCharacters(in: .newlines))\n```\n"
        }
        return text
    }

    @Test func referenceMatchesTheBinary() throws {
        let url = Golden.packageRoot().appendingPathComponent("docs/cli.md")
        let actual = try Self.reference()
        if Golden.isUpdating {
            try Data(actual.utf8).write(to: url)
            return
        }
        let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(committed == actual, "docs/cli.md is stale; run UPDATE_GOLDENS=1 swift test")
    }

    // MARK: - Every option, every example

    static let commandNames = BatonCommandLine.commands.map(\.spec.name)

    static func spec(_ name: String) throws -> CommandSpec {
        try #require(BatonCommandLine.commands.first { $0.spec.name == name }?.spec)
    }

    /// The lines of one section of a help text ("Options:", "Examples:"), up to the blank line.
    static func section(_ title: String, of help: String) -> [String] {
        Array(help.components(separatedBy: "\n").drop { $0 != title }.dropFirst().prefix { !$0.isEmpty })
    }

    @Test func theOverviewListsEveryCommand() throws {
        let overview = try BatonExecutable.run(["--help"]).standardOutput
        let listed = Self.section("Commands:", of: overview).compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed == Self.commandNames)
    }

    /// Each option a command declares has its own row in the binary's --help — its short
    /// form, name and value placeholder on the left, its description (and choices) on the
    /// right — and the help shows no option the command does not declare.
    @Test(arguments: commandNames)
    func everyOptionIsInTheHelpWithADescription(_ name: String) throws {
        let spec = try Self.spec(name)
        let help = try BatonExecutable.run([name, "--help"])
        #expect(help.status == 0)
        Self.expectEveryOption(of: spec, in: Self.section("Options:", of: help.standardOutput), "baton \(name) --help")
    }

    /// The same holds for the committed docs/cli.md, read on its own: its section for the command
    /// has a row for each option, so the reference cannot lose one even if it were no longer
    /// regenerated from the binary (or the overview it is generated from lost the command).
    @Test(arguments: commandNames)
    func everyOptionIsInTheReference(_ name: String) throws {
        let spec = try Self.spec(name)
        let reference = try String(contentsOf: Golden.packageRoot().appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let section = reference.components(separatedBy: "\n## baton ").first { $0.hasPrefix(name + "\n") }
        #expect(section != nil, "docs/cli.md has no section for baton \(name)")
        Self.expectEveryOption(of: spec, in: Self.section("Options:", of: section ?? ""), "docs/cli.md, baton \(name)")
    }

    /// `rows` (an Options: section) has exactly one row per option of `spec` and `--help`, each
    /// with the option's description and choices.
    static func expectEveryOption(of spec: CommandSpec, in rows: [String], _ place: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let options = spec.options + [CommandSpec.helpOption]
        #expect(rows.count == options.count, "\(place): \(rows)", sourceLocation: sourceLocation)
        for option in options {
            #expect(!option.help.trimmingCharacters(in: .whitespaces).isEmpty, "\(place): \(option.name) has no description",
                    sourceLocation: sourceLocation)
            var left = (option.short.map { "\($0), " } ?? "    ") + option.name
            if let valueName = option.valueName { left += " \(valueName)" }
            let row = rows.first { $0.hasPrefix("  " + left + "  ") }
            #expect(row != nil, "\(place) has no row for \(left)", sourceLocation: sourceLocation)
            let description = row.map { String($0.dropFirst(2 + left.count)).trimmingCharacters(in: .whitespaces) } ?? ""
            var expected = option.help
            if let choices = option.choices { expected += " (\(choices.joined(separator: "|")))" }
            #expect(description == expected, "\(place): \(option.name)", sourceLocation: sourceLocation)
        }
    }

    /// An option with choices accepts each of them, and answers a near miss with the choice
    /// it resembles.
    @Test(arguments: commandNames)
    func everyChoiceParses(_ name: String) throws {
        let spec = try Self.spec(name)
        for option in spec.options {
            for choice in option.choices ?? [] {
                let parsed = try spec.parse([option.name, choice])
                #expect(parsed.value(option.name) == choice)
                do {
                    _ = try spec.parse([option.name, choice + "x"])
                    Issue.record("baton \(name) \(option.name) accepted '\(choice)x'")
                } catch {
                    #expect(error.help?.hasPrefix("did you mean '\(choice)'?") == true, "\(error.help ?? "")")
                }
            }
        }
    }

    /// The options a command's usage and discussion mention are options it has (or another
    /// program's, named here).
    @Test(arguments: commandNames)
    func theHelpMentionsOnlyOptionsTheCommandHas(_ name: String) throws {
        let spec = try Self.spec(name)
        let othersOptions = ["pandoc": ["--filter"]]
        let known = Set(spec.options.map(\.name) + (othersOptions[name] ?? []) + ["--help"])
        let mentioned = (spec.usage + " " + spec.discussion).split { !($0.isLetter || $0 == "-") }
            .filter { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }.map(String.init)
        for option in mentioned {
            #expect(known.contains(option), "baton \(name) --help mentions \(option), which it does not have")
        }
    }

    /// Every example in a command's --help is a valid invocation: each `baton COMMAND ...` in
    /// it (pipes, redirections and comments aside) names that command and parses with the
    /// command's own parser, with as many paths as the usage line takes.
    @Test(arguments: commandNames)
    func everyExampleParsesWithItsCommandsParser(_ name: String) throws {
        let spec = try Self.spec(name)
        let help = try BatonExecutable.run([name, "--help"]).standardOutput
        let examples = Self.section("Examples:", of: help)
        #expect(!examples.isEmpty, "baton \(name) --help has no examples")
        #expect(examples == spec.examples.map { "  " + $0 })
        let positionals = try Self.positionalRange(usage: spec.usage, command: name)
        var invocations = 0
        for example in examples {
            for words in try ShellLine.commands(example) where words.first == "baton" {
                invocations += 1
                #expect(words.count > 1 && words[1] == name, "an example of 'baton \(name)' runs \(words): \(example)")
                do {
                    let parsed = try spec.parse(Array(words.dropFirst(2)))
                    #expect(positionals.contains(parsed.positional.count),
                            "\(example): \(parsed.positional.count) paths, the usage takes \(positionals)")
                } catch {
                    Issue.record("\(example): \(error.message)")
                }
            }
        }
        #expect(invocations > 0, "no example of baton \(name) runs it")
    }

    /// How many positional arguments a usage line takes: its words in capitals are required
    /// (`FILE`), in brackets optional (`[FORMAT]`), and `...` repeats the last (`PATH...`).
    static func positionalRange(usage: String, command: String) throws -> ClosedRange<Int> {
        let words = try ShellLine.words(usage)
        #expect(Array(words.prefix(2)) == ["baton", command], "\(usage)")
        var required = 0
        var optional = 0
        var repeats = false
        var depth = 0
        var bracketIsOption = false
        for word in words.dropFirst(2) {
            if word.hasPrefix("(") || word == "<" || word == ">" { break }
            if word.hasPrefix("[") {
                depth += 1
                bracketIsOption = word.dropFirst().hasPrefix("-") || word == "[OPTIONS]"
            }
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
            if !bare.isEmpty, !bracketIsOption, !bare.hasPrefix("-") {
                if depth > 0 { optional += 1 } else { required += 1 }
                if word.hasSuffix("...") { repeats = true }
            }
            if word.hasSuffix("]") {
                depth -= 1
                bracketIsOption = false
            }
        }
        return required...(repeats ? Int.max : required + optional)
    }
}

/// Just enough of a POSIX shell's word splitting to read the examples: quotes, backslashes,
/// comments, and the operators that join commands (`|`, `&&`, `||`, `;`) or redirect them.
enum ShellLine {
    struct Unterminated: Error {}

    static let separators: Set<String> = ["|", "||", "&&", ";", "&"]
    static let redirections: Set<String> = ["<", ">", ">>", "2>", "2>>"]

    /// The simple commands of a line, each as its words, redirections left out.
    static func commands(_ line: String) throws -> [[String]] {
        var commands: [[String]] = [[]]
        var skipNext = false
        for token in try tokens(line) {
            if skipNext {
                skipNext = false
            } else if separators.contains(token.text), token.isOperator {
                commands.append([])
            } else if redirections.contains(token.text), token.isOperator {
                skipNext = true
            } else {
                commands[commands.count - 1].append(token.text)
            }
        }
        return commands.filter { !$0.isEmpty }
    }

    static func words(_ line: String) throws -> [String] {
        try tokens(line).map(\.text)
    }

    static func tokens(_ line: String) throws -> [(text: String, isOperator: Bool)] {
        var tokens: [(String, Bool)] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = Array(line)[...]
        func finish() {
            if inWord { tokens.append((word, false)) }
            word = ""
            inWord = false
        }
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", let next = characters.popFirst() {
                    word.append(next)
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case " ", "\t":
                finish()
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                if let next = characters.popFirst() { word.append(next) }
                inWord = true
            case "#" where !inWord:
                finish()
                return tokens
            case "|", "&", ";", "<", ">":
                // `2>` is one operator when the 2 stands alone.
                var text = String(character)
                if character == ">", word == "2" {
                    text = "2>"
                    word = ""
                    inWord = false
                }
                finish()
                if let next = characters.first, (next == character && character != ";" && character != "<") {
                    text.append(characters.removeFirst())
                }
                tokens.append((text, true))
            default:
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw Unterminated() }
        finish()
        return tokens
    }
}
