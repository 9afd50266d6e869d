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

            A document may not write anywhere it likes: baton-dir must lie inside the working
            directory (symbolic links resolved), or inside a directory allowed with --allow-dir;
            otherwise the run stops with exit code 2.
            """,
        options: [
            .value("--allow-dir", "DIR", repeatable: true,
                   "also let the metadata field baton-dir name DIR or a directory below it"),
        ],
        examples: [
            "ln -s \"$(command -v baton)\" ~/.local/bin/baton-pandoc && pandoc --filter baton-pandoc doc.md -o doc.html",
            "pandoc doc.md -t json | baton pandoc html | pandoc -f json -o doc.html",
            "pandoc doc.md -t json | baton pandoc --allow-dir ../site/images docx | pandoc -f json -o doc.docx",
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
        if let requested = PandocFilter.requestedDirectory(in: document),
           let refusal = refusal(requested, allowed: arguments.values("--allow-dir")) {
            return refusal
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

    /// The error for a `baton-dir` outside the working directory and every `--allow-dir`, or nil.
    ///
    /// A document is input, often someone else's: its metadata must not be able to write images
    /// to `/etc` or `../../elsewhere`. Both sides are compared as real paths, so a symbolic link
    /// inside the working directory cannot lead outside either. Checked for every format, so a
    /// document fails the same way whether or not this run writes images.
    static func refusal(_ requested: String, allowed: [String]) -> Int32? {
        let resolved = FileReader.canonical(requested)
        let roots = [FileManager.default.currentDirectoryPath] + allowed
        guard !roots.map(FileReader.canonical).contains(where: { PathName.isInside(resolved, root: $0) }) else { return nil }
        let field = PandocFilter.directoryField
        return Terminal.fail("the metadata field \(field) names '\(requested)', which resolves to \(resolved): "
                             + "outside the working directory\(allowed.isEmpty ? "" : " and every --allow-dir")",
                             help: "name a directory below the working directory, or allow this one with --allow-dir \(resolved)")
    }
}

import BatonModel
