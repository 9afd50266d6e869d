import BatonCheck
import BatonModel
import Foundation

/// Finds and reads `.baton.json`: `--config PATH` for every input, else the nearest file found by
/// walking up from each input's directory (standard input: the current directory). Files are read
/// once however many inputs share them.
///
/// It lives in the façade, not the command line, so `baton check` and the language server find
/// the same file for the same design.
public struct ConfigurationFiles: Sendable {
    private var explicit: Configuration?
    private var byDirectory: [String: Configuration] = [:]
    private var byPath: [String: Configuration] = [:]

    /// Finds the nearest file for every design (no explicit file).
    public init() {}

    /// Reads `--config PATH` up front, so a broken explicit file fails before any work.
    public init(explicitPath: String?) throws(ConfigurationError) {
        if let explicitPath {
            explicit = try ConfigurationParser.parse(try Self.contents(explicitPath, shownAs: explicitPath, pipes: true), path: explicitPath)
        }
    }

    /// The configuration for a design in `directory` (an absolute, normalized path): the
    /// explicit one, else the nearest `.baton.json` found walking up, else the defaults.
    public mutating func configuration(forDirectory directory: String) throws(ConfigurationError) -> Configuration {
        if let explicit { return explicit }
        return try lookUp(from: directory)
    }

    private mutating func lookUp(from directory: String) throws(ConfigurationError) -> Configuration {
        if let cached = byDirectory[directory] { return cached }
        var visited: [String] = []
        var current = directory
        var found = Configuration.defaults
        while true {
            if let cached = byDirectory[current] {
                found = cached
                break
            }
            visited.append(current)
            let candidate = current == "/" ? "/" + Configuration.fileName : current + "/" + Configuration.fileName
            // Anything by that name but a directory is read — a link to nothing or a file nobody
            // may read is an error that says so, not a configuration silently ignored.
            var status = stat()
            if lstat(candidate, &status) == 0, stat(candidate, &status) != 0 || status.st_mode & S_IFMT != S_IFDIR {
                found = try read(candidate)
                break
            }
            let parent = PathName.directory(of: current)
            if parent == current || current == "/" { break }
            current = parent
        }
        for directory in visited { byDirectory[directory] = found }
        return found
    }

    private mutating func read(_ path: String) throws(ConfigurationError) -> Configuration {
        if let cached = byPath[path] { return cached }
        let shown = Self.displayPath(path)
        let configuration = try ConfigurationParser.parse(try Self.contents(path, shownAs: shown), path: shown)
        byPath[path] = configuration
        return configuration
    }

    /// `pipes`: the user named the file (`--config <(generate)` reads a pipe); a configuration
    /// found by walking up must be a regular file.
    private static func contents(_ path: String, shownAs shown: String, pipes: Bool = false) throws(ConfigurationError) -> [UInt8] {
        do {
            return try FileReader.contents(of: path, pipes: pipes)
        } catch {
            throw ConfigurationError(path: shown, message: "cannot read the configuration file: \(error.reason)",
                                     help: error.isDirectory ? "give the \(Configuration.fileName) file itself, not its directory" : nil)
        }
    }

    /// Relative to the current directory when below it, for messages.
    public static func displayPath(_ path: String) -> String {
        let base = PathName.normalize(FileManager.default.currentDirectoryPath)
        if PathName.isInside(path, root: base), path != base {
            return base == "/" ? String(path.dropFirst()) : String(path.dropFirst(base.count + 1))
        }
        return path
    }
}
