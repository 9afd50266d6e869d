import Baton
import BatonDocs
import BatonJSON
import BatonRender
import Foundation

/// `baton pandoc [FORMAT]`: a pandoc JSON filter (also reached as a `baton-pandoc` link, since
/// pandoc runs a filter with the output format as its only argument).
enum PandocCommand {
    static let spec = CommandSpec(
        name: "pandoc",
        summary: "Act as a pandoc JSON filter: code blocks of class baton become diagrams",
        usage: "baton pandoc [FORMAT] < document.json > document.json",
        discussion: """
            Reads pandoc's JSON document on standard input and writes it back with every code block of
            class 'baton' drawn: inline SVG for HTML formats, an image file (in baton-diagrams/, or the
            directory named by the metadata field baton-dir) for every other format. Metadata fields
            baton-on-error (fail|placeholder) and baton-theme (light|dark) set the other options.
            pandoc runs filters with the format as the only argument, so link the binary as
            'baton-pandoc' to use it with --filter.
            """,
        options: [],
        examples: [
            "ln -s \"$(command -v baton)\" ~/.local/bin/baton-pandoc && pandoc --filter baton-pandoc doc.md -o doc.html",
            "pandoc doc.md -t json | baton pandoc html | pandoc -f json -o doc.html",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let format = arguments.positional.first ?? "html"
        let input: [UInt8]
        do { input = try Terminal.readStandardInput() } catch { return Terminal.fail(error.message, help: error.help) }
        let document: JSONValue
        do {
            document = try JSONValue.parse(input)
        } catch {
            return Terminal.fail("standard input is not a pandoc JSON document (\(error))",
                                 help: "run it through pandoc: pandoc doc.md -t json | baton pandoc html")
        }
        guard document["pandoc-api-version"] != nil, document["blocks"] != nil else {
            return Terminal.fail("standard input is JSON but not a pandoc document (no pandoc-api-version and blocks)")
        }
        let defaults = PandocOptions(imageDirectory: "baton-diagrams", onError: .fail, theme: "light", version: Baton.version)
        let options = PandocFilter.options(from: document, defaults: defaults)
        let reads = ReadLog()
        let result = PandocFilter.run(document, format: format, options: options, render: Baton.diagramRenderer(read: reads.read))
        let reporter = TextReporter(color: false)
        for diagnostic in result.diagnostics { Terminal.error(reporter.format(diagnostic)) }
        if result.failed { return Terminal.Exit.inputFault }
        for file in result.files {
            do {
                try FileManager.default.createDirectory(atPath: PathName.directory(of: file.path), withIntermediateDirectories: true)
                try AtomicWrite.write(Array(file.contents.utf8), to: file.path, options: AtomicWrite.Options(protected: reads.protected))
            } catch let error as AtomicWrite.Failure {
                return Terminal.fail(error.message, help: error.help)
            } catch {
                return Terminal.fail("cannot create '\(PathName.directory(of: file.path))': \(error.localizedDescription)")
            }
        }
        Terminal.write(result.document.serialized(pretty: false))
        return Terminal.Exit.success
    }
}

import BatonModel
