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
        Command(spec: MarkdownCommand.spec, run: MarkdownCommand.run),
        Command(spec: PandocCommand.spec, run: PandocCommand.run),
        Command(spec: MdBookCommand.spec, run: MdBookCommand.run),
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
            if first == "help", arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
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
}

import BatonSyntax
