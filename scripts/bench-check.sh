#!/usr/bin/env bash
# How fast `baton check` reads, side by side with an older build when one is given. Prints
# figures; asserts nothing (machines are noisy: compare medians and ratios measured in the
# same run, not digits from different days).
#
#   scripts/bench-check.sh                        # this tree's release build alone
#   scripts/bench-check.sh --before OLD/baton     # and an older binary, in the same run
#   scripts/bench-check.sh --before OLD/baton --before-bench OLD/baton-bench   # its compile stage too
#   scripts/bench-check.sh --after "$(scripts/build-release.sh)"   # the binary people install
#   BENCH_RUNS=5 PEAK_RUNS=3 SIZES="1 4" FILES=1000 scripts/bench-check.sh
#
# To keep a "before" binary: build the commit to compare with into its own directory, e.g.
#   git worktree add /tmp/before main && (cd /tmp/before && swift build -c release --product baton)
#   scripts/bench-check.sh --before /tmp/before/.build/release/baton
#
# `--after` measures a given binary instead of this tree's `swift build -c release` one, for
# instance the one `scripts/build-release.sh` makes, with the Swift runtime linked in: it starts
# in about half the time and 6 MB less memory than one that loads the runtime's shared libraries.
# Compare like with like: a `--before` built the same way.
#
# 1. `baton check FILE --format json` as a whole process on generated designs of 1, 4 and
#    16 MB, two shapes: the generator's (many flows of 500 interactions, every rule finding
#    something) and one long flow. Median wall time (hyperfine; with --before, the two builds
#    take turns, two runs at a time, here and in 4.), input MB/s, and peak resident
#    memory (GNU time, the median of PEAK_RUNS runs, 5 by default) per input byte. First,
#    `check` of a one-line design: what any run costs before it reads a byte (starting the
#    process, loading the Swift runtime and Foundation).
#    The memory per byte is printed twice: the whole peak, and the peak beyond that one-line
#    run's, which is what the design itself takes.
# 2. Compiling alone, in process (baton-bench compile: its result is freed after the clock
#    stops, since `check` keeps it to the end of the process; with --before-bench, the two
#    benches take turns as the builds do in 1.), beside the least any reader
#    does with the same bytes (baton-bench scan: one pass counting lines), and `wc -l` on the
#    file as a whole process.
# 3. A tree of 5,000 small designs (baton-bench generate-tree): `check DIR --format json` with
#    --jobs 1 and --jobs 2, the speed-up, and whether the outputs are byte-identical; `fmt
#    --check DIR` the same way. (An older build is run with --jobs 1 on its rows for 1 job, or
#    without it if it has no --jobs.)
# 4. The other stages as before: render of a sequence diagram (1,000 interactions) and of a
#    graph view (100 participants, 1,000 interactions), `fmt --check` of the 1 MB design, and
#    `check` of it in the other formats (text, github, sarif) and with `--unsafe-fixes --diff`
#    (fixing repeats until nothing applies; nothing is written).
#
# The issue's targets are printed beside the figures (>= 20 MB/s, <= 20 bytes of memory per
# input byte, 1 MB in under 0.1 s, 5,000 files >= 1.8x faster with 2 jobs, compile alone
# >= 50 MB/s; MB/s is by the wall clock, as a user waits for it, with the processor time beside).
#
# Needs: a Swift toolchain, hyperfine, GNU time (/usr/bin/time), python3
# (Debian: apt-get install hyperfine time python3).
set -euo pipefail
cd "$(dirname "$0")/.."

before=""
before_bench=""
after=""
while [ $# -gt 0 ]; do
  case $1 in
    --before) before=$(realpath "$2"); shift 2 ;;
    --before-bench) before_bench=$(realpath "$2"); shift 2 ;;
    --after) after=$(realpath "$2"); shift 2 ;;
    *) echo "usage: scripts/bench-check.sh [--before OLD-BATON] [--before-bench OLD-BATON-BENCH] [--after BATON]" >&2; exit 2 ;;
  esac
done
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench-check.sh needs $tool (apt-get install hyperfine time python3)" >&2; exit 2; }
done
runs=${BENCH_RUNS:-10}
peak_runs=${PEAK_RUNS:-5}
sizes=${SIZES:-1 4 16}
files=${FILES:-5000}

echo "== building (release)" >&2
if [ -z "$after" ]; then
  swift build -c release --product baton >/dev/null
  after=$PWD/.build/release/baton
fi
swift build -c release --product baton-bench >/dev/null
bench=$PWD/.build/release/baton-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: >"$results"

