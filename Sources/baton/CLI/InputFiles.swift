import Baton
import BatonCheck
import BatonModel
import BatonSyntax
import Foundation

/// One input: a file on disk or standard input.
struct InputFile: Sendable {
    /// As shown in diagnostics: the path as the user typed it (or found below a directory).
    var displayPath: String
    var bytes: [UInt8]
    /// The directory argument the file was found below, if any: its designs may import each
    /// other from anywhere inside it.
    var searchRoot: String?
    var isStandardInput: Bool { displayPath == "<stdin>" }
}

struct InputError: Error {
    var message: String
    var help: String?
}

/// Turns command-line paths into input files: `-` is stdin, a directory means every `*.baton`
/// below it (sorted, hidden directories skipped), anything else is read as a file.
///
/// Whatever cannot be read is reported with why — "Permission denied", "it is a directory",
/// "Too many levels of symbolic links", a link to nothing — never skipped in silence, since a
/// design that is not read is a design that is not checked.
enum InputFiles {
    /// The inputs of `baton COMMAND PATH...`, or nil after telling the user what is wrong (no
    /// path given, a path that cannot be read, a directory without designs, or — when `single`
    /// — more than one file, or a directory).
    static func gather(_ arguments: ParsedArguments, command: String, single: Bool = false, jobs: Int = 1) -> [InputFile]? {
        guard !arguments.positional.isEmpty else {
            let what = single ? "one file or '-'" : "one or more files, directories or '-'"
            Terminal.fail("no input: give \(what)", help: "baton \(command) design.baton")
            return nil
        }
        do {
            if single, arguments.positional.count != 1 {
                Terminal.fail("'baton \(command)' takes one file, not \(arguments.positional.count)", help: "baton \(command) design.baton")
                return nil
            }
            return single ? [try one(arguments.positional[0], command: command)] : try collect(arguments.positional, jobs: jobs)
        } catch {
            Terminal.fail(error.message, help: error.help)
            return nil
        }
    }

    /// The files `paths` name, in order. Directories are walked and standard input is read
    /// first, in order, then the files are read `jobs` at a time; the error reported is the one
    /// reading them in order would meet first.
    static func collect(_ paths: [String], jobs: Int = 1) throws(InputError) -> [InputFile] {
        enum Planned: Sendable {
            case file(path: String, searchRoot: String?)
            case read(InputFile)
            case failure(InputError)
        }
        var plan: [Planned] = []
        planning: for path in paths {
            if path == "-" {
                do {
                    plan.append(.read(InputFile(displayPath: "<stdin>", bytes: try Terminal.readStandardInput())))
                } catch {
                    plan.append(.failure(error))
                    break planning
                }
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                plan.append(.failure(InputError(message: "cannot read '\(path)': \(FileReader.Failure(path: path, errno: errno).reason)")))
                break planning
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                plan.append(.file(path: path, searchRoot: nil))
                continue
            }
            do {
                let found = try batonFiles(below: path)
                if found.isEmpty {
                    plan.append(.failure(InputError(message: "no .baton files found under '\(path)'")))
                    break planning
                }
                plan += found.map { .file(path: $0, searchRoot: path) }
            } catch {
                plan.append(.failure(error))
                break planning
            }
        }
        let planned = plan
        let outcomes = ParallelWork.map(count: planned.count, jobs: jobs) { index -> Result<InputFile, InputError> in
            switch planned[index] {
            case .read(let input): return .success(input)
            case .failure(let error): return .failure(error)
            case .file(let path, let searchRoot):
                do throws(InputError) {
                    var input = try InputFiles.read(path)
                    input.searchRoot = searchRoot
                    return .success(input)
                } catch {
                    return .failure(error)
                }
            }
        }
        var files: [InputFile] = []
        files.reserveCapacity(outcomes.count)
        for result in outcomes {
            switch result {
            case .success(let input): files.append(input)
            case .failure(let error): throw error
            }
        }
        return files
    }

    /// The one input of a command that takes one: a file, or standard input for `-`. A
    /// directory is an error that points to `baton check`.
    static func one(_ path: String, command: String) throws(InputError) -> InputFile {
        path == "-" ? InputFile(displayPath: "<stdin>", bytes: try Terminal.readStandardInput()) : try read(path, command: command)
    }

