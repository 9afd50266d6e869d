import Baton
import BatonJSON
import BatonSyntax
@testable import BatonTrace
import BatonTestSupport
import Foundation
import Testing

/// Spans written as OTLP JSON for tests: each call adds one span to its service's resource.
struct OTLPBuilder {
    struct Span {
        var service: String
        var json: String
    }

    var trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    var spans: [Span] = []
    var namespaces: [String: String] = [:]

    /// Adds a span; `start` and `duration` are in milliseconds from a fixed epoch.
    mutating func span(_ id: String, parent: String? = nil, service: String, name: String, kind: Int, start: Double = 0,
                       duration: Double = 1, attributes: [String: String] = [:], error: Bool = false, trace: String? = nil) {
        let base: Int64 = 1_700_000_000_000_000_000
        let startNanos = base + Int64(start * 1_000_000)
        let endNanos = startNanos + Int64(duration * 1_000_000)
        let attributeText = attributes.sorted { $0.key < $1.key }.map { key, value in
            #"{"key":"\#(key)","value":{"stringValue":"\#(value)"}}"#
        }.joined(separator: ",")
        let json = #"{"traceId":"\#(trace ?? self.trace)","spanId":"\#(Self.pad(id))","parentSpanId":"\#(parent.map(Self.pad) ?? "")","name":"\#(name)","kind":\#(kind),"startTimeUnixNano":"\#(startNanos)","endTimeUnixNano":"\#(endNanos)","attributes":[\#(attributeText)]\#(error ? #","status":{"code":2}"# : "")}"#
        spans.append(Span(service: service, json: json))
    }

    static func pad(_ id: String) -> String { String(repeating: "0", count: max(0, 16 - id.count)) + id }

    /// One line of JSON: a resource per service, in order of first appearance.
    var text: String {
        var order: [String] = []
        for span in spans where !order.contains(span.service) { order.append(span.service) }
        let resources = order.map { service in
            var attributes = #"{"key":"service.name","value":{"stringValue":"\#(service)"}}"#
            if let namespace = namespaces[service] { attributes += #",{"key":"service.namespace","value":{"stringValue":"\#(namespace)"}}"# }
            let spans = self.spans.filter { $0.service == service }.map(\.json).joined(separator: ",")
            return #"{"resource":{"attributes":[\#(attributes)]},"scopeSpans":[{"spans":[\#(spans)]}]}"#
        }
        return #"{"resourceSpans":[\#(resources.joined(separator: ","))]}"#
    }
}

enum TraceTesting {
    /// Every span of `text` and what reading it reported.
    static func read(_ text: String, chunkSize: Int = 64 * 1024, file: String = "t.json") -> (spans: [TraceSpan], summary: TraceFileReader.Summary) {
        var spans: [TraceSpan] = []
        let summary = TraceFileReader.read(ChunkedSource(Array(text.utf8), chunk: chunkSize), file: file) { spans += $0 }
        return (spans, summary)
    }

    static func observe(_ texts: [String]) -> ObservedSystem {
        var observer = TraceObserver()
        for text in texts { observer.add(read(text).spans) }
        return observer.finish()
    }

    /// The design inferred from `texts`, checked to compile without errors.
    static func infer(_ texts: [String], minCount: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let design = DesignWriter.write(observe(texts), options: InferOptions(minCount: minCount, title: "T"))
        let compilation = Baton.compile(source: design.text, path: "inferred.baton")
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the inferred design does not compile: \(errors.map(\.message))\n\(design.text)", sourceLocation: sourceLocation)
        return design.text
    }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: Golden.fixturesDirectory().appendingPathComponent(name), encoding: .utf8)
    }

    /// The design without its first comment line (which names the file read).
    static func body(_ design: String) -> String {
        design.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }
}

/// Bytes delivered in chunks of a fixed size, so tokens straddle chunk boundaries.
struct ChunkedSource: JSONByteSource {
    let bytes: [UInt8]
    let chunk: Int
    var position = 0

    init(_ bytes: [UInt8], chunk: Int) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(JSONStreamError) -> Int {
        let count = min(buffer.count, chunk, bytes.count - position)
        for index in 0..<count { buffer[index] = bytes[position + index] }
        position += count
        return count
    }
}
