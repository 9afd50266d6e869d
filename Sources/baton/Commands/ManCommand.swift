import Baton
import BatonSyntax
import Foundation

/// `baton man [COMMAND]`: the manual pages in roff, written from the same command descriptions
/// as `--help`.
enum ManCommand {
    static let spec = CommandSpec(
        name: "man",
        summary: "Print a manual page in roff: baton(1), or baton-COMMAND(1) for one command",
        usage: "baton man [COMMAND]",
        discussion: """
            Without COMMAND, prints baton(1): the commands, exit status, environment and files;
            with one, prints baton-COMMAND(1): its synopsis, description, options and examples, the
            same text as 'baton COMMAND --help'. The date on a page is that of SOURCE_DATE_EPOCH
            (seconds since 1970, as reproducible builds set it; 'make install' passes the date of
            the last commit), and none without it. --list prints the names of the commands that have
            a page, one per line. 'make install' writes every page into share/man/man1; to read one
            without installing it:
                baton man render | man -l -
            """,
        options: [
            .flag("--list", "print the commands that have a page, one per line, instead of a page"),
        ],
        examples: [
            "baton man > baton.1",
            "baton man render > baton-render.1",
            "baton man --list",
        ])

    /// What baton(1) says Baton is: the overview of `baton --help` without its usage line.
    static var description: String {
        let overview = BatonCommandLine.overview
        return overview.firstRange(of: "\n\nUsage:").map { String(overview[..<$0.lowerBound]) } ?? overview
    }

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let specs = BatonCommandLine.commands.map(\.spec)
        if arguments.has("--list") {
            guard arguments.positional.isEmpty else {
                return Terminal.fail("'baton man --list' takes no command", help: "baton man --list")
            }
            Terminal.write(specs.map { $0.name + "\n" }.joined())
            return Terminal.Exit.success
        }
        let date: String
        switch sourceDate() {
        case .success(let value): date = value
        case .failure(let error): return Terminal.fail(error.message, help: error.help)
        }
        guard arguments.positional.count <= 1 else {
            return Terminal.fail("'baton man' takes at most one command", help: "baton man render")
        }
        guard let name = arguments.positional.first else {
            Terminal.write(ManPage.overview(specs, description: description, version: Baton.version, date: date))
            return Terminal.Exit.success
        }
        guard let spec = specs.first(where: { $0.name == name }) else {
            var help = "run 'baton man --list' for the commands"
            if let suggestion = Suggestion.closest(to: name, in: specs.map(\.name)) { help = "did you mean '\(suggestion)'? " + help }
            return Terminal.fail("no manual page for '\(name)'", help: help)
        }
        Terminal.write(ManPage.command(spec, version: Baton.version, date: date))
        return Terminal.Exit.success
    }
}

extension ManCommand {
    /// The date of `SOURCE_DATE_EPOCH` (empty without it); a value that is not a whole number
    /// of seconds is refused, as the reproducible-builds convention asks, rather than ignored.
    static func sourceDate() -> Result<String, UsageError> {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !value.isEmpty else { return .success("") }
        guard let seconds = Int64(value), seconds >= 0 else {
            return .failure(UsageError(message: "SOURCE_DATE_EPOCH is '\(value)', not a number of seconds since 1970",
                                       help: "set it to a whole number such as $(git log -1 --format=%ct), or unset it"))
        }
        return .success(ManPage.date(secondsSince1970: seconds))
    }
}
