import BatonSyntax

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
/// diagnostic, escaped the way GitHub's toolkit escapes them, then a plain summary line.
///
///     ::error file=checkout.baton,line=14,col=3,endLine=14,endColumn=31,title=baton (sync-cycle)::synchronous call cycle…
///
/// Text from the input is made visible (`ControlCharacters.visible`) before it is escaped: a
/// line break in a label becomes `\n` inside the message rather than a second line of it, and
/// an escape sequence cannot reach the log viewer or a terminal. Errors the per-file cap left
/// out are one more `::error` on that file, saying how many.
public enum GitHubReporter {
    /// The summary (and, with a baseline, `BaselineSummary.text`) is plain log text after the
    /// annotations: fixed baseline entries have no line to annotate.
    public static func report(_ diagnostics: [ReportedDiagnostic], files: Int, omitted: [OmittedErrors] = [],
                              baseline: BaselineSummary? = nil) -> String {
        var out = ""
        for entry in OmittedErrors.entries(diagnostics, omitted: omitted) {
            switch entry {
            case .diagnostic(let diagnostic): out += annotation(diagnostic) + "\n"
            case .omitted(let omitted): out += annotation(omitted) + "\n"
            }
        }
        return out + TextReporter().summary(DiagnosticSummary(files: files, diagnostics: diagnostics, omitted: omitted))
            + (baseline?.text ?? "")
    }

    /// `::error file=design.baton,title=baton::2899 more errors not shown (…)`
    public static func annotation(_ omitted: OmittedErrors) -> String {
        let file = escapeProperty(ControlCharacters.visible(omitted.file))
        return "::error file=\(file),title=baton::\(escapeData(omitted.message))"
    }

    public static func annotation(_ diagnostic: ReportedDiagnostic) -> String {
        let command: String = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .off: "notice"
        }
        let visible = ControlCharacters.visible
        var properties: [(String, String)] = [("file", visible(diagnostic.file)), ("line", String(diagnostic.line))]
        // GitHub rejects col/endColumn on annotations that span several lines.
        if diagnostic.endLine == diagnostic.line {
            properties += [("col", String(diagnostic.column)), ("endLine", String(diagnostic.endLine)),
                           ("endColumn", String(max(diagnostic.endColumn, diagnostic.column + 1)))]
        } else {
            properties.append(("endLine", String(diagnostic.endLine)))
        }
        properties.append(("title", "baton (\(diagnostic.code))"))
        var message = visible(diagnostic.message)
        for note in diagnostic.notes {
            message += "\nnote: " + visible(note.message)
            if let file = note.file, let line = note.line, let column = note.column { message += " at \(visible(file)):\(line):\(column)" }
        }
        if let help = diagnostic.help { message += "\nhelp: " + visible(help) }
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(list)::\(escapeData(message))"
    }

    /// Message text: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Property values: as data, plus `:` and `,`, which separate properties.
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
