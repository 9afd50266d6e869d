import Foundation

/// Standard streams, exit codes and terminal capabilities.
enum Terminal {
    /// SPEC §8: 0 success; 1 the input is at fault; 2 the invocation is at fault.
    enum Exit {
        static let success: Int32 = 0
        static let inputFault: Int32 = 1
        static let usageFault: Int32 = 2
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints "baton: error: …" (and a help line) to stderr; returns the usage exit code.
    @discardableResult
    static func fail(_ message: String, help: String? = nil, code: Int32 = Exit.usageFault) -> Int32 {
        var text = "baton: error: \(message)\n"
        if let help { text += "  help: \(help)\n" }
        error(text)
        return code
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    /// SPEC §8 says never with `NO_COLOR` set, so it wins even over `--color always`.
    static func colorEnabled(_ choice: String?, stream: Int32 = STDOUT_FILENO) -> Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        switch choice {
        case "always": return true
        case "never": return false
        default: return isatty(stream) == 1
        }
    }

    static func readStandardInput() -> [UInt8] {
        Array(FileHandle.standardInput.readDataToEndOfFile())
    }
}
