import Baton

/// Dispatches `baton COMMAND ...` to the command's `run`.
enum BatonCommandLine {
    struct Command: Sendable {
        var spec: CommandSpec
        var run: @Sendable (ParsedArguments) -> Int32
    }

    static let commands: [Command] = [
        Command(spec: CheckCommand.spec, run: CheckCommand.run),
        Command(spec: RenderCommand.spec, run: RenderCommand.run),
        Command(spec: FmtCommand.spec, run: FmtCommand.run),
        Command(spec: DumpCommand.spec, run: DumpCommand.run),
        Command(spec: RulesCommand.spec, run: RulesCommand.run),
        Command(spec: ExplainCommand.spec, run: ExplainCommand.run),
        Command(spec: MetricsCommand.spec, run: MetricsCommand.run),
        Command(spec: DiffCommand.spec, run: DiffCommand.run),
        Command(spec: SimulateCommand.spec, run: SimulateCommand.run),
        Command(spec: InferCommand.spec, run: InferCommand.run),
        Command(spec: MarkdownCommand.spec, run: MarkdownCommand.run),
        Command(spec: PandocCommand.spec, run: PandocCommand.run),
        Command(spec: MdBookCommand.spec, run: MdBookCommand.run),
        Command(spec: LspCommand.spec, run: LspCommand.run),
        Command(spec: ServeCommand.spec, run: ServeCommand.run),
        Command(spec: CompletionsCommand.spec, run: CompletionsCommand.run),
        Command(spec: ManCommand.spec, run: ManCommand.run),
    ]

    static let overview = """
        Baton compiles designs of control flow across distributed systems: it checks them for
        coupling and inversion-of-control problems and renders diagrams that show who holds the
        baton (who initiates) apart from where the data goes.

        Usage: baton COMMAND [OPTIONS] [PATH...]
        """

    static var helpText: String {
        var out = overview + "\n\nCommands:\n"
        let width = (commands.map(\.spec.name.count).max() ?? 0) + 2
        for command in commands {
            out += "  " + command.spec.name + String(repeating: " ", count: width - command.spec.name.count)
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
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
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
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            var help = "run 'baton --help' for the list of commands"
            if let suggestion = Suggestion.closest(to: first, in: commands.map(\.spec.name)) {
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
        guard let index = arguments.firstIndex(where: { argument in commands.contains { $0.spec.name == argument } }),
              let command = commands.first(where: { $0.spec.name == arguments[index] })
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
        return Terminal.fail("options go after the command: " + ShellWords.join(["baton", command.spec.name] + reordered),
                             help: "run 'baton \(command.spec.name) --help' for its options")
    }
}

import BatonSyntax
