import BatonJSON

// Zipkin's v2 JSON: an array of spans, or — as the API's /api/v2/traces answers — an array of
// traces, each an array of spans.
//
//   [{"traceId":"…","id":"…","parentId":"…","name":"get /x","kind":"SERVER",
//     "timestamp":µs,"duration":µs,"localEndpoint":{"serviceName":"…"},
//     "remoteEndpoint":{"serviceName":"…","ipv4":"…","port":…},"tags":{"http.route":"/x"},"shared":true}]
//
// The local endpoint's service is the span's service. The remote endpoint's service becomes
// `peer.service` and its address `server.address` (unless the tags say them), so a call leaving
// the traced services is named as in OpenTelemetry. A `shared` server span reuses its client's
// id; its parent is then that client span.

extension TraceDocumentReader {
    mutating func readZipkinDocument() throws(JSONStreamError) {
        var resources: [String: TraceResource] = [:]
        try forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
            if try reader.json.peek() == .array {
                try reader.forEachElement { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    if let span = try reader.readZipkinSpan(resources: &resources) { reader.add(span) }
                }
            } else if let span = try reader.readZipkinSpan(resources: &resources) {
                reader.add(span)
            }
        }
        flush()
    }

    mutating func readZipkinSpan(resources: inout [String: TraceResource]) throws(JSONStreamError) -> TraceSpan? {
        _ = try json.peek()
        let origin = SpanOrigin(offset: json.offset, line: json.line)
        let column = json.column
        guard try expectContainer(.object) else { return nil }
        var traceText: String?, spanText: String?, parentText: String?
        var name = ""
        var kind = SpanKind.unspecified
        var timestamp: Int64?, duration: Int64 = 0
        var tags = TraceAttributes()
        var service: String?
        var remote: (service: String?, address: String?, port: Int64?) = (nil, nil, nil)
        var shared = false
        while try json.nextKey() {
            if json.keyIs("traceId") {
                traceText = try readText()
            } else if json.keyIs("id") {
                spanText = try readText()
            } else if json.keyIs("parentId") {
                parentText = try readText()
            } else if json.keyIs("name") {
                name = try readText() ?? ""
            } else if json.keyIs("kind") {
                if let text = try readText() {
                    if let value = SpanKind(word: text) { kind = value } else { warn("unknown span kind '\(text)', read as unspecified") }
                }
            } else if json.keyIs("timestamp") {
                timestamp = try readInteger()
            } else if json.keyIs("duration") {
                duration = try readInteger() ?? 0
            } else if json.keyIs("shared") {
                shared = try readText() == "true"
            } else if json.keyIs("localEndpoint") {
                try readZipkinEndpoint { name, _, _ in service = name }
            } else if json.keyIs("remoteEndpoint") {
                try readZipkinEndpoint { name, address, port in remote = (name, address, port) }
            } else if json.keyIs("tags") {
                try inKey("tags") { (reader: inout TraceDocumentReader) throws(JSONStreamError) in
                    guard try reader.expectContainer(.object) else { return }
                    while try reader.json.nextKey() {
                        let key = reader.json.keyString
                        if let value = try reader.readLooseAttributeValue() { tags.add(key, value) }
                    }
                }
            } else {
                try json.skipValue()
            }
        }
        let what = name.isEmpty ? "a span" : "span '\(name)'"
        guard let traceID = requiredID(traceText, key: "traceId", rule: "is not 16 or 32 hex digits, or is zero",
                                       parse: TraceID.init(text:), of: what, at: origin, column: column),
              let spanID = requiredID(spanText, key: "id", rule: "is not 16 hex digits, or is zero",
                                      parse: SpanID.init(text:), of: what, at: origin, column: column)
        else { return nil }
        guard let timestamp else {
            skipRecord(what, at: origin, column: column, because: "it has no 'timestamp'")
            return nil
        }
        if let peer = remote.service, !peer.isEmpty { tags.add("peer.service", .string(peer)) }
        if let address = remote.address, !address.isEmpty {
            tags.add("server.address", .string(address))
            if let port = remote.port { tags.add("server.port", .int(port)) }
        }
        let serviceName = service.flatMap { $0.isEmpty ? nil : $0 } ?? TraceResource.unknownService
        let resource: TraceResource
        if let known = resources[serviceName] {
            resource = known
        } else {
            resource = TraceResource(serviceName: serviceName, attributes: [("service.name", .string(serviceName))])
            // One value per service keeps the spans' resources shared; a file names few services.
            if resources.count < 10_000 { resources[serviceName] = resource }
        }
        var parent = parentText.flatMap(SpanID.init(text:))
        let sharesID = shared && kind == .server
        if sharesID { parent = spanID }
        let startNanos = timestamp.multipliedReportingOverflow(by: 1000).overflow ? Int64.max : timestamp * 1000
        let durationNanos = duration.multipliedReportingOverflow(by: 1000).overflow ? 0 : max(0, duration) * 1000
        return TraceSpan(traceID: traceID, spanID: spanID, parentSpanID: parent == spanID && !sharesID ? nil : parent, name: name,
                         kind: kind, startNanos: startNanos, endNanos: startNanos.addingReportingOverflow(durationNanos).partialValue,
                         status: Self.status(fromTags: tags), attributes: tags, resource: resource,
                         sharesClientSpanID: sharesID, origin: origin)
    }

    /// `{"serviceName":"…","ipv4":"…","ipv6":"…","port":8080}`.
    mutating func readZipkinEndpoint(_ found: (String?, String?, Int64?) -> Void) throws(JSONStreamError) {
        guard try expectContainer(.object) else { return }
        var name: String?, address: String?, port: Int64?
        while try json.nextKey() {
            if json.keyIs("serviceName") {
                name = try readText()
            } else if json.keyIs("ipv4") || (json.keyIs("ipv6") && address == nil) {
                address = try readText()
            } else if json.keyIs("port") {
                port = try readInteger()
            } else {
                try json.skipValue()
            }
        }
        found(name, address, port)
    }
}
