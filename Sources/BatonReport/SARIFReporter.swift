import BatonCheck
import BatonJSON
import BatonModel
import BatonSyntax

/// SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer): one run whose driver
/// lists every rule with its documentation, and one result per diagnostic with a relative
/// location, related locations for notes, and a fingerprint that survives line shifts.
///
/// Errors the per-file cap left out become a tool execution notification of the run's
/// invocation, one per file, with the count: SARIF's place for "the results are incomplete".
public enum SARIFReporter {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public struct Tool: Sendable {
        public var name: String
        public var version: String
        public var informationURI: String

        public init(name: String, version: String, informationURI: String) {
            self.name = name
            self.version = version
            self.informationURI = informationURI
        }
    }

    /// A rule as SARIF lists it: the lint rules, then the compile errors.
    struct RuleEntry {
        var id: String
        var level: Severity
        var summary: String
        var fullDescription: String
        var helpText: String
        var helpMarkdown: String
    }

    static var ruleEntries: [RuleEntry] {
        Rules.descriptors.map { descriptor in
            RuleEntry(id: descriptor.id, level: descriptor.defaultSeverity, summary: RuleDocumentation.plain(descriptor.summary),
                      fullDescription: RuleDocumentation.plain(descriptor.rationale),
                      helpText: RuleDocumentation.explanation(descriptor),
                      helpMarkdown: RuleDocumentation.markdownSection(descriptor, headingLevel: 2))
        } + CompileErrorDocumentation.all.map { entry in
            RuleEntry(id: entry.code, level: .error, summary: entry.summary, fullDescription: entry.summary,
                      helpText: entry.summary + ". " + CompileErrorDocumentation.policy,
                      helpMarkdown: "## \(entry.code)\n\n\(entry.summary).\n\n\(CompileErrorDocumentation.policy)\n")
        }
    }

    /// - Parameter workingDirectory: absolute paths below it are written relative to it.
    ///
    /// With a baseline, every result is `"baselineState": "new"` (the others were left out), the
    /// run's `properties` count the known findings left out (`baselined`) and the fixed ones
    /// (`baselineFixed`), and each fixed finding is a `note` among the invocation's tool
    /// execution notifications, on its file: never a result, which code scanning would open as
    /// an alert.
    public static func report(_ diagnostics: [ReportedDiagnostic], tool: Tool, workingDirectory: String,
                              omitted: [OmittedErrors] = [], baseline: BaselineSummary? = nil) -> String {
        let output = ByteOutput()
        var stream = Stream(output, tool: tool, workingDirectory: workingDirectory, omitted: omitted, baseline: baseline)
        for diagnostic in diagnostics { stream.write(diagnostic) }
        stream.finish()
        return output.text
    }

    /// `report` written as it is made. The log names what the results leave out (omitted
    /// errors, a baseline's fixed findings) before the results, so all of that is given first;
    /// then each result is written as it comes.
    public struct Stream {
        private var json: JSONStream
        private let workingDirectory: String
        private let baseline: BaselineSummary?
        private let ruleIndex: [String: Int]
        private var numbering = Fingerprint.Numbering()

