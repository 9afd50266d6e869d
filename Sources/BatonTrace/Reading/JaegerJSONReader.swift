import BatonJSON

// Jaeger's JSON, as its UI and HTTP API export traces:
//
//   {"data":[{"traceID":"…","spans":[{"traceID","spanID","operationName",
//              "references":[{"refType":"CHILD_OF","traceID","spanID"}],
//              "startTime":µs,"duration":µs,"tags":[{"key","type","value"}],"processID":"p1"}],
//             "processes":{"p1":{"serviceName":"…","tags":[…]}}}]}
//
// A trace's processes may come after its spans, so a trace is one batch: its spans wait for
// the processes that name their services. The kind is the `span.kind` tag; the status the
// `error` tag (or `otel.status_code`). The parent is the first CHILD_OF reference, else the first
// FOLLOWS_FROM reference within the trace; references to other traces become links.

extension TraceDocumentReader {
    /// A span as read, before its process is known.
    struct JaegerSpan {
        var span: TraceSpan
        var processID: String?
        var process: TraceResource?
    }

    mutating func readJaegerTraceArray() throws(JSONStreamError) {
        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
            guard try reader.expectContainer(.object) else { return }
            try reader.readJaegerTraceMembers(firstKeyRead: false)
        }
    }

    /// The members of a trace object whose `{` was read (and, with `firstKeyRead`, its first key).
    mutating func readJaegerTraceMembers(firstKeyRead: Bool) throws(JSONStreamError) {
        flush()
        var spans: [JaegerSpan] = []
        var processes: [(id: String, resource: TraceResource)] = []
        var pending = firstKeyRead
        while true {
            if !pending, !(try json.nextKey()) { break }
            pending = false
            if json.keyIs("spans") {
                try inKey("spans") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                        if let span = try reader.readJaegerSpan() { spans.append(span) }
                    }
                }
            } else if json.keyIs("processes") {
                try inKey("processes") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    guard try reader.expectContainer(.object) else { return }
                    while try reader.json.nextKey() {
                        let id = reader.json.keyString
                        if let process = try reader.readJaegerProcess() { processes.append((id, process)) }
                    }
                }
            } else {
                try json.skipValue()
            }
        }
        var unknownProcesses: [String] = []
        for var entry in spans {
            if let process = entry.process {
                entry.span.resource = process
            } else if let id = entry.processID, let process = processes.first(where: { $0.id == id }) {
                entry.span.resource = process.resource
            } else if let id = entry.processID, !unknownProcesses.contains(id) {
                unknownProcesses.append(id)
            }
            add(entry.span)
        }
        for id in unknownProcesses {
            warn("no process '\(id)' in 'processes': its spans are read as of an unknown service")
        }
        flush()
    }

    mutating func readJaegerProcess() throws(JSONStreamError) -> TraceResource? {
        guard try expectContainer(.object) else { return nil }
        var name: String?
        var attributes = TraceAttributes()
        while try json.nextKey() {
            if json.keyIs("serviceName") {
                name = try readText()
            } else if json.keyIs("tags") {
                attributes = try readJaegerTags()
            } else {
                try json.skipValue()
            }
        }
        if let name, attributes["service.name"] == nil { attributes.entries.insert(TraceAttribute("service.name", .string(name)), at: 0) }
        return TraceResource(serviceName: name ?? attributes.text("service.name") ?? TraceResource.unknownService,
                             serviceNamespace: attributes.text("service.namespace"), attributes: attributes)
    }

    mutating func readJaegerSpan() throws(JSONStreamError) -> JaegerSpan? {
        _ = try json.peek()
        let origin = SpanOrigin(offset: json.offset, line: json.line)
        let column = json.column
        guard try expectContainer(.object) else { return nil }
        var traceText: String?, spanText: String?, parentText: String?
        var name = ""
        var start: Int64?, duration: Int64 = 0
        var tags = TraceAttributes()
        var processID: String?
        var process: TraceResource?
        // (refType, traceID, spanID)
        var references: [(type: String, trace: String?, span: String?)] = []
        while try json.nextKey() {
            if json.keyIs("traceID") {
                traceText = try readText()
            } else if json.keyIs("spanID") {
                spanText = try readText()
            } else if json.keyIs("parentSpanID") {
                parentText = try readText()
            } else if json.keyIs("operationName") {
                name = try readText() ?? ""
            } else if json.keyIs("startTime") {
                start = try readInteger()
            } else if json.keyIs("duration") {
                duration = try readInteger() ?? 0
            } else if json.keyIs("tags") {
                try inKey("tags") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in tags = try reader.readJaegerTags() }
            } else if json.keyIs("processID") {
                processID = try readText()
            } else if json.keyIs("process") {
                process = try readJaegerProcess()
            } else if json.keyIs("references") {
                try inKey("references") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                        guard try reader.expectContainer(.object) else { return }
                        var reference: (type: String, trace: String?, span: String?) = ("", nil, nil)
                        while try reader.json.nextKey() {
                            if reader.json.keyIs("refType") {
                                reference.type = try reader.readText() ?? ""
                            } else if reader.json.keyIs("traceID") {
                                reference.trace = try reader.readText()
                            } else if reader.json.keyIs("spanID") {
                                reference.span = try reader.readText()
                            } else {
                                try reader.json.skipValue()
                            }
                        }
                        references.append(reference)
                    }
                }
            } else {
                try json.skipValue()
            }
        }
        let what = name.isEmpty ? "a span" : "span '\(name)'"
        guard let traceID = requiredID(traceText, key: "traceID", rule: "is not hex (at most 32 digits), or is zero",
                                       parse: TraceID.init(text:), of: what, at: origin, column: column),
              let spanID = requiredID(spanText, key: "spanID", rule: "is not hex (at most 16 digits), or is zero",
                                      parse: SpanID.init(text:), of: what, at: origin, column: column)
        else { return nil }
        guard let start else {
            skipRecord(what, at: origin, column: column, because: "it has no 'startTime'")
            return nil
        }
        var parent = parentText.flatMap(SpanID.init(text:))
        var links: [SpanLink] = []
        for type in ["CHILD_OF", "FOLLOWS_FROM"] {
            for reference in references where reference.type.uppercased() == type {
                guard let span = reference.span.flatMap(SpanID.init(text:)) else { continue }
                let trace = reference.trace.flatMap(TraceID.init(text:)) ?? traceID
                if trace == traceID {
                    if parent == nil { parent = span }
                } else {
                    links.append(SpanLink(traceID: trace, spanID: span))
                }
            }
        }
        let kind = tags["span.kind"].flatMap { SpanKind(word: $0.text) } ?? .unspecified
        let status = Self.status(fromTags: tags)
        let startNanos = start.multipliedReportingOverflow(by: 1000).overflow ? Int64.max : start * 1000
        let durationNanos = duration.multipliedReportingOverflow(by: 1000).overflow ? 0 : max(0, duration) * 1000
        let span = TraceSpan(traceID: traceID, spanID: spanID, parentSpanID: parent == spanID ? nil : parent, name: name, kind: kind,
                             startNanos: startNanos, endNanos: startNanos.addingReportingOverflow(durationNanos).partialValue,
                             status: status, attributes: tags, resource: TraceResource(serviceName: TraceResource.unknownService),
                             links: links, origin: origin)
        return JaegerSpan(span: span, processID: processID, process: process)
    }

    /// `[{"key":"http.route","type":"string","value":"/x"}, …]`; the value is typed by `type`
    /// when it is a string holding a number or a flag.
    mutating func readJaegerTags() throws(JSONStreamError) -> TraceAttributes {
        var attributes = TraceAttributes()
        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
            guard try reader.expectContainer(.object) else { return }
            var key: String?, type: String?
            var value: TraceAttributeValue?
            while try reader.json.nextKey() {
                if reader.json.keyIs("key") {
                    key = try reader.readText()
                } else if reader.json.keyIs("type") {
                    type = try reader.readText()
                } else if reader.json.keyIs("value") {
                    value = try reader.readLooseAttributeValue()
                } else {
                    try reader.json.skipValue()
                }
            }
            guard let key, var value else { return }
            if case .string(let text) = value {
                switch type?.lowercased() {
                case "int64": if let number = Int64(text) { value = .int(number) }
                case "float64": if let number = Double(text) { value = .double(number) }
                case "bool": if let flag = value.flag { value = .bool(flag) }
                default: break
                }
            }
            attributes.add(key, value)
        }
        return attributes
    }

    /// Jaeger and Zipkin have no status: the `error` tag says a span failed, and OpenTelemetry's
    /// exporters add `otel.status_code`.
    static func status(fromTags tags: TraceAttributes) -> SpanStatus {
        if let code = tags["otel.status_code"]?.text.uppercased() {
            if code == "ERROR" { return .error }
            if code == "OK" { return .ok }
        }
        if let error = tags["error"] {
            // Zipkin's `error` holds the message; Jaeger's is a flag.
            if let flag = error.flag { return flag ? .error : .unset }
            return .error
        }
        return .unset
    }
}
