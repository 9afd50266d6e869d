import BatonLanguageServer
import Foundation

/// `baton lsp`: the language server, spoken over standard input and output.
enum LspCommand {
    static let spec = CommandSpec(
        name: "lsp",
        summary: "Run the language server (for editors), speaking LSP over standard input and output",
        usage: "baton lsp [--stdio] [--verbose]",
        discussion: """
            Editors start this command and talk to it in the Language Server Protocol (JSON-RPC
            with Content-Length headers) over standard input and output; it is not meant to be run
            by hand. It reports the diagnostics of 'baton check' as you type (each open file checked
            with its imports, open buffers winning over the files on disk, with the nearest
            .baton.json), formats like 'baton fmt', answers hover (a participant's availability and
            fan-out, an interaction's worst-case wait, a rule's explanation), go to definition,
            references, rename across imports and completion, and offers the outline, workspace
            symbols, folding and the fixes of findings as code actions. Logs go to the editor (and to
            standard error with --verbose), never to standard output. It exits when the editor
            sends exit (status 0 after shutdown, else 1) or closes standard input.
            Setting it up in an editor: docs/editors.md; the protocol details: docs/language-server.md.
            """,
        options: [
            .flag("--stdio", "talk over standard input and output (the default and only transport; editors pass it)"),
            .flag("--verbose", "also write the log messages to standard error"),
        ],
        examples: [
            "baton lsp",
            "baton lsp --stdio",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        // A client that goes away must not end the server with SIGPIPE mid-write: the write
        // fails, and the end of standard input ends the server.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO,
                                    options: LanguageServer.Options(logToStandardError: arguments.has("--verbose")))
        return server.run()
    }
}
