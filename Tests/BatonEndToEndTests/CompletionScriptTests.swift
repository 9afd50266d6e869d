// `baton completions bash|zsh|fish`, loaded into the real shells and asked what they would
// offer at a <TAB>: the shells run their own completion machinery on the script, so a quoting
// slip or a wrong function name fails here rather than at a user's prompt.

@testable import baton
import BatonTestSupport
import Foundation
import Testing

@Suite struct CompletionScriptTests {
    /// The choices of an option, sorted as the tests compare them: what --help lists.
    static func choices(_ command: String, _ option: String) -> [String] {
        let spec = BatonCommandLine.commands.first { $0.spec.name == command }?.spec
        return (spec?.options.first { $0.name == option }?.choices ?? []).sorted()
    }

    /// A directory to complete file names in: two designs (one with a space in its name), a
    /// Markdown document, a file of another kind and a subdirectory.
    static func workspace() throws -> URL {
        try makeTemporaryDirectory([
            "checkout.baton": "service A\n",
            "with space.baton": "service A\n",
            "notes.md": "# Notes\n",
            "picture.svg": "<svg/>\n",
            "designs/inner.baton": "service A\n",
        ], prefix: "baton-completion")
    }

    static func script(_ shell: String, into directory: URL, named name: String) throws -> URL {
        let result = try BatonExecutable.run(["completions", shell])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let url = directory.appendingPathComponent(name)
        try result.standardOutputBytes.write(to: url)
        return url
    }

    // MARK: - bash