    /// The file at `path`, or an error saying why it cannot be read. `command` names the command
    /// that wanted one file, for the advice when `path` is a directory.
    static func read(_ path: String, command: String? = nil) throws(InputError) -> InputFile {
        do {
            return InputFile(displayPath: path, bytes: try FileReader.contents(of: path, pipes: true))
        } catch {
            var help: String?
            if error.isDirectory {
                help = command == "markdown" ? "give a Markdown file, such as \(ShellWords.quoted(PathName.join(path, "README.md")))"
                    : "give a .baton file, or check every design below it with: " + ShellWords.join(["baton", "check", path])
            }
            throw InputError(message: "cannot read '\(path)': \(error.reason)", help: help)
        }
    }

    /// Every `*.baton` file below a directory, sorted by path (byte order, so every machine
    /// agrees). Hidden entries are skipped; a subdirectory that cannot be listed is an error, and
    /// so is a `*.baton` entry that is not a regular file or a link to one (a link to nothing,
    /// a link loop, a named pipe), or whose name is not UTF-8: each would otherwise drop a
    /// design from the run unseen. A symbolic link that leads out of the directory is not
    /// followed (with a warning): `baton fmt repo` must not rewrite files elsewhere.
    static func batonFiles(below directory: String) throws(InputError) -> [String] {
        try files(below: directory, wanted: { $0.hasSuffix(".baton") }, strict: true)
    }

    /// Every regular file below a directory whose name `wanted` accepts, sorted by path; hidden
    /// entries skipped, links out of the directory not followed, each directory walked once.
    /// `strict` is for designs (see `batonFiles`): a wanted entry Baton cannot read is an error
    /// and a link out is named in a warning. Without it (trace files) both are passed over.
    static func files(below directory: String, wanted: (String) -> Bool, strict: Bool) throws(InputError) -> [String] {
        var result: [String] = []
        var pending = [directory]
        let root = FileReader.realPath(directory) ?? directory
        // Directories already walked, by real path: a symbolic link cycle is walked once.
        var visited = Set<String>()
        while let current = pending.popLast() {
            guard visited.insert(FileReader.realPath(current) ?? current).inserted else { continue }
            let entries: [FileReader.Entry]
            do {
                entries = try FileReader.entries(of: current)
            } catch {
                throw InputError(message: "cannot read the directory '\(current)': \(error.reason)",
                                 help: strict ? "make it readable, or name the designs beside it one by one" : nil)
            }
            for entry in entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
                if entry.name.hasPrefix(".") { continue }
                let path = current.hasSuffix("/") ? current + entry.name : current + "/" + entry.name
                let isWanted = wanted(entry.name)
                guard entry.isUTF8 else {
                    // A design, or a directory that could hold designs, that Baton cannot name.
                    if strict, isWanted || entry.mayBeDirectory {
                        throw InputError(message: "cannot read '\(ControlCharacters.visible(path))': its name is not UTF-8",
                                         help: "rename it: Baton names files in UTF-8 in every report")
                    }
                    continue
                }
                if entry.isRegularFile {
                    // The listing already says what `stat` and `lstat` would: a regular file,
                    // not a link. (Two system calls per file were a tenth of a large tree's walk.)
                    if isWanted { result.append(path) }
                    continue
                }
                var status = stat()
                guard stat(path, &status) == 0 else {
                    // A broken entry that is not a design is none of Baton's business.
                    if strict, isWanted { throw InputError(message: "cannot read '\(path)': \(FileReader.Failure(path: path, errno: errno).reason)") }
                    continue
                }
                let type = status.st_mode & S_IFMT
                guard type == S_IFDIR || (type == S_IFREG && isWanted) else {
                    if strict, isWanted {
                        throw InputError(message: "cannot read '\(path)': it is \(FileReader.describe(status.st_mode)), not a regular file",
                                         help: "below a directory Baton reads regular files only; name it on the command line to read it anyway")
                    }
                    continue
                }
                var link = stat()
                if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK,
                   let real = FileReader.realPath(path), !PathName.isInside(real, root: root) {
                    if strict {
                        Terminal.error("baton: warning: not following '\(ControlCharacters.visible(path))': it is a symbolic link out of '\(ControlCharacters.visible(directory))' (to '\(ControlCharacters.visible(real))')\n")
                    }
                    continue
                }
                if type == S_IFDIR { pending.append(path) } else { result.append(path) }
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
