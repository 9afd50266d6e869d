import Baton
import BatonCheck
import BatonDiff
import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax
import Foundation

/// `baton diff OLD NEW` and `baton diff --git REV [FILE...]`: what two designs differ in, by
/// meaning. The comparison is the library's (`Differ`, the writers and `DiffDiagram` in
/// BatonDiff); this command reads the two sides — files, standard input, or a git revision
/// against the working tree — compiles and checks them, and sets the exit status as `diff`
/// does: 0 equal, 1 different, 2 an error.
enum DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        summary: "Compare two designs by meaning: elements added, removed, renamed and changed, findings new and resolved, numbers that moved",
        usage: "baton diff [OPTIONS] [FILE]...   (OLD NEW, or --git REV [FILE]...)",
        discussion: """
            OLD and NEW are .baton files (either may be '-' for standard input). With --git REV, each
            FILE in the working tree is compared with the same file at git revision REV, its imports
            read at REV too; without FILE, every design whose text changed since REV and every design
            that imports one. A design missing on one side compares as an empty design.
            Participants match by name, interactions by initiator, arrow, passive end and label; a
            participant whose name alone changed (same kind, attributes and interactions, and no other
            candidate) is reported as renamed. Matched elements are compared attribute by attribute
            (old value -> new value). Both designs are checked with the configuration found for NEW
            (or --config PATH): findings are matched by their SARIF fingerprint, so a finding that only
            moved is not new. Worst-case waits, retry amplification, composite availability and fan-out
            that moved are listed too. Reformatting and comments make no difference.
            --format text (coloured on a terminal), json (documented in docs/diff.md, schema in
            schema/baton-diff.schema.json) or markdown (for a pull-request comment). --to svg draws
            the graph view of both designs at once instead: added in green, removed in red and dashed,
            changed in amber, with a key.
            Exit status: 0 when the designs mean the same, 1 when they differ, 2 for a usage or I/O
            error or a design that does not compile (its errors are reported as 'baton check' reports
            them, on standard error).
            """,
        options: [
            .value("--git", "REV", "compare the working tree with git revision REV (a commit, branch or tag): the FILEs named, "
                   + "else every design that changed and every design that imports one"),
            .choice("--format", "FORMAT", DiffFormat.self, "report format"),
            .value("--to", "FORMAT", choices: ["svg"], "draw the difference instead of reporting it: the graph view of both designs, "
                   + "added green, removed red and dashed, changed amber"),
            .value("--output", short: "-o", "OUT", "write to OUT instead of standard output"),
            .value("--theme", "THEME", choices: Theme.Name.allCases.map(\.rawValue), "with --to svg: colours (default light)"),
            .value("--direction", "DIR", choices: LayoutDirection.allCases.map(\.rawValue),
                   "with --to svg: edges run left to right or top to bottom (default LR)"),
            .value("--graph-limit", "N", "with --to svg: the most participants and connections laid out together (default 50,000)"),
            .value("--config", "PATH", "check both designs with this configuration file instead of the .baton.json found for NEW"),
            .importRoot,
            .color("colour the text report (default auto: only on a terminal, never with NO_COLOR)"),
            .force,
        ],
        examples: [
            "baton diff old.baton new.baton",
            "baton diff --format json before.baton after.baton > changes.json",
            "baton diff --git main --format markdown > comment.md   # every design changed since main",
            "baton diff --git HEAD~1 samples/card-payments.baton",
            "baton diff --git origin/main design.baton --to svg -o changes.svg",
            "git show HEAD:design.baton | baton diff - design.baton",
        ])

    /// One design to compare, compiled.
    struct Side {
        var label: String
        var compilation: Compilation
        /// What reports call its files, when not their compilation names (`REV:path`).
        var fileNames: [String]? = nil
    }

    /// Two sides and the input whose configuration checks them.
    struct Pair {
        var old: Side
        var new: Side
        var configurationInput: InputFile
    }

    static func run(_ arguments: ParsedArguments) -> Int32 {
        let drawing = arguments.value("--to") == "svg"
        if !drawing, let option = ["--theme", "--direction", "--graph-limit"].first(where: arguments.has) {
            return Terminal.fail("\(option) applies to the diagram only", help: "add --to svg, or drop \(option)")
        }
        if drawing, arguments.has("--format") {
            return Terminal.fail("--to svg draws the difference instead of reporting it", help: "drop --format, or drop --to svg")
        }
        var graphLimit = RenderOptions.defaultGraphLimit
        if drawing {
            guard let limit = RenderCommand.graphLimit(arguments) else { return Terminal.Exit.usageFault }
            graphLimit = limit
        }
        let reads = ReadLog()
        let output = arguments.outputPath
        var writeOptions = AtomicWrite.Options(force: arguments.has("--force"))

        let pairs: [Pair]
        do {
            if let revision = arguments.value("--git") {
                pairs = try gitPairs(revision: revision, files: arguments.positional, importRoots: arguments.importRoots, reads: reads)
            } else {
                pairs = try filePairs(arguments.positional, importRoots: arguments.importRoots, reads: reads)
            }
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if let output {
            writeOptions.protected = reads.protected
            do { try AtomicWrite.check(output, options: writeOptions) } catch { return Terminal.fail(error.message, help: error.help) }
        }
        // A design that does not compile has no meaning to compare: its errors, as check reports them.
        let broken = pairs.flatMap { [$0.old, $0.new] }.filter(\.compilation.hasErrors)
        if !broken.isEmpty {
            let reporter = TextReporter(color: Terminal.colorEnabled(arguments.value("--color"), stream: STDERR_FILENO))
            for side in broken {
                let reported = side.compilation.diagnostics.filter { $0.severity == .error }
                    .map { ReportedDiagnostic($0, sources: side.compilation.sources) }
                Terminal.error(reporter.report(reported, files: 1, omitted: OmittedErrors.of(side.compilation)))
            }
            return Terminal.fail("cannot compare: \(English.plural(broken.count, "design")) \(broken.count == 1 ? "does" : "do") not compile",
                                 help: "fix the errors above, then compare again")
        }
        var configurations = [Configuration]()
        do {
            var files = try ConfigurationFiles(explicitPath: arguments.value("--config"))
            for pair in pairs { configurations.append(try files.configuration(for: pair.configurationInput)) }
        } catch {
            return Terminal.fail("invalid configuration: \(error.description)", help: error.help)
        }
        let workingDirectory = FileManager.default.currentDirectoryPath
        var sides: [(old: DesignSide, new: DesignSide)] = []
        var diffs: [DesignDiff] = []
        for (pair, configuration) in zip(pairs, configurations) {
            let (old, new) = Concurrently.both(
                { DesignSide(label: pair.old.label, compilation: pair.old.compilation, configuration: configuration,
                             fileNames: pair.old.fileNames) },
                { DesignSide(label: pair.new.label, compilation: pair.new.compilation, configuration: configuration,
                             fileNames: pair.new.fileNames) })
            sides.append((old, new))
            diffs.append(Differ.diff(old: old, new: new, workingDirectory: workingDirectory))
        }
        let status = diffs.allSatisfy(\.isEmpty) ? Terminal.Exit.success : Terminal.Exit.inputFault

        let text: String
        if drawing {
            guard sides.count == 1, let only = sides.first, let diff = diffs.first else {
                return Terminal.fail("--to svg draws one comparison, and this run has \(sides.count)",
                                     help: "name one FILE after --git REV")
            }
            let options = DiffDiagram.Options(
                theme: arguments.value("--theme").flatMap(Theme.Name.init(rawValue:)) ?? .light,
                direction: arguments.value("--direction").flatMap(LayoutDirection.init(rawValue:)) ?? .leftToRight,
                graphLimit: graphLimit)
            do {
                text = try DiffDiagram.svg(old: only.old, new: only.new, diff: diff, options: options)
            } catch {
                return Terminal.fail(error.message, help: error.help)
            }
        } else {
            switch arguments.choice("--format", DiffFormat.self) {
            case .text:
                let color = output == nil && Terminal.colorEnabled(arguments.value("--color"))
                text = diffs.isEmpty && arguments.value("--git") != nil
                    ? "no design changed since \(arguments.value("--git") ?? "")\n"
                    : DiffTextWriter(color: color).write(diffs)
            case .json:
                text = DiffJSONWriter.write(diffs)
            case .markdown:
                text = diffs.isEmpty ? "No design changed.\n" : DiffMarkdownWriter.write(diffs)
            }
        }
        KeptUntilExit.keep((pairs, sides, diffs))
        guard let output else {
            Terminal.write(text)
            return status
        }
        writeOptions.protected = reads.protected
        do {
            try AtomicWrite.write(Array(text.utf8), to: output, options: writeOptions)
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        return status
    }

    // MARK: - Two files

    static func filePairs(_ paths: [String], importRoots: [String], reads: ReadLog) throws(InputError) -> [Pair] {
        guard paths.count == 2 else {
            throw InputError(message: paths.count < 2 ? "baton diff compares two designs: give OLD and NEW"
                                 : "baton diff compares two designs, not \(paths.count)",
                             help: "baton diff old.baton new.baton, or baton diff --git REV [FILE...]")
        }
        guard !(paths[0] == "-" && paths[1] == "-") else {
            throw InputError(message: "standard input can be one of the two designs, not both", help: "git show HEAD:x.baton | baton diff - x.baton")
        }
        var inputs: [InputFile] = []
        for (path, role) in zip(paths, ["the old design", "the new design"]) {
            inputs.append(try InputFiles.one(path, command: "diff"))
            if path == "-" { reads.recordStandardInput(role: role + " (read as standard input)") } else { reads.record(path, role: role) }
        }
        let old = inputs[0], new = inputs[1]
        let options = CompileOptions(importRoots: importRoots)
        let (oldCompilation, newCompilation) = Concurrently.both(
            { Baton.compile(bytes: old.bytes, displayPath: old.displayPath, options: options, read: reads.read) },
            { Baton.compile(bytes: new.bytes, displayPath: new.displayPath, options: options, read: reads.read) })
        return [Pair(old: Side(label: old.displayPath, compilation: oldCompilation),
                     new: Side(label: new.displayPath, compilation: newCompilation), configurationInput: new)]
    }

    // MARK: - A git revision and the working tree

    static func gitPairs(revision: String, files: [String], importRoots: [String], reads: ReadLog) throws(InputError) -> [Pair] {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let git: DiffGit
        do {
            git = try DiffGit(revision: revision, near: workingDirectory)
        } catch {
            throw InputError(message: error.message, help: error.help)
        }
        // Each design as the user names it, and where it lies in the repository.
        var designs: [(shown: String, repositoryPath: String)] = []
        if files.isEmpty {
            designs = try discover(git, importRoots: importRoots).map { path in
                (PathName.relative(from: FileReader.canonical(workingDirectory), to: PathName.join(git.top, path)), path)
            }
        } else {
            for file in files {
                guard file != "-" else {
                    throw InputError(message: "--git compares files of the working tree, not standard input",
                                     help: "git show \(revision):design.baton | baton diff - design.baton")
                }
                guard let path = git.repositoryPath(FileReader.canonical(FileReader.absolute(file))) else {
                    throw InputError(message: "'\(file)' is not in the git repository '\(git.top)'")
                }
                designs.append((file, path))
            }
        }
        var pairs: [Pair] = []
        for design in designs {
            let absolute = PathName.join(git.top, design.repositoryPath)
            let oldBytes: [UInt8]?
            do {
                oldBytes = try git.contents(design.repositoryPath)
            } catch {
                throw InputError(message: error.message, help: error.help)
            }
            let options = CompileOptions(importRoots: importRoots)
            // The new side: the working tree (a design deleted there compares as an empty one).
            let newInput: InputFile
            if FileManager.default.fileExists(atPath: absolute) || oldBytes == nil {
                newInput = try InputFiles.read(design.shown, command: "diff")
                reads.record(design.shown, role: "the new design")
            } else {
                newInput = InputFile(displayPath: design.shown, bytes: [])
            }
            let new = Baton.compile(bytes: newInput.bytes, displayPath: newInput.displayPath, options: options, read: reads.read)
            // The old side: the revision, its imports read at the revision too.
            let label = "\(revision):\(design.repositoryPath)"
            let old = Compiler.compile(SourceInput(displayPath: label, resolvedPath: FileReader.canonical(absolute), bytes: oldBytes ?? []),
                                       options: CompileOptions(importRoots: importRoots.map(FileReader.canonical)),
                                       read: git.reader(), canonical: { PathName.normalize($0) })
            // Every file of the old design is named by its place in the revision.
            let oldNames = old.resolvedPaths.map { path in git.repositoryPath(path).map { "\(revision):\($0)" } ?? path }
            pairs.append(Pair(old: Side(label: label, compilation: old, fileNames: oldNames),
                              new: Side(label: design.shown, compilation: new), configurationInput: newInput))
        }
        return pairs
    }

    /// The designs to compare when no FILE is named: those whose text changed since the
    /// revision, and the tracked ones that import one of them (found by compiling them).
    static func discover(_ git: DiffGit, importRoots: [String]) throws(InputError) -> [String] {
        let changed: [String]
        let tracked: [String]
        do {
            changed = try git.changedDesigns()
            tracked = try git.trackedDesigns()
        } catch {
            throw InputError(message: error.message, help: error.help)
        }
        let changedPaths = Set(changed.map { PathName.join(git.top, $0) })
        var result = changed
        for path in tracked where !changedPaths.contains(PathName.join(git.top, path)) {
            let absolute = PathName.join(git.top, path)
            guard let bytes = FileReader.read(absolute) else { continue }
            let compilation = Baton.compile(bytes: bytes, displayPath: absolute, options: CompileOptions(importRoots: importRoots))
            if compilation.resolvedPaths.dropFirst().contains(where: changedPaths.contains) { result.append(path) }
        }
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