    /// Sources the script in `bash --norc` and calls the function that `complete -F` registered
    /// for baton, with the words as bash would split the command line (`--to=` is `--to`, `=`).
    static func bash(_ words: [String], in directory: URL) throws -> [String] {
        let bash = try ExternalProgram.require("bash", package: "bash")
        let script = try Self.script("bash", into: directory, named: ".baton.bash")
        let driver = """
            source "$1"; shift
            function=$(complete -p baton | sed -n 's/.*-F \\([^ ]*\\) baton$/\\1/p')
            [[ -n $function ]] || { echo "baton has no completion function" >&2; exit 3; }
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            "$function" baton "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let output = try bash.run(["--norc", "--noprofile", "-c", driver, "bash", script.path] + words, in: directory)
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty, "\(output.standardError)")
        return String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    @Test(.requires(program: "bash"))
    func bashCompletesCommandsOptionsValuesAndFiles() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(Self.choices("render", "--to").count >= 5 && Self.choices("check", "--format").count >= 4, "read the choices")
        #expect(try Self.bash(["baton", "ren"], in: directory) == ["render"])
        #expect(try Self.bash(["baton", "m"], in: directory) == ["man", "markdown", "mdbook", "metrics"])
        #expect(try Self.bash(["baton", "render", "--t"], in: directory) == ["--theme", "--timing", "--to"])
        #expect(try Self.bash(["baton", "render", "--to", ""], in: directory) == Self.choices("render", "--to"))
        #expect(try Self.bash(["baton", "render", "--to", "=", "s"], in: directory) == ["svg"])
        #expect(try Self.bash(["baton", "render", "--view", ""], in: directory) == Self.choices("render", "--view"))
        #expect(try Self.bash(["baton", "render", "--theme", ""], in: directory) == Self.choices("render", "--theme"))
        #expect(try Self.bash(["baton", "check", "--format", ""], in: directory) == Self.choices("check", "--format"))
        #expect(try Self.bash(["baton", "explain", "sync-c"], in: directory) == ["sync-chain-depth", "sync-cycle"])
        #expect(try Self.bash(["baton", "completions", ""], in: directory) == ["bash", "fish", "zsh"])
        #expect(try Self.bash(["baton", "help", "ren"], in: directory) == ["render"])
        // Designs and directories where a design is expected; nothing else.
        #expect(try Self.bash(["baton", "check", ""], in: directory) == ["checkout.baton", "designs", "with space.baton"])
        #expect(try Self.bash(["baton", "render", "--to", "svg", "c"], in: directory) == ["checkout.baton"])
        #expect(try Self.bash(["baton", "markdown", ""], in: directory) == ["designs", "notes.md"])
        // Any file after -o; only directories after --all.
        #expect(try Self.bash(["baton", "render", "-o", "p"], in: directory) == ["picture.svg"])
        #expect(try Self.bash(["baton", "render", "--all", ""], in: directory) == ["designs"])
        // render takes one FILE: after it (and past an option's value), no more files.
        #expect(try Self.bash(["baton", "render", "checkout.baton", "--flow", "Pay", ""], in: directory) == [])
        // mdbook's operands by position: the word 'supports', then a renderer (free text).
        #expect(try Self.bash(["baton", "mdbook", ""], in: directory) == ["supports"])
        #expect(try Self.bash(["baton", "mdbook", "supports", ""], in: directory) == [])
        // Free-text values offer nothing rather than files.
        #expect(try Self.bash(["baton", "render", "--flow", ""], in: directory) == [])
    }

    // MARK: - zsh

    /// Drives an interactive `zsh -f` through a pseudo-terminal (zsh/zpty): compinit loads the
    /// script from $fpath as `_baton`, the line is typed with a TAB, and every match that the
    /// completion system adds is printed between markers (compadd wrapped to report them).
    static let zshCapture = #"""
        zmodload zsh/zpty || exit 3
        zpty z zsh -f -i
        zpty -w z "PS1='' PROMPT='' RPROMPT=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
        zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
        zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -A __hits "$@"; local h; for h in $__hits; do print -r -- "<""m>$h</""m>"; done; builtin compadd "$@"; }'
        zpty -w z 'comppostfuncs=(__baton_done); __baton_done() { print -r -- "<""done>"; exit }'
        zpty -w -n z "$2"$'\t'
        local out
        while zpty -r z out; do
          print -rn -- "$out"
          [[ $out == *'<done>'* ]] && break
        done
        zpty -d z
        """#

    static func zsh(_ line: String, in directory: URL) throws -> [String] {
        let zsh = try ExternalProgram.require("zsh", package: "zsh")
        let timeout = try ExternalProgram.require("timeout", package: "coreutils")
        let functions = directory.appendingPathComponent(".zsh-functions")
        try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
        _ = try Self.script("zsh", into: functions, named: "_baton")
        let capture = directory.appendingPathComponent(".capture.zsh")
        try Data(zshCapture.utf8).write(to: capture)
        let output = try timeout.run(["60", zsh.url.path, "-f", capture.path, functions.path, line], in: directory,
                                     environment: ["HOME": directory.path, "TERM": "dumb"])
        let text = String(decoding: output.standardOutput, as: UTF8.self)
        #expect(output.status == 0, "zsh: \(output.status) \(output.standardError)")
        #expect(text.contains("<done>"), "the completion system never finished: \(text.suffix(2_000))")
        var matches = Set<String>()
        for match in text.matches(of: /<m>([^<]*)<\/m>/) { matches.insert(String(match.output.1)) }
        return matches.sorted()
    }

    @Test(.requires(program: "zsh"))
    func zshCompletesCommandsOptionsValuesAndFiles() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.zsh("baton ren", in: directory) == ["render"])
        #expect(try Self.zsh("baton render --t", in: directory) == ["--theme", "--timing", "--to"])
        #expect(try Self.zsh("baton render --to ", in: directory) == Self.choices("render", "--to"))
        #expect(try Self.zsh("baton render --to=", in: directory) == Self.choices("render", "--to"))
        #expect(try Self.zsh("baton render --view ", in: directory) == Self.choices("render", "--view"))
        #expect(try Self.zsh("baton simulate --theme ", in: directory) == Self.choices("simulate", "--theme"))
        #expect(try Self.zsh("baton explain sync-c", in: directory) == ["sync-chain-depth", "sync-cycle"])
        #expect(try Self.zsh("baton check ", in: directory) == ["checkout.baton", "designs", #"with\ space.baton"#])
        #expect(try Self.zsh("baton markdown ", in: directory) == ["designs", "notes.md"])
        #expect(try Self.zsh("baton render --all ", in: directory) == ["designs"])
        #expect(try Self.zsh("baton render -o p", in: directory) == ["picture.svg"])
        #expect(try Self.zsh("baton mdbook ", in: directory) == ["supports"])
        #expect(try Self.zsh("baton help ren", in: directory) == ["render"])
    }

    // MARK: - fish

    /// `complete -C LINE` in `fish --no-config` after sourcing the script: the candidates fish
    /// would list, without their descriptions.
    static func fish(_ line: String, in directory: URL) throws -> [String] {
        let fish = try ExternalProgram.require("fish", package: "fish")
        let script = try Self.script("fish", into: directory, named: ".baton.fish")
        let output = try fish.run(["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script.path, line],
                                  in: directory,
                                  environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.appendingPathComponent(".config").path,
                                                "XDG_DATA_HOME": directory.appendingPathComponent(".data").path])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty, "\(output.standardError)")
        return String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n")
            .map { String($0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)[0]) }.sorted()
    }

    @Test(.requires(program: "fish"))
    func fishCompletesCommandsOptionsValuesAndFiles() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.fish("baton ren", in: directory) == ["render"])
        #expect(try Self.fish("baton render --t", in: directory) == ["--theme", "--timing", "--to"])
        #expect(try Self.fish("baton render --to ", in: directory) == Self.choices("render", "--to"))
        #expect(try Self.fish("baton render --to=", in: directory) == Self.choices("render", "--to").map { "--to=" + $0 })
        #expect(try Self.fish("baton render --view ", in: directory) == Self.choices("render", "--view"))
        #expect(try Self.fish("baton explain sync-c", in: directory) == ["sync-chain-depth", "sync-cycle"])
        #expect(try Self.fish("baton check ", in: directory) == ["checkout.baton", "designs/", "with space.baton"])
        #expect(try Self.fish("baton markdown ", in: directory) == ["designs/", "notes.md"])
        #expect(try Self.fish("baton render --all ", in: directory) == ["designs/"])
        #expect(try Self.fish("baton render -o p", in: directory) == ["picture.svg"])
        #expect(try Self.fish("baton render checkout.baton ", in: directory) == [])
        #expect(try Self.fish("baton mdbook ", in: directory) == ["supports"])
        #expect(try Self.fish("baton mdbook supports ", in: directory) == [])
        #expect(try Self.fish("baton help ren", in: directory) == ["render"])
    }

    // MARK: - The command

    @Test func anUnknownShellIsRefusedWithTheClosestOne() throws {
        let result = try BatonExecutable.run(["completions", "zhs"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no completion script for 'zhs'"))
        #expect(result.standardError.contains("did you mean 'zsh'?"))
        let none = try BatonExecutable.run(["completions"])
        #expect(none.status == 2)
        #expect(none.standardError.contains("takes one shell: bash, zsh, fish"))
    }

    /// Every command and every option of every command is in each script, in that command's
    /// part of it, so a command added to the CLI is completed without anyone remembering to.
    @Test(arguments: ["bash", "zsh", "fish"])
    func everyCommandAndOptionIsInTheScript(_ shell: String) throws {
        let script = try BatonExecutable.run(["completions", shell]).standardOutput
        let overview = try BatonExecutable.run(["--help"]).standardOutput
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count > 10)
        for command in commands {
            let help = try BatonExecutable.run([command, "--help"]).standardOutput
            let options = help.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Options:" }.dropFirst().prefix { !$0.isEmpty }
                .flatMap { row in row.split(separator: " ").prefix { $0.hasPrefix("-") } }
                .map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
            #expect(options.contains("--help"), "\(command)")
            let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let part: [String]
            if shell == "fish" {
                part = lines.filter { $0.contains("'__baton_using_command \(command)'") || $0.contains("'__baton_using_command \(command);") }
            } else {
                part = Array(lines.drop { $0 != "_baton_\(command)() {" }.prefix { $0 != "}" })
            }
            #expect(!part.isEmpty, "\(shell): no part for baton \(command)")
            let words = Set(part.joined(separator: " ").split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init))
            for option in options {
                if shell == "fish" {
                    // fish names options without their dashes: -l to, -s o.
                    let spelled = option.hasPrefix("--") ? "-l \(option.dropFirst(2)) " : "-s \(option.dropFirst()) "
                    #expect(part.contains { $0.contains(spelled) }, "fish: baton \(command) \(option)")
                } else {
                    #expect(words.contains(option), "\(shell): baton \(command) \(option)")
                }
            }
        }
    }
}
