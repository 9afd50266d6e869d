import BatonJSON

/// Reads one trace file, whatever its format, and hands its spans on in batches.
///
/// The file is read a chunk at a time (`JSONStreamReader`): a batch is a resource's spans (OTLP),
/// one trace (Jaeger) or up to `batchSize` spans (Zipkin, and large OTLP resources), so memory
/// holds one batch, not the file. The format is recognised per top-level value: `[` is Zipkin,
/// an object with `resourceSpans` is OTLP, one with `data` (or a bare trace with `traceID` and
/// `spans`) is Jaeger. Several top-level values one after the other (JSON Lines) are read in
/// turn.
///
/// Nothing in a file can crash or hang the reader. A record that is wrong (an id that is not
/// hex, a kind that does not exist) is left out with a warning naming it; JSON that stops
/// making sense ends the file with an error — except in JSON Lines, where reading resumes at
/// the next line that starts a new object. The problems are capped per file (`TraceProblemLog`).
public struct TraceFileReader {
    /// What reading a file found, besides its spans.
    public struct Summary: Sendable {
        /// The formats of its top-level values, in the order first seen.
        public var formats: [TraceFormat] = []
        /// Spans handed on.
        public var spans = 0
        public var problems: TraceProblemLog
    }

    /// Reads `source` (named `file` in problems) to its end, calling `emit` with each batch.
    public static func read(_ source: any JSONByteSource, file: String, batchSize: Int = 4096,
                            problemLimit: Int = TraceProblemLog.defaultLimit,
                            emit: @escaping ([TraceSpan]) -> Void) -> Summary {
        var reader = TraceDocumentReader(json: JSONStreamReader(source: source), file: file, batchSize: batchSize,
                                         problems: TraceProblemLog(limit: problemLimit), emit: emit)
        reader.readAll()
        return Summary(formats: reader.formats, spans: reader.spanCount, problems: reader.problems)
    }
}

/// The state of reading one file: the JSON reader, where in the document it is, and the batch
/// being filled. The format readers are its extensions (`OTLPJSONReader.swift`, …).
struct TraceDocumentReader {
    var json: JSONStreamReader
    let file: String
    let batchSize: Int
    var problems: TraceProblemLog
    let emit: ([TraceSpan]) -> Void
    var formats: [TraceFormat] = []
    var spanCount = 0
    var batch: [TraceSpan] = []
    /// Where the reader is in the document, for messages: keys and array indices.
    var path: [PathStep] = []

    enum PathStep {
        case key(String)
        case index(Int)
    }

    init(json: JSONStreamReader, file: String, batchSize: Int, problems: TraceProblemLog, emit: @escaping ([TraceSpan]) -> Void) {
        self.json = json
        self.file = file
        self.batchSize = max(1, batchSize)
        self.problems = problems
        self.emit = emit
    }

    mutating func readAll() {
        var values = 0
        while true {
            do {
                guard try json.hasNextTopLevelValue() else { break }
                path = values == 0 ? [] : [.key("line \(json.line)")]
                try readTopLevelValue()
                values += 1
            } catch {
                flush()
                report(.error, error.message, at: error, record: recordPath)
                guard !error.atEndOfInput, resynchronise() else { break }
                values += 1
            }
        }
        flush()
        if values == 0, problems.total == 0 {
            problems.add(TraceProblem(severity: .error, file: file, offset: 0, line: 1, column: 1, record: nil,
                                      message: "the file is empty: expected OTLP, Jaeger or Zipkin JSON"))
        }
    }

    /// After a syntax error: goes on at the next line that starts with `{`, as a line of JSON
    /// Lines does; false when there is none (a pretty-printed document whose middle is broken
    /// is not read further, since its next lines are not whole values).
    mutating func resynchronise() -> Bool {
        do {
            while try json.skipToNextLine() {
                // A line that does not start a JSON value is skipped too.
                let next = try? json.peek()
                if next == .object, json.column == 1 { return true }
                if next == .end { return false }
            }
        } catch {
            return false
        }
        return false
    }

