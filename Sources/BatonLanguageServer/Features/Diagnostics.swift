import Baton
import BatonCheck
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
    /// `codeMembers` per code.
    private var codeMembers: [String: [UInt8]] = [:]

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
    /// in source order, as values (`lists` writes the same as the bytes the server sends).
    public mutating func byFile(_ diagnostics: [Diagnostic]) -> [(file: FileID, diagnostics: [JSONValue])] {
        var grouped: [[JSONValue]] = Array(repeating: [], count: compilation.sources.files.count)
        for diagnostic in diagnostics.sorted(by: Diagnostic.sourceOrder) {
            let file = diagnostic.span.file.rawValue
            guard file >= 0, file < grouped.count else { continue }
            grouped[file].append(json(diagnostic))
        }
        return grouped.enumerated().compactMap { index, items in items.isEmpty ? nil : (FileID(index), items) }
    }

    /// What `byFile` gives, written straight to the bytes a notification carries: the same
    /// JSON as `json(_:)` for each diagnostic, without making the values (a large design's
    /// diagnostics as `JSONValue`s were a quarter of an analysis). Positions in a file are
    /// converted by cursors that go forward with the diagnostics (see `PositionCursor`); what
    /// every diagnostic of a code repeats (code, link, source) is written once and copied.
    public mutating func lists(_ diagnostics: [Diagnostic]) -> [(file: FileID, diagnostics: DiagnosticList)] {
        let count = compilation.sources.files.count
        var writer = DiagnosticWriter(indexes: (0..<count).map { converter(FileID($0)).index },
                                      uris: (0..<count).map { file in
                                          var bytes = JSONBytes()
                                          bytes.string(uri(FileID(file)))
                                          return bytes.bytes
                                      },
                                      encoding: encoding)
        let sorted = Self.inSourceOrder(diagnostics)
        var out: [(file: FileID, diagnostics: DiagnosticList)] = []
        var first = 0
        while first < sorted.count {
            // The diagnostics of one file: sorted by file first.
            let file = sorted[first].span.file.rawValue
            var end = first + 1
            while end < sorted.count, sorted[end].span.file.rawValue == file { end += 1 }
            defer { first = end }
            guard file >= 0, file < count else { continue }
            var list = DiagnosticList(reservingCapacity: (end - first) * 1024)
            writer.startFile(file)
            for index in first..<end {
                let code = sorted[index].code
                let shared = codeMembers[code] ?? {
                    let made = Self.codeMembers(code, href: href(of: code))
                    codeMembers[code] = made
                    return made
                }()
                list.write { writer.write(sorted[index], severity: Self.severity(sorted[index].severity), codeMembers: shared, into: &$0) }
            }
            out.append((FileID(file), list))
        }
        return out
    }

    /// `,"code":…,"codeDescription":{"href":…},"source":"baton","message":`: the members
    /// between a diagnostic's severity and its message, the same for every diagnostic of a code.
    static func codeMembers(_ code: String, href: String?) -> [UInt8] {
        var out = JSONBytes()
        out.raw(",\"code\":")
        out.string(code)
        if let href {
            out.raw(",\"codeDescription\":{\"href\":")
            out.string(href)
            out.raw("}")
        }
        out.raw(",\"source\":\"baton\",\"message\":")
        return out.bytes
    }

    /// The diagnostics sorted by `Diagnostic.sourceOrder`; not copied when they already are
    /// (a check returns them so).
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Diagnostic.areInSourceOrder(diagnostics) ? diagnostics : diagnostics.sorted(by: Diagnostic.sourceOrder)
    }

    /// `codeDescription.href` of a code, looked up once per code rather than per diagnostic.
    private mutating func href(of code: String) -> String? {
        if let known = documentation[code] { return known }
        let href = Baton.documentationURI(forCode: code)
        documentation[code] = href
        return href
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
        if let href = href(of: diagnostic.code) {
            members.append(("codeDescription", .object([("href", .string(href))])))
        }
        members.append(("source", .string("baton")))
        members.append(("message", .string(message)))
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        var titles = diagnostic.fixes.map { JSONValue.string($0.title) }
        if diagnostic.suppressionLineStart != nil { titles.append(.string(SuppressionFix.title(for: diagnostic.code))) }
        if !titles.isEmpty {
            // Lets a client tell a fixable diagnostic apart; code actions recompute the fixes.
            members.append(("data", .object([("fixes", .array(titles))])))
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
