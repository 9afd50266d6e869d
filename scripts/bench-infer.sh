#!/usr/bin/env bash
# Times `baton infer` on large generated OTLP JSON files (release build) and reports the
# throughput and the peak memory (maximum resident set size, from /usr/bin/time -v).
#
#   scripts/bench-infer.sh                 # a 10^6-span file and a 500 MB file
#   scripts/bench-infer.sh --spans 2000000 # one file of at least that many spans
#   scripts/bench-infer.sh --megabytes 1000
#
# Throughput is given against wall-clock time and against CPU time (user + system): on a machine
# shared with other work the second says what the reader itself costs. The files go to
# $TMPDIR (default /tmp) and are removed afterwards unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product baton >/dev/null
baton="$(swift build -c release --show-bin-path)/baton"
tmp="${TMPDIR:-/tmp}"

measure() {
    local label="$1"; shift
    local file="$tmp/baton-bench-traces-$$.jsonl"
    python3 scripts/generate-traces.py "$@" -o "$file" 2>"$file.gen"
    local spans bytes
    spans=$(cut -d' ' -f1 "$file.gen")
    bytes=$(stat -c %s "$file")
    /usr/bin/time -v "$baton" infer "$file" -o "$file.baton" --quiet 2>"$file.time"
    python3 - "$label" "$spans" "$bytes" "$file.time" <<'PY'
import re, sys
label, spans, size, timing = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), open(sys.argv[4]).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", timing).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
mb = size / 1e6
print(f"{label}: {spans:,} spans, {mb:,.0f} MB: wall {seconds:.1f} s ({mb / seconds:,.0f} MB/s), "
      f"CPU {cpu:.1f} s ({mb / cpu:,.0f} MB/s, {spans / cpu:,.0f} spans/s), peak RSS {rss:,.0f} MiB")
PY
    if [ "${KEEP:-0}" != 1 ]; then rm -f "$file" "$file.gen" "$file.time" "$file.baton"; fi
}

if [ $# -gt 0 ]; then
    measure "custom" "$@"
else
    measure "10^6 spans" --spans 1000000
    measure "500 MB" --megabytes 500
fi
