#!/usr/bin/env python3
"""Measures `baton lsp` on a large design: edit → diagnostics latency, request latency, memory.

    swift build -c release --product baton --product baton-bench
    python3 scripts/bench-lsp.py [--bytes 1000000] [--edits 50] [--memory-edits 1000]
                                 [--baton .build/release/baton] [--design FILE]
                                 [--shape generated|samples]

Opens a design (FILE; or, with --shape generated, the default, one made by
`baton-bench generate --bytes N`: random designs with a finding every other line, the worst
case for diagnostics; or, with --shape samples, copies of samples/card-payments.baton with
their names numbered: three findings in every 16 lines, as a large real design might have),
makes small edits
(each inserts a comment line, then the next removes it, so the design keeps its findings), waits
after each for the diagnostics of that version, and prints the median and p95 of the latency
and the server's processor time per edit (which other processes on the machine do not
stretch, as they do the latency); then times documentSymbol, foldingRange and formatting, and hover and completion when the
server answers them; then the server's resident memory (VmRSS) before and after many edits.
Standard library only.
"""
import argparse
import json
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time


class Client:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buffer = bytearray()
        self.next_id = 0
        # When the header of the message being read arrived: the server had made the whole
        # message by then (the rest is the pipe and this client reading and parsing it).
        self.header_time = None

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=120):
        self.next_id += 1
        wanted = self.next_id
        self.send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m, timeout)

    def read_message(self, timeout):
        deadline = time.monotonic() + timeout
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                if self.header_time is None:
                    self.header_time = time.monotonic()
                length = 0
                for line in self.buffer[:header_end].split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if len(self.buffer) >= header_end + 4 + length:
                    # The whole message has arrived: what a client waits for before it can
                    # read the diagnostics (parsing them is the client's own time).
                    self.body_time = time.monotonic()
                    body = bytes(self.buffer[header_end + 4:header_end + 4 + length])
                    del self.buffer[:header_end + 4 + length]
                    self.last_header_time = self.header_time
                    self.last_body_time = self.body_time
                    self.header_time = None
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no message from the server")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise EOFError("the server closed its output")
                self.buffer += chunk

    def wait(self, predicate, timeout=120):
        while True:
            message = self.read_message(timeout)
            if predicate(message):
                return message

    def cpu_seconds(self):
        """User and system time the server has used: unlike wall time, not stretched by other
        processes competing for the processor."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def copies_of_a_sample(size):
    """Numbered copies of the card-payments sample's declarations and steps, up to `size` bytes."""
    sample = open(os.path.join(os.path.dirname(__file__), "..", "samples", "card-payments.baton"), encoding="utf-8").read()
    body = [line for line in sample.splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("title")]
    names = ["FulfilDLQ", "Warehouse", "Shopper", "Fulfil", "Stripe", "Shop"]
    pattern = re.compile(r"\b(" + "|".join(names) + r")\b")
    parts = []
    total = 0
    copy = 0
    while total < size:
        chunk = "\n".join(pattern.sub(lambda m: f"{m.group(1)}{copy}", line) for line in body) + "\n"
        parts.append(chunk)
        total += len(chunk.encode())
        copy += 1
    return "".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--baton", default=".build/release/baton")
    parser.add_argument("--bench", default=".build/release/baton-bench")
    parser.add_argument("--design")
    parser.add_argument("--shape", choices=["generated", "samples"], default="generated")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="baton-bench-lsp-")
    path = os.path.join(workdir, "design.baton")
    if args.design:
        text = open(args.design, encoding="utf-8").read()
    elif args.shape == "samples":
        text = copies_of_a_sample(args.bytes)
    else:
        text = subprocess.run([args.bench, "generate", "--bytes", str(args.bytes)], check=True,
                              capture_output=True, text=True).stdout
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    uri = "file://" + path
    lines = text.count("\n")
    print(f"design: {len(text.encode()):,} bytes, {lines:,} lines")

    client = Client([args.baton, "lsp"])
    client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + workdir,
                                  "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
    client.notify("initialized", {})
    rss_start = client.rss_kib()

    def diagnostics_of(version):
        return client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"]["uri"] == uri and m["params"].get("version") == version)

    start = time.monotonic()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "baton", "version": 1, "text": text}})
    opened = diagnostics_of(1)
    print(f"open → diagnostics: {(time.monotonic() - start) * 1000:.0f} ms ({len(opened['params']['diagnostics'])} diagnostics)")

    version = 1
    middle = lines // 2

    def edit():
        nonlocal version
        version += 1
        if version % 2 == 0:
            change = {"range": {"start": {"line": middle, "character": 0}, "end": {"line": middle, "character": 0}},
                      "text": "# an edit\n"}
        else:
            change = {"range": {"start": {"line": middle, "character": 0}, "end": {"line": middle + 1, "character": 0}},
                      "text": ""}
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        return version

    latencies = []
    sent = []
    received = []
    cpu_began = client.cpu_seconds()
    for _ in range(args.edits):
        began = time.monotonic()
        diagnostics_of(edit())
        latencies.append((time.monotonic() - began) * 1000)
        sent.append((client.last_header_time - began) * 1000)
        received.append((client.last_body_time - began) * 1000)
    cpu_per_edit = (client.cpu_seconds() - cpu_began) * 1000 / args.edits
    print(f"edit → diagnostics over {args.edits} edits: median {statistics.median(latencies):.0f} ms, "
          f"p95 {percentile(latencies, 0.95):.0f} ms; server processor time {cpu_per_edit:.0f} ms per edit")
    # Until the notification's first bytes arrive: the server's part of the wait (after it,
    # the client reads and parses the message: a 10 MB one takes Python 0.1–0.2 s).
    print(f"edit → first bytes of the diagnostics: median {statistics.median(sent):.0f} ms, "
          f"p95 {percentile(sent, 0.95):.0f} ms")
    print(f"edit → the whole message received (before the client parses it): median {statistics.median(received):.0f} ms, "
          f"p95 {percentile(received, 0.95):.0f} ms")

    document = {"textDocument": {"uri": uri}}
    # Hover and complete on a participant's name: the first arrow statement from the middle on.
    position = {"line": middle, "character": 2}
    text_lines = text.split("\n")
    for number in range(middle, len(text_lines)):
        found = re.match(r"\s*(\w+) (->|->>|<-|~>) ", text_lines[number])
        if found:
            position = {"line": number, "character": found.start(1) + 1}
            break
    for method, params in [("textDocument/documentSymbol", document), ("textDocument/foldingRange", document),
                           ("textDocument/formatting", dict(document, options={"tabSize": 2, "insertSpaces": True})),
                           ("workspace/symbol", {"query": "P1"}),
                           ("textDocument/hover", dict(document, position=position)),
                           ("textDocument/completion", dict(document, position=position))]:
        times = []
        answer = None
        for _ in range(5):
            began = time.monotonic()
            answer = client.request(method, params)
            times.append((time.monotonic() - began) * 1000)
        if "error" in answer:
            print(f"{method}: not answered ({answer['error']['message']})")
        else:
            empty = " (answered null)" if answer.get("result") is None else ""
            print(f"{method}: median {statistics.median(times):.0f} ms{empty}")

    rss_before = client.rss_kib()
    began = time.monotonic()
    for _ in range(args.memory_edits):
        edit()
    diagnostics_of(version)
    elapsed = time.monotonic() - began
    rss_after = client.rss_kib()
    print(f"RSS: {rss_start / 1024:.0f} MiB at start, {rss_before / 1024:.0f} MiB after opening and {args.edits} edits, "
          f"{rss_after / 1024:.0f} MiB after {args.memory_edits} more edits ({elapsed:.1f} s, sent without waiting)")

    client.request("shutdown", None)
    client.notify("exit", None)
    status = client.process.wait(timeout=30)
    print(f"exit status {status}")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