        public init(_ output: ByteOutput, tool: Tool, workingDirectory: String, omitted: [OmittedErrors] = [],
                    baseline: BaselineSummary? = nil) {
            self.workingDirectory = workingDirectory
            self.baseline = baseline
            let entries = ruleEntries
            var ruleIndex: [String: Int] = [:]
            for (index, entry) in entries.enumerated() { ruleIndex[entry.id] = index }
            self.ruleIndex = ruleIndex
            json = JSONStream(output)
            json.beginObject()
            json.member("$schema", schema)
            json.member("version", "2.1.0")
            json.key("runs")
            json.beginArray()
            json.beginObject()
            json.member("tool", .object([("driver", .object([
                ("name", .string(tool.name)),
                ("semanticVersion", .string(tool.version)),
                ("informationUri", .string(tool.informationURI)),
                ("rules", .array(entries.map(SARIFReporter.rule))),
            ]))]))
            func notification(_ level: String, _ message: String, file: String) -> JSONValue {
                .object([
                    ("level", .string(level)),
                    ("message", .object([("text", .string(message))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([
                            ("uri", .string(relativeURI(file, workingDirectory: workingDirectory))),
                            ("uriBaseId", .string("%SRCROOT%")),
                        ])),
                    ]))])])),
                ])
            }
            let notifications = omitted.map { notification("warning", $0.message, file: $0.file) }
                + (baseline?.fixed ?? []).map { entry in
                    notification("note", "fixed since the baseline was written: \(entry.rule)"
                                 + (entry.message.isEmpty ? "" : ": \(entry.message)"), file: entry.file)
                }
            if !notifications.isEmpty {
                json.member("invocations", .array([.object([
                    ("executionSuccessful", .bool(true)),
                    ("toolExecutionNotifications", .array(notifications)),
                ])]))
            }
            json.member("columnKind", "unicodeCodePoints")
            json.key("results")
            json.beginArray()
        }

        public mutating func write(_ diagnostic: ReportedDiagnostic) {
            let uri = relativeURI(diagnostic.file, workingDirectory: workingDirectory)
            // Numbered before `result` is called: as its argument, the count was raised while
            // the call held a copy of this stream, so every finding copied the whole table.
            let fingerprint = numbering.next(diagnostic, path: uri)
            json.value(result(diagnostic, uri: uri, fingerprint: fingerprint))
        }

        /// Closes the log and flushes the output.
        public mutating func finish() {
            json.endArray()
            if let baseline {
                json.member("properties", .object([("baselined", .int(baseline.known)), ("baselineFixed", .int(baseline.fixed.count))]))
            }
            json.endObject()
            json.endArray()
            json.endObject()
            json.drain()
            json.output.write(UInt8(ascii: "\n"))
            json.output.flush()
        }

        private func result(_ diagnostic: ReportedDiagnostic, uri: String, fingerprint: String) -> JSONValue {
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\nhelp: " + help }
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code))]
            if let index = ruleIndex[diagnostic.code] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(level(diagnostic.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([.object([("physicalLocation", physicalLocation(
                    uri: uri, startLine: diagnostic.line, startColumn: diagnostic.column,
                    endLine: diagnostic.endLine, endColumn: diagnostic.endColumn))])])),
                ("partialFingerprints", .object([("primaryLocationLineHash", .string(fingerprint))])),
            ]
            let related = diagnostic.notes.enumerated().compactMap { index, note -> JSONValue? in
                guard let file = note.file, let line = note.line, let column = note.column else { return nil }
                return .object([
                    ("id", .int(index + 1)),
                    // A note's file is mostly the finding's: its URI is made once. (Compared
                    // by bytes: two paths that are one text in two Unicode forms are two files.)
                    ("physicalLocation", physicalLocation(uri: file.utf8.elementsEqual(diagnostic.file.utf8) ? uri
                                                              : relativeURI(file, workingDirectory: workingDirectory),
                                                          startLine: line, startColumn: column, endLine: nil, endColumn: nil)),
                    ("message", .object([("text", .string(note.message))])),
                ])
            }
            if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
            // Suppressions are left out: a SARIF fix resolves the problem, and a consumer that
            // applies fixes in bulk must not silence findings (SARIF records those apart).
            let fixes = diagnostic.fixes.filter { !$0.isSuppression }.map { fix($0, workingDirectory: workingDirectory) }
            if !fixes.isEmpty { members.append(("fixes", .array(fixes))) }
            if baseline != nil { members.append(("baselineState", .string("new"))) }
            return .object(members)
        }
    }

    /// A rule as the driver lists it.
    static func rule(_ entry: RuleEntry) -> JSONValue {
        .object([
            ("id", .string(entry.id)),
            ("name", .string(entry.id)),
            ("shortDescription", .object([("text", .string(entry.summary))])),
            ("fullDescription", .object([("text", .string(entry.fullDescription))])),
            ("help", .object([("text", .string(entry.helpText)), ("markdown", .string(entry.helpMarkdown))])),
            ("defaultConfiguration", .object([("level", .string(level(entry.level)))])),
            ("properties", .object([("tags", .array([.string("design"), .string("control-flow")]))])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .off: "note"
        }
    }

    /// SARIF 2.1.0 §3.55: one artifact change per file, each edit a replacement of a region
    /// (an empty region inserts).
    static func fix(_ fix: ReportedFix, workingDirectory: String) -> JSONValue {
        var files: [String] = []
        for edit in fix.edits where !files.contains(edit.file) { files.append(edit.file) }
        let changes = files.map { file -> JSONValue in
            .object([
                ("artifactLocation", .object([("uri", .string(relativeURI(file, workingDirectory: workingDirectory))),
                                              ("uriBaseId", .string("%SRCROOT%"))])),
                ("replacements", .array(fix.edits.filter { $0.file == file }.map { edit in
                    .object([
                        ("deletedRegion", .object([
                            ("startLine", .int(edit.start.line)), ("startColumn", .int(edit.start.column)),
                            ("endLine", .int(edit.end.line)), ("endColumn", .int(edit.end.column)),
                        ])),
                        ("insertedContent", .object([("text", .string(edit.newText))])),
                    ])
                })),
            ])
        }
        return .object([("description", .object([("text", .string(fix.title))])), ("artifactChanges", .array(changes))])
    }

    static func physicalLocation(uri: String, startLine: Int, startColumn: Int, endLine: Int?, endColumn: Int?) -> JSONValue {
        var region: [(String, JSONValue)] = [("startLine", .int(startLine)), ("startColumn", .int(startColumn))]
        if let endLine, let endColumn {
            region += [("endLine", .int(endLine)), ("endColumn", .int(max(endColumn, endLine == startLine ? startColumn + 1 : 1)))]
        }
        return .object([
            ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
            ("region", .object(region)),
        ])
    }

    /// A path relative to the working directory, `/`-separated and percent-encoded as a URI
    /// reference (`<stdin>` becomes `%3Cstdin%3E`).
    public static func relativeURI(_ path: String, workingDirectory: String) -> String {
        var relative = PathName.normalize(path)
        let base = PathName.normalize(workingDirectory)
        if relative.hasPrefix("/"), PathName.isInside(relative, root: base) {
            relative = base == "/" ? String(relative.dropFirst()) : String(relative.dropFirst(base.count + 1))
        }
        return percentEncoded(relative)
    }

    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
