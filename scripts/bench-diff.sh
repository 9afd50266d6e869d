#!/usr/bin/env bash
# How fast `baton diff OLD NEW` compares two designs of a megabyte, as a whole process, side by
# side with an older build when one is given. Prints figures; asserts nothing beyond the outputs
# being byte-identical to the older build's (machines are noisy: compare medians measured in the
# same run, and the processor time, which a busy machine disturbs less than the wall clock).
#
#   scripts/bench-diff.sh                       # this tree's release build alone
#   scripts/bench-diff.sh --before OLD/baton    # and an older binary, in the same run
#   BENCH_RUNS=20 BYTES=4000000 scripts/bench-diff.sh
#
# OLD is `baton-bench generate --bytes 1000000 --seed 1` (781 participants, 15,625 interactions,
# about 14,000 findings); NEW is OLD edited a few hundred times by
# scripts/edit-generated-design.py (participants and interactions added, removed, renamed and
# changed). For each format (text, json, markdown):
#   - hyperfine: median wall time and mean processor time (user + system);
#   - GNU time over the same number of runs: median wall and processor time, peak resident memory.
# With perf: the processor time of the main thread beside that of all threads (compiling and
# checking run one design per core): with both cores free the wall time comes down to the first.
# The issue's target is printed beside them: under 0.5 s for two 1 MB designs.
#
# To profile one run: perf record -g --call-graph dwarf .build/release/baton diff OLD NEW >/dev/null
#
# Needs: a Swift toolchain, hyperfine, GNU time (/usr/bin/time), python3
# (Debian: apt-get install hyperfine time python3).
set -euo pipefail
cd "$(dirname "$0")/.."

before=""
while [ $# -gt 0 ]; do
  case $1 in
    --before) before=$(realpath "$2"); shift 2 ;;
    *) echo "usage: scripts/bench-diff.sh [--before OLD-BATON]" >&2; exit 2 ;;
  esac
done
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench-diff.sh needs $tool (apt-get install hyperfine time python3)" >&2; exit 2; }
done
runs=${BENCH_RUNS:-10}
bytes=${BYTES:-1000000}

echo "== building (release)" >&2
swift build -c release --product baton >/dev/null
swift build -c release --product baton-bench >/dev/null
after=$PWD/.build/release/baton
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.build/release/baton-bench generate --bytes "$bytes" --seed 1 >"$work/old.baton"
python3 scripts/edit-generated-design.py "$work/old.baton" 1 >"$work/new.baton"
echo "OLD $(wc -c <"$work/old.baton") bytes, NEW $(wc -c <"$work/new.baton") bytes; $("$after" diff "$work/old.baton" "$work/new.baton" | tail -n 1)"

builds="after"
[ -n "$before" ] && builds="before after"
binary() { if [ "$1" = before ]; then echo "$before"; else echo "$after"; fi; }
results=$work/results.tsv
: >"$results"

for format in text json markdown; do
  for build in $builds; do
    exe=$(binary "$build")
    # `baton diff` exits 1 when the designs differ: -i keeps hyperfine going.
    hyperfine --warmup 1 --runs "$runs" --shell=none -i --export-json "$work/$format-$build.json" \
      "$exe diff --format $format $work/old.baton $work/new.baton" >/dev/null 2>&1
    : >"$work/time-$format-$build"
    for _ in $(seq "$runs"); do
      /usr/bin/time -a -o "$work/time-$format-$build" -f '%e %U %S %M' "$exe" diff --format "$format" "$work/old.baton" "$work/new.baton" \
        >"$work/out-$format-$build" 2>/dev/null || true
    done
    printf '%s\t%s\t%s\t%s\n' "$format" "$build" "$work/$format-$build.json" "$work/time-$format-$build" >>"$results"
  done
  identical=""
  if [ -n "$before" ]; then
    if cmp -s "$work/out-$format-before" "$work/out-$format-after"; then identical="identical"; else identical="DIFFERENT"; fi
  fi
  printf '%s\t%s\t%s\t%s\n' "$format" "identical" "$identical" "" >>"$results"
done

# With perf (and permission to use it), the main thread's processor time: the part that does not
# run side by side, which the wall time comes down to when both cores are free.
threads=$work/threads.tsv
: >"$threads"
if command -v perf >/dev/null && perf record -q -F 4000 -o "$work/probe.data" true >/dev/null 2>&1; then
  for build in $builds; do
    exe=$(binary "$build")
    for _ in 1 2 3 4 5; do
      perf record -q -F 4000 -o "$work/perf.data" "$exe" diff "$work/old.baton" "$work/new.baton" >/dev/null 2>&1 || true
      perf script -i "$work/perf.data" -F pid,tid 2>/dev/null | awk -v build="$build" \
        '{ split($1, ids, "/"); all++; if (ids[1] == ids[2]) main++ } END { printf "%s\t%.3f\t%.3f\n", build, main / 4000, all / 4000 }' >>"$threads"
    done
  done
fi

python3 - "$results" "$runs" "$threads" <<'PY'
import json, statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
runs = sys.argv[2]
print(f"\nbaton diff OLD NEW, two designs of about 1 MB: medians of {runs} runs")
print(f"{'':10} {'build':7} {'hyperfine: wall s':>18} {'cpu s (mean)':>13}   {'time: wall s':>13} {'cpu s':>7} {'peak MB':>8}   output")
verdicts = {}
for format, build, a, b in rows:
    if build == "identical":
        verdicts[format] = a
        continue
for format, build, hyper, timing in rows:
    if build == "identical":
        continue
    r = json.load(open(hyper))["results"][0]
    samples = [line.split() for line in open(timing) if line.strip() and line[0].isdigit()]
    wall = statistics.median(float(s[0]) for s in samples)
    cpu = statistics.median(float(s[1]) + float(s[2]) for s in samples)
    peak = statistics.median(int(s[3]) for s in samples) / 1024
    note = verdicts.get(format, "") if build == "after" else ""
    print(f"{format:10} {build:7} {r['median']:18.3f} {r['user'] + r['system']:13.3f}   {wall:13.3f} {cpu:7.3f} {peak:8.1f}   {note}")
threads = [line.split("\t") for line in open(sys.argv[3]) if line.strip()]
if threads:
    print("\nperf, text format, medians of 5 runs: processor seconds on the main thread / in all threads")
    for build in ("before", "after"):
        rows = [(float(m), float(a)) for b, m, a in threads if b == build]
        if rows:
            print(f"  {build:7} {statistics.median(m for m, _ in rows):.3f} / {statistics.median(a for _, a in rows):.3f}")
print("\ntarget: under 0.5 s for the whole process (wall; on a busy machine read the processor time)")
PY
