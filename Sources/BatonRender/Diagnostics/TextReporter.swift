import BatonCheck
import BatonSyntax

/// The human format (SPEC §8): a `file:line:col: severity[code]: message` header that editors
/// and CI problem matchers understand, then the source line with carets, notes and help.
///
///     checkout.baton:14:3: error[sync-cycle]: synchronous call cycle: Orders -> Billing -> Orders
///        |
///     14 |   Billing -> Orders : getOrder
///        |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
///        = note: Orders -> Billing at checkout.baton:9:3
///        = help: break the cycle with an async message through a queue
public struct TextReporter: Sendable {
    /// ANSI colours; callers turn them on only for a terminal and never with `NO_COLOR`.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func format(_ diagnostic: ReportedDiagnostic) -> String {
        let severityColor: String = switch diagnostic.severity {
        case .error: "31"
        case .warning: "33"
        case .info, .off: "36"
        }
        let gutterWidth = String(diagnostic.line).count + 1
        let pad = String(repeating: " ", count: gutterWidth)
        var out = paint("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column):", "1") + " "
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]:", "1;" + severityColor) + " "
        out += paint(diagnostic.message, "1") + "\n"
        let bar = paint("|", "34")
        out += pad + bar + "\n"
        let lineText = Self.printable(diagnostic.sourceLine)
        out += paint(String(diagnostic.line), "34") + String(repeating: " ", count: gutterWidth - String(diagnostic.line).count)
        out += bar + (lineText.isEmpty ? "" : " " + lineText) + "\n"
        let scalars = Array(lineText.unicodeScalars)
        let startIndex = min(max(0, diagnostic.column - 1), scalars.count)
        let endIndex = diagnostic.endLine == diagnostic.line ? min(max(startIndex, diagnostic.endColumn - 1), scalars.count) : scalars.count
        var indent = ""
        for scalar in scalars[0..<startIndex] { indent += scalar == "\t" ? "\t" : " " }
        let carets = String(repeating: "^", count: max(1, endIndex - startIndex))
        out += pad + bar + " " + indent + paint(carets, "1;" + severityColor) + "\n"
        for note in diagnostic.notes {
            var text = note.message
            if let file = note.file, let line = note.line, let column = note.column {
                text += " at \(file):\(line):\(column)"
            }
            out += pad + paint("= note:", "1") + " " + text + "\n"
        }
        if let help = diagnostic.help {
            out += pad + paint("= help:", "1") + " " + help + "\n"
        }
        return out
    }

    /// The closing line: "2 errors, 1 warning in 3 files" or "no problems in 3 files".
    public func summary(_ summary: DiagnosticSummary) -> String {
        var parts: [String] = []
        if summary.errors > 0 { parts.append(Describe.plural(summary.errors, "error")) }
        if summary.warnings > 0 { parts.append(Describe.plural(summary.warnings, "warning")) }
        if summary.infos > 0 { parts.append(Describe.plural(summary.infos, "info")) }
        let files = Describe.plural(summary.files, "file")
        if parts.isEmpty { return "no problems in \(files)\n" }
        return parts.joined(separator: ", ") + " in \(files)\n"
    }

    public func report(_ diagnostics: [ReportedDiagnostic], files: Int) -> String {
        var out = ""
        for diagnostic in diagnostics { out += format(diagnostic) + "\n" }
        return out + summary(DiagnosticSummary(files: files, diagnostics: diagnostics))
    }

    /// Replaces control characters (other than tab) so a hostile source line cannot send
    /// escape sequences to the terminal.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                result.unicodeScalars.append("\u{FFFD}")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
