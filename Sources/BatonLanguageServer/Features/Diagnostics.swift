import Baton
import BatonJSON
import BatonModel
import BatonSyntax

/// Turns Baton diagnostics into LSP `Diagnostic`s, grouped by the file they point into.
///
/// A diagnostic keeps everything `baton check` prints: the message, notes and help. Notes with
/// a place become `relatedInformation` (in their own file's URI); notes without one and the
/// help line are appended to the message, since editors show nothing else.
public struct DiagnosticMapping {
    public let compilation: Compilation
    public let encoding: PositionEncoding
    /// The URI to publish a file of the compilation under.
    public let uri: (FileID) -> String
    private var converters: [PositionConverter?]
    /// `codeDescription.href` per code, looked up once per code rather than per diagnostic.
    private var documentation: [String: String?] = [:]

    public init(compilation: Compilation, encoding: PositionEncoding, uri: @escaping (FileID) -> String) {
        self.compilation = compilation
        self.encoding = encoding
        self.uri = uri
        self.converters = Array(repeating: nil, count: compilation.sources.files.count)
    }

    /// The converter of one file, built on first use.
    public mutating func converter(_ file: FileID) -> PositionConverter {
        if let known = converters[file.rawValue] { return known }
        let made = PositionConverter(source: compilation.sources[file], encoding: encoding)
        converters[file.rawValue] = made
        return made
    }

    /// Every file of the compilation that has diagnostics, in file order, with its diagnostics
    /// in source order.
    public mutating func byFile(_ diagnostics: [Diagnostic]) -> [(file: FileID, diagnostics: [JSONValue])] {
        var grouped: [[JSONValue]] = Array(repeating: [], count: compilation.sources.files.count)
        for diagnostic in diagnostics.sorted(by: Diagnostic.sourceOrder) {
            let file = diagnostic.span.file.rawValue
            guard file >= 0, file < grouped.count else { continue }
            grouped[file].append(json(diagnostic))
        }
        return grouped.enumerated().compactMap { index, items in items.isEmpty ? nil : (FileID(index), items) }
    }

    public mutating func json(_ diagnostic: Diagnostic) -> JSONValue {
        var message = diagnostic.message
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            if let span = note.span, span.file.rawValue < compilation.sources.files.count {
                related.append(.object([
                    ("location", .object([("uri", .string(uri(span.file))), ("range", converter(span.file).range(of: span).json)])),
                    ("message", .string(note.message)),
                ]))
            } else {
                message += "\nnote: " + note.message
            }
        }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        var members: [(String, JSONValue)] = [
            ("range", converter(diagnostic.span.file).range(of: diagnostic.span).json),
            ("severity", .int(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.code)),
        ]
        let href: String?
        if let known = documentation[diagnostic.code] {
            href = known
        } else {
            href = Baton.documentationURI(forCode: diagnostic.code)
            documentation[diagnostic.code] = href
        }
        if let href {
            members.append(("codeDescription", .object([("href", .string(href))])))
        }
        members.append(("source", .string("baton")))
        members.append(("message", .string(message)))
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        if !diagnostic.fixes.isEmpty {
            // Lets a client tell a fixable diagnostic apart; code actions recompute the fixes.
            members.append(("data", .object([("fixes", .array(diagnostic.fixes.map { .string($0.title) }))])))
        }
        return .object(members)
    }

    /// LSP `DiagnosticSeverity`: 1 error, 2 warning, 3 information.
    public static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info, .off: 3
        }
    }
}
