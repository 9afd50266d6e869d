#!/usr/bin/env python3
"""Writes a large OTLP JSON trace file for benchmarks: JSON Lines as the OpenTelemetry
Collector's file exporter writes them, one line per batch of traces, each span with the
attributes real instrumentations set.

    scripts/generate-traces.py --spans 1000000 -o /tmp/traces.jsonl
    scripts/generate-traces.py --megabytes 500 -o /tmp/traces.jsonl

Deterministic for a seed. Each trace is a checkout: a server span at the frontend, a call to
orders (client and server span), orders' database insert and message publish, billing's
consumer span and its database read, and now and then a retried call to the payment provider.
"""
import argparse
import json
import random
import sys


def attr(key, value):
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


def resource(name, namespace="shop"):
    return {"attributes": [attr("service.name", name), attr("service.namespace", namespace),
                           attr("telemetry.sdk.language", "python"), attr("telemetry.sdk.name", "opentelemetry"),
                           attr("host.name", "node-7")]}


class Trace:
    def __init__(self, rng, start):
        self.rng = rng
        self.trace_id = "%032x" % rng.getrandbits(128)
        self.start = start
        self.spans = {}

    def span(self, service, name, kind, parent, offset_ms, duration_ms, attributes, error=False):
        span_id = "%016x" % self.rng.getrandbits(64)
        start = self.start + int(offset_ms * 1e6)
        span = {
            "traceId": self.trace_id, "spanId": span_id, "parentSpanId": parent or "",
            "flags": 257, "name": name, "kind": kind,
            "startTimeUnixNano": str(start), "endTimeUnixNano": str(start + int(duration_ms * 1e6)),
            "attributes": attributes, "status": {"code": 2, "message": "timeout"} if error else {},
        }
        self.spans.setdefault(service, []).append(span)
        return span_id


def checkout(rng, start):
    t = Trace(rng, start)
    root = t.span("frontend", "GET /checkout", 2, None, 0, 120, [
        attr("http.request.method", "GET"), attr("http.route", "/checkout"), attr("url.path", "/checkout"),
        attr("http.response.status_code", 200), attr("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)")])
    client = t.span("frontend", "POST", 3, root, 2, 60, [
        attr("http.request.method", "POST"), attr("server.address", "orders"), attr("server.port", 8080),
        attr("url.full", "http://orders:8080/orders"), attr("http.response.status_code", 201)])
    server = t.span("orders", "POST /orders", 2, client, 3, 55, [
        attr("http.request.method", "POST"), attr("http.route", "/orders"), attr("http.response.status_code", 201)])
    t.span("orders", "INSERT shop.orders", 3, server, 5, 8, [
        attr("db.system", "postgresql"), attr("db.namespace", "shop"), attr("db.operation.name", "INSERT"),
        attr("db.collection.name", "orders"), attr("server.address", "db"), attr("db.query.text", "INSERT INTO orders (id, total) VALUES ($1, $2)")])
    producer = t.span("orders", "publish order-events", 4, server, 20, 2, [
        attr("messaging.system", "rabbitmq"), attr("messaging.destination.name", "order-events"),
        attr("messaging.operation.type", "publish"), attr("messaging.message.id", "%x" % rng.getrandbits(48))])
    consumer = t.span("billing", "process order-events", 5, producer, 40, 30, [
        attr("messaging.system", "rabbitmq"), attr("messaging.destination.name", "order-events"),
        attr("messaging.operation.type", "process")])
    t.span("billing", "SELECT billing.invoices", 3, consumer, 45, 4, [
        attr("db.system", "postgresql"), attr("db.namespace", "billing"), attr("db.operation.name", "SELECT"),
        attr("db.collection.name", "invoices")])
    attempts = 2 if rng.random() < 0.1 else 1
    for attempt in range(attempts):
        t.span("frontend", "POST", 3, root, 70 + attempt * 20, 15, [
            attr("http.request.method", "POST"), attr("peer.service", "stripe"), attr("server.address", "api.stripe.com"),
            attr("url.full", "https://api.stripe.com/v1/payment_intents")], error=attempt + 1 < attempts)
    return t


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spans", type=int, help="at least this many spans")
    parser.add_argument("--megabytes", type=float, help="at least this many megabytes (10^6 bytes)")
    parser.add_argument("--traces-per-line", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    if args.spans is None and args.megabytes is None:
        args.spans = 100_000
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w")
    spans = written = 0
    start = 1_700_000_000_000_000_000
    while (args.spans is None or spans < args.spans) and (args.megabytes is None or written < args.megabytes * 1e6):
        batch = {}
        for _ in range(args.traces_per_line):
            trace = checkout(rng, start)
            start += 50_000_000
            for service, service_spans in trace.spans.items():
                batch.setdefault(service, []).extend(service_spans)
                spans += len(service_spans)
        line = json.dumps({"resourceSpans": [
            {"resource": resource(service), "scopeSpans": [{"scope": {"name": "opentelemetry.instrumentation", "version": "0.48b0"},
                                                             "spans": service_spans}]}
            for service, service_spans in sorted(batch.items())]}, separators=(",", ":"))
        out.write(line + "\n")
        written += len(line) + 1
    if out is not sys.stdout:
        out.close()
    print(f"{spans} spans, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
