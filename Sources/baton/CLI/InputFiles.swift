import Baton
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
/// below it (sorted, hidden and build directories skipped), anything else is read as a file.
enum InputFiles {
    /// The inputs of `baton COMMAND PATH...`, or nil after telling the user what is wrong (no
    /// path given, a path that cannot be read, a directory without designs, or — when `single`
    /// — more than one file).
    static func gather(_ arguments: ParsedArguments, command: String, single: Bool = false) -> [InputFile]? {
        guard !arguments.positional.isEmpty else {
            let what = single ? "one file or '-'" : "one or more files, directories or '-'"
            Terminal.fail("no input: give \(what)", help: "baton \(command) design.baton")
            return nil
        }
        do {
            let inputs = try collect(arguments.positional)
            if single, inputs.count != 1 {
                Terminal.fail("'baton \(command)' takes one file, not \(inputs.count)", help: "baton \(command) design.baton")
                return nil
            }
            return inputs
        } catch {
            Terminal.fail(error.message, help: error.help)
            return nil
        }
    }

    static func collect(_ paths: [String]) throws(InputError) -> [InputFile] {
        var files: [InputFile] = []
        for path in paths {
            if path == "-" {
                files.append(InputFile(displayPath: "<stdin>", bytes: try Terminal.readStandardInput()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(message: "no such file or directory: '\(path)'")
            }
            if isDirectory.boolValue {
                let found = batonFiles(below: path)
                if found.isEmpty {
                    throw InputError(message: "no .baton files found under '\(path)'")
                }
                for file in found {
                    var input = try read(file)
                    input.searchRoot = path
                    files.append(input)
                }
            } else {
                files.append(try read(path))
            }
        }
        return files
    }

    static func read(_ path: String) throws(InputError) -> InputFile {
        do {
            return InputFile(displayPath: path, bytes: try FileReader.contents(of: path))
        } catch {
            throw InputError(message: "cannot read '\(path)': \(error.reason)")
        }
    }

    /// Every `*.baton` file below a directory, sorted by path (byte order, so every machine
    /// agrees).
    static func batonFiles(below directory: String) -> [String] {
        var result: [String] = []
        var pending = [directory]
        // Directories already walked, by real path: a symbolic link cycle is walked once.
        var visited = Set<String>()
        while let current = pending.popLast() {
            guard visited.insert(URL(fileURLWithPath: current).resolvingSymlinksInPath().path).inserted else { continue }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            for entry in entries {
                if entry.hasPrefix(".") { continue }
                let path = current.hasSuffix("/") ? current + entry : current + "/" + entry
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if entry.hasSuffix(".baton") {
                    result.append(path)
                }
            }
        }
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
