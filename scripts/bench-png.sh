#!/usr/bin/env bash
# render --to png against rsvg-convert (librsvg), as whole processes, with hyperfine.
#
#   scripts/bench-png.sh
#
# 1. baton-bench png: the 1,000-interaction sequence diagram of scripts/bench.sh (BatonWorkload)
#    rendered in one process, median seconds and megapixels.
# 2. hyperfine: `baton render --to png` from the .baton source, beside `rsvg-convert` of the
#    SVG Baton already wrote (so rsvg-convert does less: no parsing, no layout), on a
#    500-interaction diagram from scripts/generate-sequence-workload.py — and on the
#    1,000-interaction one, taller than the 32,767 pixels cairo (and so rsvg-convert) can draw,
#    for Baton alone.
#
# Needs: a Swift toolchain, hyperfine, rsvg-convert (librsvg2-bin), python3, Liberation Sans.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product baton >/dev/null
swift build -c release --product baton-bench >/dev/null
baton=.build/release/baton
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# hyperfine prints means; the medians (and user times) come from its JSON export.
medians() {
  python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  median %.3f s (user %.3f s, min %.3f s): %s" % (r["median"], sum(r["user"] if isinstance(r["user"], list) else [r["user"]]) / (len(r["user"]) if isinstance(r["user"], list) else 1), r["min"], r["command"]))' "$1"
}

echo "== baton-bench png (in process)"
.build/release/baton-bench png --participants 30 --interactions 1000

python3 scripts/generate-sequence-workload.py --interactions 500 --participants 30 "$work/seq500" >/dev/null
python3 scripts/generate-sequence-workload.py --interactions 1000 --participants 30 "$work/seq1000" >/dev/null
"$baton" render "$work/seq500.baton" -o "$work/seq500.svg"
size=$(head -c 400 "$work/seq500.svg" | sed -n 's/.* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 × \2/p')
echo
echo "== whole processes (hyperfine): 500 interactions, $size pixels"
hyperfine --warmup 1 --runs "${BENCH_RUNS:-10}" --export-json "$work/500.json" \
  --command-name "baton render --to png (from source)" "$baton render $work/seq500.baton -o $work/seq500.png" \
  --command-name "rsvg-convert (from Baton's SVG)" "rsvg-convert $work/seq500.svg -o $work/seq500-rsvg.png" \
  2>&1 | grep -v "^ *Warning" || true
medians "$work/500.json"
ls -l "$work/seq500.png" "$work/seq500-rsvg.png" | awk '{ print $5, $NF }'

"$baton" render "$work/seq1000.baton" -o "$work/seq1000.svg"
size=$(head -c 400 "$work/seq1000.svg" | sed -n 's/.* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 × \2/p')
echo
echo "== whole processes (hyperfine): 1,000 interactions, $size pixels"
rsvg-convert "$work/seq1000.svg" -o "$work/seq1000-rsvg.png" 2>&1 | head -1 | sed 's/^/rsvg-convert: /' || true
hyperfine --warmup 1 --runs "${BENCH_RUNS:-10}" --export-json "$work/1000.json" \
  --command-name "baton render --to png (from source)" "$baton render $work/seq1000.baton -o $work/seq1000.png" \
  2>&1 | grep -v "^ *Warning" || true
medians "$work/1000.json"
/usr/bin/time -v "$baton" render "$work/seq1000.baton" -o "$work/seq1000.png" 2>"$work/time.txt" || true
echo "peak memory: $(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.txt") KB, PNG $(stat -c %s "$work/seq1000.png") bytes"
