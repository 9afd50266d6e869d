/// What a shell offers where a command expects a value: an option's value or an operand.
///
/// It is read off the command's own description — an option's choices or its placeholder
/// (`OUT`, `DIR`), the placeholders of the usage line (`FILE`, `PATH...`, `RULE`) — so the shell
/// completes exactly what `--help` promises, and a new command or option needs no edit here
/// unless it brings a new placeholder (a test lists them all).
enum ValueCompletion: Equatable, Sendable {
    /// Free text (a name, a number, a rate): the shell offers nothing.
    case anything
    /// One of these words.
    case words([String])
    /// Paths ending in `suffix` (any file when nil), and the directories that lead to them.
    case files(suffix: String?)
    /// Directories only.
    case directories

    /// What each option placeholder (`--output OUT`, `--all DIR`) without choices means. An
    /// option with choices completes its choices whatever its placeholder says.
    static let optionPlaceholders: [String: ValueCompletion] = [
        "FILE": .files(suffix: nil),
        "OUT": .files(suffix: nil),
        "PATH": .files(suffix: nil),
        "DIR": .directories,
        "OUTDIR": .directories,
        "D": .anything,
        "FAULT": .anything,
        "H": .anything,
        "N": .anything,
        "NAME": .anything,
        "PREFIX": .anything,
        "RATE": .anything,
        "S": .anything,
        "REV": .anything,
        "TEXT": .anything,
    ]

    /// The words of a usage line that name operands. Lower-case words in a usage line are
    /// literal (`baton mdbook supports RENDERER`) and complete as themselves.
    static func operandPlaceholders(commands: [String], shells: [String], rules: [String]) -> [String: ValueCompletion] {
        [
            "FILE": .files(suffix: ".baton"),
            "PATH": .files(suffix: ".baton"),
            "FILE.md": .files(suffix: ".md"),
            "TRACES": .files(suffix: nil),
            "RULE": .words(rules),
            "COMMAND": .words(commands),
            "SHELL": .words(shells),
            "FORMAT": .anything,
            "RENDERER": .anything,
        ]
    }
}
