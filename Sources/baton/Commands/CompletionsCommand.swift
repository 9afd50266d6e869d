import BatonSyntax

/// `baton completions SHELL`: a completion script for bash, zsh or fish, written from the same
/// command descriptions as `--help`.
enum CompletionsCommand {
    static let spec = CommandSpec(
        name: "completions",
        summary: "Print a shell completion script for bash, zsh or fish",
        usage: "baton completions SHELL",
        discussion: """
            SHELL is bash, zsh or fish. The script completes the commands, each command's options,
            the values of options that take one of a list (the output formats, views and themes of
            'baton render', say), rule ids, and files where a command expects them: .baton designs,
            Markdown documents, directories.
            It is written from the same descriptions as --help, so it knows every option of the
            binary that prints it. 'make install' puts the three scripts where the shells look for
            them; to try one in the running shell instead:
                source <(baton completions bash)
                source <(baton completions zsh)       # after compinit
                baton completions fish | source
            """,
        options: [],
        examples: [
            "baton completions bash > ~/.local/share/bash-completion/completions/baton",
            "baton completions zsh > ~/.zfunc/_baton",
            "baton completions fish > ~/.config/fish/completions/baton.fish",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let shells = CompletionShell.allCases.map(\.rawValue)
        guard arguments.positional.count == 1, let name = arguments.positional.first else {
            return Terminal.fail("'baton completions' takes one shell: \(shells.joined(separator: ", "))",
                                 help: "baton completions bash")
        }
        guard let shell = CompletionShell(rawValue: name) else {
            var help = "use one of: \(shells.joined(separator: ", "))"
            if let suggestion = Suggestion.closest(to: name, in: shells) { help = "did you mean '\(suggestion)'? " + help }
            return Terminal.fail("no completion script for '\(name)'", help: help)
        }
        let commands = CommandCompletion.all(BatonCommandLine.commands.map(\.spec))
        switch shell {
        case .bash: Terminal.write(BashCompletion.script(commands))
        case .zsh: Terminal.write(ZshCompletion.script(commands))
        case .fish: Terminal.write(FishCompletion.script(commands))
        }
        return Terminal.Exit.success
    }
}
