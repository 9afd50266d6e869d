import BatonJSON

/// Writes spans as OTLP JSON, the form the OpenTelemetry Collector's file exporter writes and
/// `TraceFileReader` reads: one `{"resourceSpans":[…]}` object per line, spans grouped by
/// resource (in the order the resources first appear), ids in hex, kinds and status codes as
/// numbers, 64-bit integers as strings. Whatever produces spans (a simulation, a test) writes
/// them through here, so what it writes reads back to the same spans.
public enum OTLPJSONWriter {
    /// One line of JSON Lines (ending in a line feed) holding `spans`.
    public static func line(_ spans: [TraceSpan]) -> String {
        var resources: [TraceResource] = []
        var groups: [[TraceSpan]] = []
        for span in spans {
            if let index = resources.firstIndex(of: span.resource) {
                groups[index].append(span)
            } else {
                resources.append(span.resource)
                groups.append([span])
            }
        }
        let resourceSpans: [JSONValue] = zip(resources, groups).map { resource, spans in
            .object([
                ("resource", .object([("attributes", attributes(resourceAttributes(resource)))])),
                ("scopeSpans", .array([.object([
                    ("scope", .object([("name", .string("baton"))])),
                    ("spans", .array(spans.map(span))),
                ])])),
            ])
        }
        return JSONValue.object([("resourceSpans", .array(resourceSpans))]).serialized(pretty: false) + "\n"
    }

    static func resourceAttributes(_ resource: TraceResource) -> TraceAttributes {
        var attributes = TraceAttributes()
        attributes.add("service.name", .string(resource.serviceName))
        if let namespace = resource.serviceNamespace { attributes.add("service.namespace", .string(namespace)) }
        for entry in resource.attributes.entries { attributes.add(entry.key, entry.value) }
        return attributes
    }

    static func span(_ span: TraceSpan) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("traceId", .string(span.traceID.description)),
            ("spanId", .string(span.spanID.description)),
            ("parentSpanId", .string(span.parentSpanID?.description ?? "")),
            ("name", .string(span.name)),
            ("kind", .int(Int(span.kind.rawValue))),
            ("startTimeUnixNano", .string(String(span.startNanos))),
            ("endTimeUnixNano", .string(String(span.endNanos))),
            ("attributes", attributes(span.attributes)),
        ]
        if !span.links.isEmpty {
            members.append(("links", .array(span.links.map { link in
                .object([("traceId", .string(link.traceID.description)), ("spanId", .string(link.spanID.description))])
            })))
        }
        members.append(("status", span.status == .unset ? .object([]) : .object([("code", .int(Int(span.status.rawValue)))])))
        return .object(members)
    }

    static func attributes(_ attributes: TraceAttributes) -> JSONValue {
        .array(attributes.entries.map { entry in .object([("key", .string(entry.key)), ("value", value(entry.value))]) })
    }

    static func value(_ value: TraceAttributeValue) -> JSONValue {
        switch value {
        case .string(let text): .object([("stringValue", .string(text))])
        case .int(let number): .object([("intValue", .string(String(number)))])
        case .double(let number): .object([("doubleValue", .double(number))])
        case .bool(let flag): .object([("boolValue", .bool(flag))])
        case .array(let values): .object([("arrayValue", .object([("values", .array(values.map(self.value)))]))])
        }
    }
}
