import Baton
import BatonDocs
import BatonJSON
import BatonReport

/// `baton mdbook`: an mdBook preprocessor.
enum MdBookCommand {
    static let spec = CommandSpec(
        name: "mdbook",
        summary: "Act as an mdBook preprocessor: ```baton fences in chapters become inline SVG",
        usage: "baton mdbook [supports RENDERER]",
        discussion: """
            mdBook first runs 'baton mdbook supports RENDERER' (exit 0: supported; only 'html' is),
            then 'baton mdbook' with [context, book] as JSON on standard input, and reads the book back
            from standard output. Both the 'sections' (mdBook 0.4) and 'items' (0.5) shapes are
            accepted, and every field Baton does not touch is written back unchanged. In book.toml:

                [preprocessor.baton]
                command = "baton mdbook"
                on-failure = "bail"   # or "continue": an error box in the page instead

            """,
        options: [],
        examples: ["baton mdbook supports html"])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        if arguments.positional.first == "supports" {
            guard arguments.positional.count == 2 else { return Terminal.fail("usage: baton mdbook supports RENDERER") }
            return MdBookPreprocessor.supports(renderer: arguments.positional[1]) ? Terminal.Exit.success : Terminal.Exit.inputFault
        }
        guard arguments.positional.isEmpty else {
            return Terminal.fail("unexpected argument '\(arguments.positional[0])'", help: "baton mdbook [supports RENDERER]")
        }
        let bytes: [UInt8]
        do { bytes = try Terminal.readStandardInput() } catch { return Terminal.fail(error.message, help: error.help) }
        let input: JSONValue
        do {
            input = try JSONValue.parse(bytes)
        } catch {
            return Terminal.fail("standard input is not mdBook's JSON (\(error))")
        }
        let book: MdBookPreprocessor.Result?
        do { book = try MdBookPreprocessor.run(input, version: Baton.version, render: Baton.diagramRenderer) } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        guard let result = book else {
            return Terminal.fail("standard input is not mdBook's [context, book] pair")
        }
        let reporter = TextReporter(color: false)
        for diagnostic in result.diagnostics { Terminal.error(reporter.format(diagnostic)) }
        if result.failed { return Terminal.Exit.inputFault }
        Terminal.write(result.book.serialized(pretty: false))
        return Terminal.Exit.success
    }
}