builds="after"
[ -n "$before" ] && builds="before after"
binary() { if [ "$1" = before ]; then echo "$before"; else echo "$after"; fi; }

# median NAME COMMAND...: hyperfine's median of a whole process, in seconds, and its mean
# processor time (user + system), which a busy machine disturbs less than the wall clock.
median() {
  local name=$1; shift
  hyperfine --warmup 1 --runs "$runs" --shell=none -i --export-json "$work/$name.json" "$*" >/dev/null 2>&1
  python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["median"], r["user"] + r["system"])' "$work/$name.json"
}

# turn ROUND WORDS...: the words, one a line, in their order on even rounds and the other way
# on odd ones: how two builds (or benches) take turns, so that neither always runs first.
turn() {
  local round=$1; shift
  if [ $((round % 2)) = 1 ]; then printf '%s\n' "$@" | tac; else printf '%s\n' "$@"; fi
}

# medians NAME ARGS...: `median` of `BUILD ARGS...` for every build, printed as a line
# "BUILD SECONDS CPU" each. With a before build, the two take turns, two runs at a time, the
# order swapped every round: a shared machine's speed changes from one minute to the next, and
# measured one after the other the two builds met different minutes (rows no change touched
# moved by up to a third). The median is over every run of the build; the processor time, the
# mean of the rounds'.
medians() {
  local name=$1; shift
  local rounds=$(( (runs + 1) / 2 )) round build
  for ((round = 0; round < rounds; round++)); do
    for build in $(turn "$round" $builds); do
      hyperfine --warmup "$([ "$round" = 0 ] && echo 1 || echo 0)" --runs 2 --shell=none -i \
        --export-json "$work/$name-$build-$round.json" "$(binary "$build") $*" >/dev/null 2>&1
    done
  done
  for build in $builds; do
    python3 -c 'import json, statistics, sys
rounds = [json.load(open(path))["results"][0] for path in sys.argv[2:]]
times = [t for r in rounds for t in r["times"]]
print(sys.argv[1], statistics.median(times), statistics.mean(r["user"] + r["system"] for r in rounds))' \
      "$build" "$work/$name-$build-"*.json
  done
}

# peak COMMAND...: peak resident memory in bytes (output discarded), the median of
# `peak_runs` runs: one run's peak moves from one run to the next by as much as the changes it
# is to show (the 1 MB generated design, one build: 28.7–31.7 MB in 15 runs).
peak() {
  local i kilobytes
  kilobytes=$(for ((i = 0; i < peak_runs; i++)); do
    /usr/bin/time -f '%M' -o "$work/peak" "$@" >/dev/null 2>/dev/null || true
    tail -n 1 "$work/peak"
  done | sort -n | sed -n "$(( (peak_runs + 1) / 2 ))p")
  echo $(( kilobytes * 1024 ))
}

# row SECTION NAME BUILD "SECONDS [CPU]" BYTES [PEAK]
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

echo "== 1. check --format json, whole process" >&2
printf 'service Alone\n' >"$work/one.baton"
medians one check "$work/one.baton" --format json | while read -r build seconds cpu; do
  row check "one line" "$build" "$seconds $cpu" "$(wc -c <"$work/one.baton")" \
    "$(peak "$(binary "$build")" check "$work/one.baton" --format json)"
done
for size in $sizes; do
  "$bench" generate --bytes "$((size * 1000000))" >"$work/gen$size.baton"
  "$bench" generate --bytes "$((size * 1000000))" --single-flow >"$work/flow$size.baton"
  for shape in gen flow; do
    file=$work/$shape$size.baton
    bytes=$(wc -c <"$file")
    medians "check-$shape$size" check "$file" --format json | while read -r build seconds cpu; do
      row check "$shape $size MB" "$build" "$seconds $cpu" "$bytes" "$(peak "$(binary "$build")" check "$file" --format json)"
    done
  done
done

# compiles SIZE: baton-bench compile of the SIZE MB design, printed as "BUILD SECONDS CPU BYTES"
# for each bench. With a before bench, the two take turns (`turn`), five rounds of three runs
# each (one after the other, the before column had moved x0.80 to x1.59 in a run where the
# compile had changed far less); the median of the rounds' medians.
compiles() {
  local size=$1 round bench_build executable
  local benches=after
  [ -n "$before_bench" ] && benches="before after"
  for ((round = 0; round < 5; round++)); do
    for bench_build in $(turn "$round" $benches); do
      executable=$bench
      [ "$bench_build" = before ] && executable=$before_bench
      "$executable" compile --bytes "$((size * 1000000))" --runs 3 >>"$work/compile$size-$bench_build.tsv"
    done
  done
  for bench_build in $benches; do
    python3 -c 'import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[2]) if line.startswith("compile\t")]
print(sys.argv[1], statistics.median(float(r[2]) for r in rows), statistics.median(float(r[5]) for r in rows), rows[0][1])' \
      "$bench_build" "$work/compile$size-$bench_build.tsv"
  done
}