    mutating func readTopLevelValue() throws(JSONStreamError) {
        switch try json.peek() {
        case .array:
            noteFormat(.zipkin)
            try readZipkinDocument()
        case .object:
            try json.enterObject()
            var recognised = false
            while try json.nextKey() {
                if json.keyIs("resourceSpans") || json.keyIs("resource_spans") {
                    noteFormat(.otlp)
                    recognised = true
                    try inKey("resourceSpans") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in try reader.readOTLPResourceSpansArray() }
                } else if json.keyIs("data") {
                    noteFormat(.jaeger)
                    recognised = true
                    try inKey("data") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in try reader.readJaegerTraceArray() }
                } else if json.keyIs("traceID") || json.keyIs("spans") || json.keyIs("processes") {
                    // A single Jaeger trace, not wrapped in `data`.
                    noteFormat(.jaeger)
                    recognised = true
                    try readJaegerTraceMembers(firstKeyRead: true)
                    return
                } else {
                    try json.skipValue()
                }
            }
            if !recognised {
                throw json.error("not a trace file: expected an object with 'resourceSpans' (OTLP) or 'data' (Jaeger), or an array of Zipkin spans")
            }
        default:
            throw json.error("not a trace file: expected an object with 'resourceSpans' (OTLP) or 'data' (Jaeger), or an array of Zipkin spans")
        }
    }

    mutating func noteFormat(_ format: TraceFormat) {
        if !formats.contains(format) { formats.append(format) }
    }

    // MARK: - Batches

    mutating func add(_ span: TraceSpan) {
        batch.append(span)
        if batch.count >= batchSize { flush() }
    }

    mutating func flush() {
        guard !batch.isEmpty else { return }
        spanCount += batch.count
        emit(batch)
        batch.removeAll(keepingCapacity: true)
    }

    // MARK: - Where we are

    /// Runs `body` with `key` on the path.
    mutating func inKey(_ key: String, _ body: (inout TraceDocumentReader) throws(JSONStreamError) -> Void) throws(JSONStreamError) {
        path.append(.key(key))
        try body(&self)
        path.removeLast()
    }

    /// Walks an array, with each element's index on the path.
    mutating func forEachElement(_ body: (inout TraceDocumentReader) throws(JSONStreamError) -> Void) throws(JSONStreamError) {
        guard try expectContainer(.array) else { return }
        var index = 0
        while try json.nextElement() {
            path.append(.index(index))
            try body(&self)
            path.removeLast()
            index += 1
        }
    }

    /// Whether the next value is a container of that kind; anything else is skipped with a
    /// warning (and false). `null` is skipped quietly: protobuf's mapping writes it for nothing.
    mutating func expectContainer(_ kind: JSONTokenKind) throws(JSONStreamError) -> Bool {
        let found = try json.peek()
        if found == kind {
            if kind == .array { try json.enterArray() } else { try json.enterObject() }
            return true
        }
        if found != .null { warn("expected \(kind == .array ? "an array" : "an object"), found \(Self.describe(found))") }
        try json.skipValue()
        return false
    }

    var recordPath: String? {
        guard !path.isEmpty else { return nil }
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    // MARK: - Problems

    mutating func warn(_ message: String) {
        problems.add(TraceProblem(severity: .warning, file: file, offset: json.offset, line: json.line, column: json.column,
                                  record: recordPath, message: message))
    }

    mutating func report(_ severity: TraceProblem.Severity, _ message: String, at error: JSONStreamError, record: String?) {
        var message = message
        if error.atEndOfInput { message += " (the file may be cut short)" }
        problems.add(TraceProblem(severity: severity, file: file, offset: error.offset, line: error.line, column: error.column,
                                  record: record, message: message))
    }

    /// A warning about a record that was left out, placed where the record starts.
    mutating func skipRecord(_ what: String, at origin: SpanOrigin, column: Int, because reason: String) {
        problems.add(TraceProblem(severity: .warning, file: file, offset: origin.offset, line: origin.line, column: column,
                                  record: recordPath, message: "\(what) left out: \(reason)"))
    }

    /// A record's trace or span id, read from the text under `key`; when it is missing or not
    /// an id (`rule` says what one looks like in this format), the record is left out with a
    /// warning that says which, and this returns nil.
    mutating func requiredID<ID>(_ text: String?, key: String, rule: String, parse: (String) -> ID?,
                                 of what: String, at origin: SpanOrigin, column: Int) -> ID? {
        if let text, let id = parse(text) { return id }
        skipRecord(what, at: origin, column: column, because: text.map { "its '\(key)' \(Self.quoted($0)) \(rule)" } ?? "it has no '\(key)'")
        return nil
    }

    static func describe(_ kind: JSONTokenKind) -> String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .end: "the end of the file"
        }
    }

    // MARK: - Values of any type

    /// A scalar as text (strings as they are, numbers as written, booleans as `true`/`false`);
    /// nil for `null`, and for an array or object, which is skipped.
    mutating func readText() throws(JSONStreamError) -> String? {
        switch try json.peek() {
        case .string: return try json.readString()
        case .number: return try json.readNumberText()
        case .bool: return try json.readBool() ? "true" : "false"
        case .null:
            try json.readNull()
            return nil
        case .object, .array, .end:
            try json.skipValue()
            return nil
        }
    }

    /// A whole number, written as a number or as a string holding one (protobuf's mapping
    /// writes 64-bit integers as strings). Fractions are truncated; nil when it is not a number.
    mutating func readInteger() throws(JSONStreamError) -> Int64? {
        guard let text = try readText() else { return nil }
        if let value = Int64(text) { return value }
        if let value = UInt64(text) { return Int64(clamping: value) }
        if let value = Double(text), value.isFinite, abs(value) < 9.2e18 { return Int64(value) }
        return nil
    }

    /// A JSON value as an attribute value: scalars as they are, arrays of scalars as arrays;
    /// objects are skipped (nil).
    mutating func readLooseAttributeValue() throws(JSONStreamError) -> TraceAttributeValue? {
        switch try json.peek() {
        case .string: return .string(try json.readString())
        case .number:
            let text = try json.readNumberText()
            if let value = Int64(text) { return .int(value) }
            return Double(text).map { .double($0) }
        case .bool: return .bool(try json.readBool())
        case .null:
            try json.readNull()
            return nil
        case .array:
            try json.enterArray()
            var values: [TraceAttributeValue] = []
            while try json.nextElement() {
                if let value = try readLooseAttributeValue() { values.append(value) }
            }
            return .array(values)
        case .object, .end:
            try json.skipValue()
            return nil
        }
    }
}
