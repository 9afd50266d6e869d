import BatonJSON

// OTLP JSON: the protobuf JSON mapping of `TracesData`, as the OpenTelemetry Collector's file
// exporter writes it. Field names come in lowerCamelCase or as in the .proto (both are valid
// protobuf JSON); ids are hex (OTLP's rule) or base64 (protobuf's generic rule); enums are
// numbers or names; 64-bit integers are strings or numbers.
//
//   {"resourceSpans":[{"resource":{"attributes":[…]},
//                      "scopeSpans":[{"scope":{…},"spans":[{"traceId":"…","spanId":"…",…}]}]}]}

extension TraceDocumentReader {
    mutating func readOTLPResourceSpansArray() throws(JSONStreamError) {
        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in try reader.readOTLPResourceSpans() }
    }

    /// One resource's spans. They are handed on when the resource is known: at once when
    /// `resource` comes first (as writers put it), else at the end of the object.
    mutating func readOTLPResourceSpans() throws(JSONStreamError) {
        guard try expectContainer(.object) else { return }
        flush()
        var resource: TraceResource?
        // Spans read before their resource, waiting for it.
        var waiting: [TraceSpan] = []
        let placeholder = TraceResource(serviceName: TraceResource.unknownService)
        while try json.nextKey() {
            if json.keyIs("resource") {
                try inKey("resource") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    resource = try reader.readOTLPResource()
                }
                if let resource {
                    for var span in waiting {
                        span.resource = resource
                        add(span)
                    }
                    waiting.removeAll()
                }
            } else if json.keyIs("scopeSpans") || json.keyIs("scope_spans") || json.keyIs("instrumentationLibrarySpans")
                        || json.keyIs("instrumentation_library_spans") {
                try inKey("scopeSpans") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                        guard try reader.expectContainer(.object) else { return }
                        while try reader.json.nextKey() {
                            guard reader.json.keyIs("spans") else {
                                try reader.json.skipValue()
                                continue
                            }
                            try reader.inKey("spans") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                                try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                                    guard let span = try reader.readOTLPSpan(resource: resource ?? placeholder) else { return }
                                    if resource == nil { waiting.append(span) } else { reader.add(span) }
                                }
                            }
                        }
                    }
                }
            } else {
                try json.skipValue()
            }
        }
        // No resource at all: the spans belong to an unknown service, as in the SDKs.
        for span in waiting { add(span) }
        flush()
    }

    mutating func readOTLPResource() throws(JSONStreamError) -> TraceResource {
        var attributes = TraceAttributes()
        guard try expectContainer(.object) else { return TraceResource(attributes: attributes) }
        while try json.nextKey() {
            if json.keyIs("attributes") {
                try inKey("attributes") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    attributes = try reader.readOTLPAttributes()
                }
            } else {
                try json.skipValue()
            }
        }
        return TraceResource(attributes: attributes)
    }

    /// A span, or nil (with a warning) when it cannot be used: no valid trace or span id.
    mutating func readOTLPSpan(resource: TraceResource) throws(JSONStreamError) -> TraceSpan? {
        _ = try json.peek()
        let origin = SpanOrigin(offset: json.offset, line: json.line)
        let column = json.column
        guard try expectContainer(.object) else { return nil }
        // Ids are parsed from their bytes; the text is kept only when it is not an id, for the message.
        var traceID: TraceID?, spanID: SpanID?, parent: SpanID?
        var traceText: String?, spanText: String?, parentText: String?
        var name = ""
        var kind = SpanKind.unspecified
        var start: Int64?, end: Int64?
        var status = SpanStatus.unset
        var attributes = TraceAttributes()
        var links: [SpanLink] = []
        while try json.nextKey() {
            if json.keyIs("traceId") || json.keyIs("trace_id") {
                (traceID, traceText) = try readID(TraceID.init(utf8:))
            } else if json.keyIs("spanId") || json.keyIs("span_id") {
                (spanID, spanText) = try readID(SpanID.init(utf8:))
            } else if json.keyIs("parentSpanId") || json.keyIs("parent_span_id") {
                (parent, parentText) = try readID(SpanID.init(utf8:))
            } else if json.keyIs("name") {
                name = try readText() ?? ""
            } else if json.keyIs("kind") {
                if let text = try readText() {
                    if let value = SpanKind(otlp: text) { kind = value } else { warn("unknown span kind '\(text)', read as unspecified") }
                }
            } else if json.keyIs("startTimeUnixNano") || json.keyIs("start_time_unix_nano") {
                start = try readInteger()
            } else if json.keyIs("endTimeUnixNano") || json.keyIs("end_time_unix_nano") {
                end = try readInteger()
            } else if json.keyIs("attributes") {
                try inKey("attributes") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    attributes = try reader.readOTLPAttributes()
                }
            } else if json.keyIs("status") {
                status = try readOTLPStatus()
            } else if json.keyIs("links") {
                try inKey("links") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                        if let link = try reader.readOTLPLink() { links.append(link) }
                    }
                }
            } else {
                try json.skipValue()
            }
        }
        let what = name.isEmpty ? "a span" : "span '\(name)'"
        guard let traceID else {
            skipRecord(what, at: origin, column: column, because: traceText.map {
                "its 'traceId' \(Self.quoted($0)) is not 32 hex digits (nor 16 bytes in base64), or is all zeros"
            } ?? "it has no 'traceId'")
            return nil
        }
        guard let spanID else {
            skipRecord(what, at: origin, column: column, because: spanText.map {
                "its 'spanId' \(Self.quoted($0)) is not 16 hex digits (nor 8 bytes in base64), or is all zeros"
            } ?? "it has no 'spanId'")
            return nil
        }
        if parent == nil, let parentText, !parentText.isEmpty, HexID.parse64(parentText) != 0 {
            warn("the 'parentSpanId' \(Self.quoted(parentText)) of \(what) is not 16 hex digits: the span is read as a root")
        }
        guard let start, let end else {
            skipRecord(what, at: origin, column: column, because: "it has no \(start == nil ? "'startTimeUnixNano'" : "'endTimeUnixNano'")")
            return nil
        }
        return TraceSpan(traceID: traceID, spanID: spanID, parentSpanID: parent, name: name, kind: kind, startNanos: start,
                         endNanos: end, status: status, attributes: attributes, resource: resource, links: links, origin: origin)
    }

    /// An id parsed from the string's bytes (no `String` made); when it is not one, its text
    /// (nil when the value is `null`), for the message.
    mutating func readID<ID>(_ parse: (UnsafeBufferPointer<UInt8>) -> ID?) throws(JSONStreamError) -> (ID?, String?) {
        guard try json.peek() == .string else { return (nil, try readText()) }
        return try json.readStringBytes { bytes in
            if let id = parse(bytes) { return (id, nil) }
            return (nil, String(decoding: bytes, as: UTF8.self))
        }
    }

    mutating func readOTLPStatus() throws(JSONStreamError) -> SpanStatus {
        var status = SpanStatus.unset
        guard try expectContainer(.object) else { return status }
        while try json.nextKey() {
            if json.keyIs("code"), let text = try readText() {
                if let value = SpanStatus(otlp: text) { status = value } else { warn("unknown status code '\(text)', read as unset") }
            } else {
                try json.skipValue()
            }
        }
        return status
    }

    mutating func readOTLPLink() throws(JSONStreamError) -> SpanLink? {
        guard try expectContainer(.object) else { return nil }
        var trace: TraceID?, span: SpanID?
        while try json.nextKey() {
            if json.keyIs("traceId") || json.keyIs("trace_id") {
                trace = try readText().flatMap(TraceID.init(text:))
            } else if json.keyIs("spanId") || json.keyIs("span_id") {
                span = try readText().flatMap(SpanID.init(text:))
            } else {
                try json.skipValue()
            }
        }
        guard let trace, let span else { return nil }
        return SpanLink(traceID: trace, spanID: span)
    }

    /// `[{"key":"http.route","value":{"stringValue":"/x"}}, …]`.
    mutating func readOTLPAttributes() throws(JSONStreamError) -> TraceAttributes {
        var attributes = TraceAttributes()
        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
            guard try reader.expectContainer(.object) else { return }
            var key: String?
            var value: TraceAttributeValue?
            while try reader.json.nextKey() {
                if reader.json.keyIs("key") {
                    key = try reader.readText()
                } else if reader.json.keyIs("value") {
                    value = try reader.readOTLPAnyValue(depth: 0)
                } else {
                    try reader.json.skipValue()
                }
            }
            if let key, let value { attributes.add(key, value) }
        }
        return attributes
    }

    /// An `AnyValue`: `{"stringValue":…}`, `{"intValue":"3"}`, `{"arrayValue":{"values":[…]}}`.
    mutating func readOTLPAnyValue(depth: Int) throws(JSONStreamError) -> TraceAttributeValue? {
        guard try expectContainer(.object) else { return nil }
        var value: TraceAttributeValue?
        while try json.nextKey() {
            if json.keyIs("stringValue") || json.keyIs("string_value") {
                value = try readText().map { .string($0) }
            } else if json.keyIs("intValue") || json.keyIs("int_value") {
                value = try readInteger().map { .int($0) }
            } else if json.keyIs("doubleValue") || json.keyIs("double_value") {
                value = try readText().flatMap { Self.double($0) }.map { .double($0) }
            } else if json.keyIs("boolValue") || json.keyIs("bool_value") {
                value = try readText().map { .bool($0 == "true") }
            } else if (json.keyIs("arrayValue") || json.keyIs("array_value")), depth < 4 {
                var values: [TraceAttributeValue] = []
                if try expectContainer(.object) {
                    while try json.nextKey() {
                        guard json.keyIs("values") else {
                            try json.skipValue()
                            continue
                        }
                        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                            if let element = try reader.readOTLPAnyValue(depth: depth + 1) { values.append(element) }
                        }
                    }
                }
                value = .array(values)
            } else {
                try json.skipValue()
            }
        }
        return value
    }

    /// A double as protobuf's mapping writes it: a number, or a string (also `NaN`, `Infinity`).
    static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }

    /// A value quoted for a message, shortened when long.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'\(shown)'"
    }
}