echo "== 2. compile alone, in process" >&2
for size in $sizes; do
  file=$work/gen$size.baton
  bytes=$(wc -c <"$file")
  compiles "$size" | while read -r build seconds cpu compiled; do
    row compile "compile $size MB" "$build" "$seconds $cpu" "$compiled" ""
  done
  line=$("$bench" scan --bytes "$((size * 1000000))" --runs 3)
  row compile "scan $size MB" after "$(echo "$line" | cut -f3,6 | tr '\t' ' ')" "$(echo "$line" | cut -f2)" ""
  row compile "wc -l $size MB" after "$(median "wc$size" wc -l "$file")" "$bytes" ""
done

echo "== 3. a tree of $files designs" >&2
"$bench" generate-tree --files "$files" --dir "$work/tree" >"$work/tree.txt"
tree_bytes=$(cat "$work"/tree/*/*.baton | wc -c)
for build in $builds; do
  exe=$(binary "$build")
  if [ "$build" = before ]; then
    # An older build may have no --jobs (it then works on one file after another); one that
    # has it is given --jobs 1, or it would use every core.
    one=()
    if "$exe" check --help 2>/dev/null | grep -q -- "--jobs"; then one=(--jobs 1); fi
    row tree "check --jobs 1" before "$(median tree-before "$exe" check "$work/tree" --format json ${one[@]+"${one[@]}"})" "$tree_bytes" \
      "$(peak "$exe" check "$work/tree" --format json ${one[@]+"${one[@]}"})"
    "$exe" check "$work/tree" --format json >"$work/tree-before.json" 2>&1 || true
    row tree "fmt --check --jobs 1" before "$(median fmt-tree-before "$exe" fmt --check "$work/tree" ${one[@]+"${one[@]}"})" "$tree_bytes" ""
    continue
  fi
  for jobs in 1 2; do
    row tree "check --jobs $jobs" after "$(median "tree-$jobs" "$exe" check "$work/tree" --format json --jobs "$jobs")" "$tree_bytes" \
      "$(peak "$exe" check "$work/tree" --format json --jobs "$jobs")"
    "$exe" check "$work/tree" --format json --jobs "$jobs" >"$work/tree-$jobs.json" 2>&1 || true
    row tree "fmt --check --jobs $jobs" after "$(median "fmt-tree-$jobs" "$exe" fmt --check "$work/tree" --jobs "$jobs")" "$tree_bytes" ""
  done
done
identical="yes"
cmp -s "$work/tree-1.json" "$work/tree-2.json" || identical="NO"
if [ -n "$before" ] && ! cmp -s "$work/tree-before.json" "$work/tree-1.json"; then identical="$identical (NOT the before build's)"; fi

echo "== 4. render, fmt, other formats, fixes" >&2
"$bench" generate --participants 30 --interactions 1000 >"$work/seq.baton"
"$bench" generate --participants 100 --interactions 1000 >"$work/graph.baton"
# other NAME FILE ARGS...: a row for every build of `BUILD ARGS...`, which reads FILE.
other() {
  local name=$1 file=$2; shift 2
  medians "other-$(echo "$name" | tr -c 'a-z0-9' '-')" "$@" | while read -r build seconds cpu; do
    row other "$name" "$build" "$seconds $cpu" "$(wc -c <"$file")" ""
  done
}
other "render sequence, 1,000 interactions" "$work/seq.baton" render "$work/seq.baton" -o "$work/seq.svg"
other "render graph, 100 x 1,000" "$work/graph.baton" render "$work/graph.baton" --view graph -o "$work/graph.svg"
other "fmt --check 1 MB" "$work/gen1.baton" fmt --check "$work/gen1.baton"
for format in text github sarif; do
  other "check --format $format 1 MB" "$work/gen1.baton" check "$work/gen1.baton" --format "$format"
done
other "check --unsafe-fixes --diff 1 MB" "$work/gen1.baton" check "$work/gen1.baton" --unsafe-fixes --diff

python3 - "$results" "$(cat "$work/tree.txt")" "$identical" "$runs" <<'PY'
import sys
from collections import OrderedDict
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
tree, identical, runs = sys.argv[2], sys.argv[3], sys.argv[4]
table = OrderedDict()
for section, name, build, times, size, peak in rows:
    seconds, *cpu = [float(t) for t in times.split()]
    table.setdefault((section, name), {})[build] = (seconds, cpu[0] if cpu else None, int(size), int(peak) if peak else None)
builds = [b for b in ("before", "after") if any(b in v for v in table.values())]

def figures(entry, name=""):
    seconds, cpu, size, peak = entry
    cpu = f"{cpu:7.3f}" if cpu is not None else "      -"
    if name == "one line":
        # Not a rate: what any run costs, and its whole peak in MB.
        return f"{seconds:8.4f} {cpu} {'-':>7} {peak / 1e6:5.1f}MB"
    per = f"{peak / size:7.1f}" if peak else "      -"
    return f"{seconds:8.4f} {cpu} {size / 1e6 / seconds:7.1f} {per}"

print(f"\nmedians of {runs} runs (hyperfine): wall seconds, mean processor seconds (user + system), MB/s of input")
print("by the wall clock, and peak resident memory per input byte (B/byte)")
header = f"{'':38}" + "".join(f"{b + ': s':>10} {'cpu s':>7} {'MB/s':>7} {'B/byte':>7}   " for b in builds)
if len(builds) == 2: header += "speed-up (wall, cpu)"
for section, title in [("check", "1. check --format json (whole process)"), ("compile", "2. compile alone (in process) and the yardsticks"),
                       ("tree", f"3. {tree}"), ("other", "4. render, fmt, the other report formats and fixes (whole process)")]:
    print(f"\n{title}\n{header}")
    for (s, name), entry in table.items():
        if s != section: continue
        line = f"{name:38}" + "".join((figures(entry[b], name) if b in entry else f"{'':32}") + "   " for b in builds)
        if len(builds) == 2 and "before" in entry and "after" in entry:
            b, a = entry["before"], entry["after"]
            line += f"x{b[0] / a[0]:.2f}" + (f", x{b[1] / a[1]:.2f}" if b[1] and a[1] else "")
        print(line)

def get(section, name, build="after"):
    return table.get((section, name), {}).get(build)

print("\ntargets (this build)")
alone = get("check", "one line")
if alone:
    print(f"  check of a one-line design: {alone[0] * 1000:.1f} ms, {alone[3] / 1e6:.1f} MB: what every run below includes")
for name, entry in table.items():
    if name[0] != "check" or name[1] == "one line" or "after" not in entry: continue
    seconds, cpu, size, peak = entry["after"]
    beyond = f", {(peak - alone[3]) / size:.1f} beyond the one-line run's" if alone else ""
    print(f"  check {name[1]:10}  {size / 1e6 / seconds:6.1f} MB/s (target >= 20; {size / 1e6 / cpu:.1f} per processor second)"
          f"   {peak / size:6.1f} B/byte{beyond} (target <= 20)")
for name, entry in table.items():
    if name[0] != "compile" or not name[1].startswith("compile ") or "after" not in entry: continue
    seconds, cpu, size, _ = entry["after"]
    scan = get("compile", name[1].replace("compile", "scan"))
    print(f"  {name[1]:16}  {size / 1e6 / seconds:6.1f} MB/s (target >= 50; {size / 1e6 / cpu:.1f} per processor second)"
          + (f"   beside a byte scan: {size / 1e6 / scan[1]:.0f} MB/s" if scan and scan[1] else ""))
one = get("check", "gen 1 MB")
if one: print(f"  1 MB whole process: {one[0]:.3f} s, {one[1]:.3f} processor s (target < 0.1 s)")
j1, j2 = get("tree", "check --jobs 1"), get("tree", "check --jobs 2")
if j1 and j2:
    print(f"  {tree.split(' (')[0]}: --jobs 2 is x{j1[0] / j2[0]:.2f} of --jobs 1 (target >= 1.8); it used {j2[1] / j2[0]:.2f} processors"
          f" on average and {j2[1] / j1[1]:.2f}x the processor time; outputs identical: {identical}")
f1, f2 = get("tree", "fmt --check --jobs 1"), get("tree", "fmt --check --jobs 2")
if f1 and f2: print(f"  fmt --check over the tree: --jobs 2 is x{f1[0] / f2[0]:.2f} of --jobs 1")
PY
