import BatonJSON
import BatonSyntax

/// The findings a team has accepted for now (`baton check --write-baseline FILE`): with
/// `--baseline FILE`, only findings that are not in it are reported, so `--fail-on warning` can
/// be turned on over designs that already have warnings, and new ones still fail the run.
///
/// The file is JSON, written in one deterministic order (file, rule, message, fingerprint) so
/// that rewriting it after a change shows a small diff in review:
///
///     {
///       "version": 1,
///       "findings": [
///         {"fingerprint": "6c1f0e2a9b3d4c5e:1", "rule": "sync-cycle", "file": "designs/checkout.baton",
///          "message": "synchronous call cycle: Orders -> Billing -> Orders"}
///       ]
///     }
///
/// Only `fingerprint` (see `Fingerprint`) decides whether a finding is known; `file` says which
/// files the entry belongs to (an entry counts as fixed only when its file was checked), and
/// `rule` and `message` are there for people reading the file and the "fixed" list. Paths are
/// relative to the baseline's own directory, so the file works from any working directory and
/// in any clone. Compile errors are never recorded: a design that does not compile is not
/// checked by the rules at all, so nothing about it can be "known".
public struct Baseline: Hashable, Sendable {
    public static let version = 1

    public struct Entry: Hashable, Sendable {
        /// `HASH:N`, as `Fingerprint.numbered` makes it.
        public var fingerprint: String
        public var rule: String
        /// Relative to the baseline's directory, `/`-separated.
        public var file: String
        public var message: String

        public init(fingerprint: String, rule: String, file: String, message: String) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.file = file
            self.message = message
        }

        /// By file, rule, message, then fingerprint: as comparing the four as a tuple would,
        /// field by field (a tuple of four strings on each side, made for every comparison,
        /// retained and released eight texts; sorting a large baseline was a fifth of writing it).
        static func inFileOrder(_ lhs: Entry, _ rhs: Entry) -> Bool {
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            if lhs.message != rhs.message { return lhs.message < rhs.message }
            return lhs.fingerprint < rhs.fingerprint
        }
    }

    /// Sorted by file, rule, message and fingerprint.
    public private(set) var entries: [Entry]

    public init(entries: [Entry]) {
        // Their positions are sorted, then the entries gathered once: sorting the entries
        // themselves moved four strings at every step (entries equal in all four fields are
        // the same entry, so the order of ties does not show).
        let order = entries.indices.sorted { Entry.inFileOrder(entries[$0], entries[$1]) }
        self.entries = order.map { entries[$0] }
    }

    /// The baseline of `diagnostics` (all of a run's reported diagnostics, in source order):
    /// one entry per rule finding. `path` gives a diagnostic's file relative to the baseline's
    /// directory.
    public init(recording diagnostics: [ReportedDiagnostic], path: (String) -> String) {
        // Diagnostics come a file at a time: each file's path is worked out once per run of it.
        var last: (file: String, path: String)?
        func relative(_ file: String) -> String {
            if let last, last.file.utf8.elementsEqual(file.utf8) { return last.path }
            let relative = path(file)
            last = (file, relative)
            return relative
        }
        let fingerprints = Fingerprint.numbered(diagnostics) { relative($0.file) }
        self.init(entries: zip(diagnostics, fingerprints).compactMap { diagnostic, fingerprint in
            guard Self.canRecord(diagnostic) else { return nil }
            return Entry(fingerprint: fingerprint, rule: diagnostic.code, file: relative(diagnostic.file), message: diagnostic.message)
        })
    }

    /// Rule findings can be recorded; compile errors cannot (see above).
    public static func canRecord(_ diagnostic: ReportedDiagnostic) -> Bool {
        !CompileError.isCompileError(diagnostic.code)
    }

    /// The file's text: pretty JSON and a final line break.
    public var text: String {
        let findings = entries.map { entry -> JSONValue in
            .object([
                ("fingerprint", .string(entry.fingerprint)),
                ("rule", .string(entry.rule)),
                ("file", .string(entry.file)),
                ("message", .string(entry.message)),
            ])
        }
        return JSONValue.object([("version", .int(Self.version)), ("findings", .array(findings))]).serialized(pretty: true) + "\n"
    }

    /// Reads a baseline file. Members it does not know are ignored (a later version 1 may add
    /// some); a missing or mistyped one is an error that says where.
    public static func parse(_ bytes: [UInt8]) throws(BaselineError) -> Baseline {
        // Parsed without noting where each value is (a pointer string and a table entry for
        // each of a large baseline's hundreds of thousands of values cost as much as the rest
        // of reading it); a baseline found wrong is parsed again for where.
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw BaselineError(line: error.line, column: error.column, message: "invalid JSON: \(error.message)")
        }
        func fail(_ pointer: [String], _ message: String) -> BaselineError {
            let location = (try? JSONDocument.parse(bytes))?.valueLocation(JSONDocument.pointer(pointer))
            return BaselineError(line: location?.line, column: location?.column, message: message)
        }
        guard value.objectValue != nil else { throw fail([], "a baseline is a JSON object with 'version' and 'findings'") }
        guard let version = value["version"] else { throw fail([], "the baseline has no 'version'") }
        guard version.numberValue == Double(Self.version) else {
            throw fail(["version"], "unsupported baseline version \(version.serialized(pretty: false)); this baton reads version \(Self.version)")
        }
        guard let findings = value["findings"]?.arrayValue else { throw fail([], "the baseline has no 'findings' array") }
        var entries: [Entry] = []
        for (index, finding) in findings.enumerated() {
            let pointer = ["findings", String(index)]
            guard finding.objectValue != nil else { throw fail(pointer, "finding \(index + 1) is not an object") }
            func string(_ key: String, required: Bool = true) throws(BaselineError) -> String {
                if let value = finding[key]?.stringValue, !value.isEmpty || !required { return value }
                if finding[key] == nil, !required { return "" }
                throw fail(finding[key] == nil ? pointer : pointer + [key], "finding \(index + 1) needs '\(key)' (a non-empty string)")
            }
            entries.append(Entry(fingerprint: try string("fingerprint"), rule: try string("rule"), file: try string("file"),
                                 message: try string("message", required: false)))
        }
        return Baseline(entries: entries)
    }
}

/// A baseline file that cannot be used: where in it, and why.
public struct BaselineError: Error, Hashable, Sendable {
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(line: Int? = nil, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path[:line:column]: message`
    public func description(path: String) -> String {
        var location = ControlCharacters.visible(path)
        if let line, let column { location += ":\(line):\(column)" }
        return "\(location): \(message)"
    }
}
