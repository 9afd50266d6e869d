import Baton
import BatonJSON
import BatonSyntax
import Foundation

/// Standard streams, exit codes and terminal capabilities.
///
/// Output never traps: a write error on standard output (a full disk, a closed descriptor) is
/// reported as "cannot write standard output: …" and ends the run with exit status 2; a broken
/// pipe (the reader went away, as in `baton check | head`) ends it quietly with the status a
/// SIGPIPE would have given, whether or not the parent ignored that signal. Errors writing
/// standard error are ignored: there is nowhere left to report them.
enum Terminal {
    /// 0 success; 1 the input is at fault; 2 the invocation is at fault (see docs/cli.md).
    enum Exit {
        static let success: Int32 = 0
        static let inputFault: Int32 = 1
        static let usageFault: Int32 = 2
        /// 128 + SIGPIPE, as shells report a process that a broken pipe ended.
        static let brokenPipe: Int32 = 128 + SIGPIPE
    }

    static func write(_ text: String) {
        // A native string hands out its bytes without a copy: a report of hundreds of MB is
        // not held twice.
        var text = text
        text.withUTF8 { writeBytes($0) }
    }

    static func writeBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeBytes($0) }
    }

    static func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        do {
            try SystemIO.writeAll(STDOUT_FILENO, bytes)
        } catch {
            if error.code == EPIPE { exit(Exit.brokenPipe) }
            self.error("baton: error: cannot write standard output: \(error.message)\n")
            exit(Exit.usageFault)
        }
    }

    static func error(_ text: String) {
        try? SystemIO.writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// Standard output (or standard error) through a buffer: a report is written in chunks of
    /// `ByteOutput.chunkSize` while it is being made, never held whole. Failures are handled as
    /// by `writeBytes` and `error`.
    static func buffered(standardError: Bool = false) -> ByteOutput {
        ByteOutput { bytes in
            if standardError { try? SystemIO.writeAll(STDERR_FILENO, bytes) } else { writeBytes(bytes) }
        }
    }

    /// Prints "baton: error: …" (and a help line) to stderr; returns the usage exit code.
    /// Messages often quote what the user typed (paths, names), so control characters are shown
    /// escaped rather than sent to the terminal.
    @discardableResult
    static func fail(_ message: String, help: String? = nil, code: Int32 = Exit.usageFault) -> Int32 {
        var text = "baton: error: \(ControlCharacters.visible(message))\n"
        if let help { text += "  help: \(ControlCharacters.visible(help))\n" }
        error(text)
        return code
    }

    /// Prints "baton: warning: …" (and a help line) to stderr: the run goes on.
    static func warn(_ message: String, help: String? = nil) {
        var text = "baton: warning: \(ControlCharacters.visible(message))\n"
        if let help { text += "  help: \(ControlCharacters.visible(help))\n" }
        error(text)
    }

    /// Whether standard error is a terminal: someone is watching, so a line saying what was done
    /// helps; in a pipe or a CI log it would only be noise.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty —
    /// not even with `--color always`.
    static func colorEnabled(_ choice: String?, stream: Int32 = STDOUT_FILENO) -> Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        switch choice {
        case "always": return true
        case "never": return false
        default: return isatty(stream) == 1
        }
    }

    /// All of standard input; an error (standard input is a directory, or closed) is the
    /// invocation's fault.
    static func readStandardInput() throws(InputError) -> [UInt8] {
        do {
            return try FileReader.readAll(STDIN_FILENO, what: "standard input")
        } catch {
            throw InputError(message: "cannot read standard input: \(error.reason)",
                             help: "pass a file instead of '-', or pipe a design in: baton check - < design.baton")
        }
    }
}
