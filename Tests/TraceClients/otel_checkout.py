"""A small program instrumented with the OpenTelemetry Python SDK, for baton infer's real-client
test (Tests/BatonEndToEndTests/InferCommandTests.swift).

Three services in one process, each with its own tracer provider and resource: `shop-cli` calls
`orders` over a (simulated) HTTP request whose trace context travels in W3C headers; `orders`
writes to a real SQLite database and publishes a message into a queue (Python's queue.Queue),
the trace context in the message's headers; `billing` takes the message from the queue and
handles it. The spans are exported by an exporter of our own that writes OTLP JSON — the
protobuf JSON mapping of TracesData, one {"resourceSpans": …} object per line, as the
OpenTelemetry Collector's file exporter writes it.

    python3 otel_checkout.py OUT.jsonl [ORDERS]
"""
import json
import queue
import sqlite3
import sys

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import SpanKind, Status, StatusCode


def any_value(value):
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, (list, tuple)):
        return {"arrayValue": {"values": [any_value(v) for v in value]}}
    return {"stringValue": str(value)}


def attributes(mapping):
    return [{"key": key, "value": any_value(value)} for key, value in (mapping or {}).items()]


KINDS = {SpanKind.INTERNAL: 1, SpanKind.SERVER: 2, SpanKind.CLIENT: 3, SpanKind.PRODUCER: 4, SpanKind.CONSUMER: 5}
STATUS = {StatusCode.UNSET: 0, StatusCode.OK: 1, StatusCode.ERROR: 2}


class OTLPJSONFileExporter(SpanExporter):
    """Writes each export as one line of OTLP JSON."""

    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")

    def export(self, spans):
        by_resource = {}
        for span in spans:
            by_resource.setdefault(id(span.resource), (span.resource, []))[1].append(span)
        resource_spans = []
        for resource, group in by_resource.values():
            resource_spans.append({
                "resource": {"attributes": attributes(dict(resource.attributes))},
                "scopeSpans": [{
                    "scope": {"name": group[0].instrumentation_scope.name},
                    "spans": [{
                        "traceId": trace.format_trace_id(span.context.trace_id),
                        "spanId": trace.format_span_id(span.context.span_id),
                        "parentSpanId": trace.format_span_id(span.parent.span_id) if span.parent else "",
                        "name": span.name,
                        "kind": KINDS[span.kind],
                        "startTimeUnixNano": str(span.start_time),
                        "endTimeUnixNano": str(span.end_time),
                        "attributes": attributes(dict(span.attributes)),
                        "links": [{"traceId": trace.format_trace_id(link.context.trace_id),
                                   "spanId": trace.format_span_id(link.context.span_id)} for link in span.links],
                        "status": {"code": STATUS[span.status.status_code]},
                    } for span in group],
                }],
            })
        self.file.write(json.dumps({"resourceSpans": resource_spans}, separators=(",", ":")) + "\n")
        self.file.flush()
        return SpanExportResult.SUCCESS

    def shutdown(self):
        self.file.close()


def tracer(service, exporter):
    provider = TracerProvider(resource=Resource.create({"service.name": service, "service.namespace": "shop"}))
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, provider.get_tracer("otel_checkout")


def main():
    out = sys.argv[1]
    orders_count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    exporter = OTLPJSONFileExporter(out)
    providers = {}
    tracers = {}
    for service in ["shop-cli", "orders", "billing"]:
        providers[service], tracers[service] = tracer(service, exporter)

    database = sqlite3.connect(":memory:")
    database.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    invoices = queue.Queue()

    def orders_handle(headers, body):
        """The orders service's HTTP handler."""
        parent = propagate.extract(headers)
        with tracers["orders"].start_as_current_span(
                "POST /orders", context=parent, kind=SpanKind.SERVER,
                attributes={"http.request.method": "POST", "http.route": "/orders", "url.path": "/orders"}) as span:
            with tracers["orders"].start_as_current_span(
                    "INSERT orders", kind=SpanKind.CLIENT,
                    attributes={"db.system": "sqlite", "db.namespace": "orders.db", "db.operation.name": "INSERT",
                                "db.collection.name": "orders"}):
                database.execute("INSERT INTO orders (total) VALUES (?)", (body["total"],))
            with tracers["orders"].start_as_current_span(
                    "publish invoices", kind=SpanKind.PRODUCER,
                    attributes={"messaging.system": "in-process", "messaging.destination.name": "invoices",
                                "messaging.operation.type": "publish"}):
                message_headers = {}
                propagate.inject(message_headers)
                invoices.put((message_headers, body))
            span.set_attribute("http.response.status_code", 201)
        return 201

    for number in range(orders_count):
        with tracers["shop-cli"].start_as_current_span(
                "POST", kind=SpanKind.CLIENT,
                attributes={"http.request.method": "POST", "server.address": "orders", "server.port": 8080,
                            "url.full": "http://orders:8080/orders"}) as span:
            headers = {}
            propagate.inject(headers)
            status = orders_handle(headers, {"total": 10.0 + number})
            span.set_attribute("http.response.status_code", status)

    # The billing service consumes later, in its own loop.
    while not invoices.empty():
        message_headers, body = invoices.get()
        parent = propagate.extract(message_headers)
        with tracers["billing"].start_as_current_span(
                "process invoices", context=parent, kind=SpanKind.CONSUMER,
                attributes={"messaging.system": "in-process", "messaging.destination.name": "invoices",
                            "messaging.operation.type": "process"}):
            with tracers["billing"].start_as_current_span(
                    "SELECT orders", kind=SpanKind.CLIENT,
                    attributes={"db.system": "sqlite", "db.namespace": "orders.db", "db.operation.name": "SELECT",
                                "db.collection.name": "orders"}):
                database.execute("SELECT total FROM orders").fetchall()

    for provider in providers.values():
        provider.force_flush()
    exporter.shutdown()


if __name__ == "__main__":
    main()
