import Baton
import BatonDocs
import BatonJSON
import BatonModel
import BatonRender
import BatonReport
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

            A document may not write anywhere it likes: the image directory (baton-dir, or
            baton-diagrams) must lie inside the working directory (symbolic links resolved), or
            inside a directory allowed with --allow-dir; otherwise the run stops with exit code 2,
            as it does when the working directory itself no longer exists. Imports resolve next
            to the file a block's data-pos names only when its real directory is inside the
            working directory.
            """,
        options: [
            .value("--allow-dir", "DIR", repeatable: true,
                   "also let the image directory (baton-dir, or a baton-diagrams link) be DIR or below it"),
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
        // What a document reads and writes is confined to the working directory, so there must
        // be one: in a deleted directory, '../x' looks inside by its name and is not.
        guard let workingDirectory = resolvedWorkingDirectory() else {
            return Terminal.fail("the working directory no longer exists (or cannot be resolved): a document's images and "
                                 + "imports are confined to it", help: "run pandoc from an existing directory")
        }
        let defaults = PandocOptions(imageDirectory: defaultDirectory, onError: .fail, theme: .light, version: Baton.version,
                                     importsMayResolveNextTo: { importsMayResolve(nextTo: $0, workingDirectory: workingDirectory) })
        let options: PandocOptions
        do { options = try PandocFilter.options(from: document, defaults: defaults) } catch { return Terminal.fail(error.message, help: error.help) }
        // Decided before anything is created: `createDirectory` follows links.
        if let refusal = refusal(options.imageDirectory, fromMetadata: PandocFilter.requestedDirectory(in: document) != nil,
                                 workingDirectory: workingDirectory, allowed: arguments.values("--allow-dir")) {
            return refusal
        }
        let reads = ReadLog()
        let result = PandocFilter.run(document, format: format, options: options, render: Baton.diagramRenderer(read: reads.read))
        let reporter = TextReporter(color: false)
        for diagnostic in result.diagnostics { Terminal.error(reporter.format(diagnostic)) }
        if result.failed { return Terminal.Exit.inputFault }
        for file in result.files {
            do {
                try FileManager.default.createDirectory(atPath: PathName.directory(of: file.path), withIntermediateDirectories: true)
                // The directory was checked above; the writer checks where each file really lands
                // too, so nothing created or swapped in meanwhile can lead outside.
                let confinement = AtomicWrite.Options(protected: reads.protected,
                                                      confinedTo: [workingDirectory] + arguments.values("--allow-dir").map(FileReader.canonical),
                                                      confinementHelp: "allow it with --allow-dir, or name a directory below the working directory")
                try AtomicWrite.write(Array(file.contents.utf8), to: file.path, options: confinement)
            } catch let error as AtomicWrite.Failure {
                return Terminal.fail(error.message, help: error.help)
            } catch {
                return Terminal.fail("cannot create '\(PathName.directory(of: file.path))': \(error.localizedDescription)")
            }
        }
        Terminal.write(result.document.serialized(pretty: false))
        return Terminal.Exit.success
    }

    /// The image directory when the metadata names none.
    static let defaultDirectory = "baton-diagrams"

    /// The working directory's real path, or nil when it has none: deleted (`getcwd` fails),
    /// or its name now leads to another directory.
    static func resolvedWorkingDirectory() -> String? {
        let named = FileManager.default.currentDirectoryPath
        guard named.hasPrefix("/"), let real = FileReader.realPath(named), real.hasPrefix("/") else { return nil }
        var here = stat()
        var there = stat()
        guard stat(".", &here) == 0, stat(real, &there) == 0, here.st_dev == there.st_dev, here.st_ino == there.st_ino else { return nil }
        return real
    }

    /// Whether a block's imports may resolve next to `path`, the file its `data-pos` names:
    /// the directory they would resolve from — the file's real directory, symbolic links
    /// followed (its own too) — must lie inside the working directory. By name alone,
    /// `docs/x.md` is inside even when `docs` is a link to `/etc`.
    static func importsMayResolve(nextTo path: String, workingDirectory: String) -> Bool {
        let real = PathName.normalize(FileReader.canonical(PathName.normalize(path)))
        return PathName.isInside(PathName.directory(of: real), root: workingDirectory)
    }

    /// The error for an image directory outside the working directory and every `--allow-dir`,
    /// or nil.
    ///
    /// A document is input, often someone else's: its metadata must not be able to write images
    /// to `/etc` or `../../elsewhere`. Both sides are compared as real paths, so a symbolic link
    /// inside the working directory cannot lead outside either — the default `baton-diagrams`
    /// included. Checked for every format, so a document fails the same way whether or not this
    /// run writes images.
    static func refusal(_ directory: String, fromMetadata: Bool, workingDirectory: String, allowed: [String]) -> Int32? {
        let resolved = FileReader.canonical(directory)
        let roots = [workingDirectory] + allowed.map(FileReader.canonical)
        guard !roots.contains(where: { PathName.isInside(resolved, root: $0) }) else { return nil }
        let outside = "outside the working directory\(allowed.isEmpty ? "" : " and every --allow-dir")"
        guard fromMetadata else {
            return Terminal.fail("the image directory '\(directory)' resolves to \(resolved): \(outside)",
                                 help: "make '\(directory)' a directory rather than a link, name another one with the metadata field "
                                     + "\(PandocFilter.directoryField), or allow this one with --allow-dir \(resolved)")
        }
        return Terminal.fail("the metadata field \(PandocFilter.directoryField) names '\(directory)', which resolves to \(resolved): \(outside)",
                             help: "name a directory below the working directory, or allow this one with --allow-dir \(resolved)")
    }
}
