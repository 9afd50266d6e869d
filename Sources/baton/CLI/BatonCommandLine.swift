import Baton

/// Dispatches `baton COMMAND ...` to the command's `run`.
enum BatonCommandLine {
    /// A command by name, its specification made only when asked for: a run makes the one
    /// it runs (making all seventeen was 3 % of a one-line check's time).
    struct Command: Sendable {
        var name: String
        private var makeSpec: @Sendable () -> CommandSpec
        var run: @Sendable (ParsedArguments) -> Int32

        /// `name` must be the specification's (a test holds every command to it).
        init(_ name: String, spec: @escaping @Sendable @autoclosure () -> CommandSpec,
             run: @escaping @Sendable (ParsedArguments) -> Int32) {
            self.name = name
            makeSpec = spec
            self.run = run
        }

        var spec: CommandSpec { makeSpec() }
    }

    static let commands: [Command] = [
        Command("check", spec: CheckCommand.spec, run: CheckCommand.run),
        Command("render", spec: RenderCommand.spec, run: RenderCommand.run),
        Command("fmt", spec: FmtCommand.spec, run: FmtCommand.run),
        Command("dump", spec: DumpCommand.spec, run: DumpCommand.run),
        Command("rules", spec: RulesCommand.spec, run: RulesCommand.run),
        Command("explain", spec: ExplainCommand.spec, run: ExplainCommand.run),
        Command("metrics", spec: MetricsCommand.spec, run: MetricsCommand.run),
        Command("diff", spec: DiffCommand.spec, run: DiffCommand.run),
        Command("simulate", spec: SimulateCommand.spec, run: SimulateCommand.run),
        Command("infer", spec: InferCommand.spec, run: InferCommand.run),
        Command("markdown", spec: MarkdownCommand.spec, run: MarkdownCommand.run),
        Command("pandoc", spec: PandocCommand.spec, run: PandocCommand.run),
        Command("mdbook", spec: MdBookCommand.spec, run: MdBookCommand.run),
        Command("lsp", spec: LspCommand.spec, run: LspCommand.run),
        Command("serve", spec: ServeCommand.spec, run: ServeCommand.run),
        Command("completions", spec: CompletionsCommand.spec, run: CompletionsCommand.run),
        Command("man", spec: ManCommand.spec, run: ManCommand.run),
    ]

    static let overview = """
        Baton compiles designs of control flow across distributed systems: it checks them for
        coupling and inversion-of-control problems and renders diagrams that show who holds the
        baton (who initiates) apart from where the data goes.

        Usage: baton COMMAND [OPTIONS] [PATH...]
        """

    static var helpText: String {
        var out = overview + "\n\nCommands:\n"
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            out += "  " + command.name + String(repeating: " ", count: width - command.name.count)
                + command.spec.summary + "\n"
        }
        out += "\nRun 'baton COMMAND --help' for a command's options, 'baton --version' for the version.\n"
        return out
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            Terminal.error(helpText)
            return Terminal.Exit.usageFault
        }
        switch first {
        case "--help", "-h", "help":
            // `baton help render` and `baton --help render` alike.
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                Terminal.write(command.spec.helpText)
            } else {
                Terminal.write(helpText)
            }
            return Terminal.Exit.success
        case "--version", "version":
            Terminal.write("baton \(Baton.version)\n")
            return Terminal.Exit.success
        default:
            break
        }
        if first.hasPrefix("-"), first != "-" {
            return optionBeforeCommand(arguments)
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            var help = "run 'baton --help' for the list of commands"
            if let suggestion = Suggestion.closest(to: first, in: commands.map(\.name)) {
                help = "did you mean '\(suggestion)'? " + help
            }
            return Terminal.fail("unknown command '\(first)'", help: help)
        }
        let parsed: ParsedArguments
        do {
            parsed = try command.spec.parse(Array(arguments.dropFirst()))
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if parsed.has("--help") {
            Terminal.write(command.spec.helpText)
            return Terminal.Exit.success
        }
        return command.run(parsed)
    }

    /// `baton --format json check x`: Baton has no options of its own, so the user meant the
    /// command's. Says where they go, with the command line reordered when that parses.
    static func optionBeforeCommand(_ arguments: [String]) -> Int32 {
        guard let index = arguments.firstIndex(where: { argument in commands.contains { $0.name == argument } }),
              let command = commands.first(where: { $0.name == arguments[index] })
        else {
            return Terminal.fail("unknown option '\(arguments[0])': options go after the command",
                                 help: "baton COMMAND [OPTIONS] [PATH...]; run 'baton --help' for the list of commands")
        }
        let reordered = Array(arguments[..<index]) + Array(arguments[(index + 1)...])
        do {
            _ = try command.spec.parse(reordered)
        } catch {
            // Moved after the command it would still be wrong: say both.
            return Terminal.fail("\(error.message) (and options go after the command)", help: error.help)
        }
        return Terminal.fail("options go after the command: " + ShellWords.join(["baton", command.name] + reordered),
                             help: "run 'baton \(command.name) --help' for its options")
    }
}

import BatonSyntax
