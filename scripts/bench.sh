#!/usr/bin/env bash
# Baton's benchmark, all in one place. Prints figures; asserts nothing (machines are noisy:
# compare medians and ratios, not digits).
#
#   scripts/bench.sh            # quick: pipeline stages, whole-process timings, PlantUML, small dot sizes
#   scripts/bench.sh --full     # also the big Graphviz comparisons (about half an hour of dot)
#
# 1. baton-bench: every pipeline stage (compile, check, lint, render) on generated designs of
#    1, 2, 5 and 10 MB, one process per measurement: median seconds, MB/s, peak memory, growth;
#    then `baton render --view graph` as whole processes at 2,000 participants / 20,000
#    interactions, 1 MB and 10 MB (over the graph view's limit: how fast it is refused).
# 2. hyperfine on whole processes, as CI and doc builds run them: baton check on a 1 MB design,
#    baton render of a 1,000-interaction sequence diagram and of a 100-participant /
#    1,000-interaction graph view.
# 3. The same sequence diagram with PlantUML (scripts/bench-sequence-vs-plantuml.sh).
# 4. The layered layout against Graphviz dot on the same graphs (scripts/graph-layout-vs-dot.sh).
# 5. The graph view of every sample, Baton's against dot's, scored alike (scripts/graph-view-vs-dot.py).
# 6. Big and hostile inputs as whole processes: time, peak memory and output size of check and
#    both views at 1, 10 and 50 MB, metrics at 100,000 participants, and the hardening cases
#    (scripts/bench-scale.sh).
# 7. render --to png of a 1,000-interaction sequence diagram, and beside rsvg-convert on a
#    500-interaction one (scripts/bench-png.sh).
#
# Needs: a Swift toolchain; hyperfine, plantuml, graphviz, python3 and GNU time for parts 2-4,
# librsvg2-bin and fonts-liberation2 for part 7 (Debian: apt-get install hyperfine plantuml
# graphviz time librsvg2-bin fonts-liberation2).
set -euo pipefail
cd "$(dirname "$0")/.."
full=${1:-}

echo "== building (release)"
swift build -c release --product baton >/dev/null
swift build -c release --product baton-bench >/dev/null
baton=.build/release/baton
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo
echo "== 1. pipeline stages (baton-bench)"
.build/release/baton-bench
echo
.build/release/baton-bench graph-view

echo
echo "== 2. whole processes (hyperfine)"
.build/release/baton-bench generate --bytes 1000000 > "$work/1mb.baton"
.build/release/baton-bench generate --participants 30 --interactions 1000 > "$work/seq.baton"
.build/release/baton-bench generate --participants 100 --interactions 1000 > "$work/graph.baton"
hyperfine --warmup 1 --runs "${BENCH_RUNS:-10}" -i \
  --command-name "check 1 MB (all rules)" "$baton check $work/1mb.baton --format json >/dev/null" \
  --command-name "render sequence, 1,000 interactions" "$baton render $work/seq.baton -o $work/seq.svg" \
  --command-name "render graph, 100 participants / 1,000 interactions" "$baton render $work/graph.baton --view graph -o $work/graph.svg" \
  2>&1 | grep -v "^ *Warning" || true
for design in 1mb seq graph; do
  /usr/bin/time -v "$baton" check "$work/$design.baton" --format json >/dev/null 2>"$work/time.txt" || true
  echo "peak memory, baton check $design: $(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.txt") KB"
done

echo
echo "== 3. sequence diagram: Baton vs PlantUML"
scripts/bench-sequence-vs-plantuml.sh

echo
echo "== 4. graph layout: Baton vs Graphviz dot"
if [ "$full" = "--full" ]; then
  scripts/graph-layout-vs-dot.sh
else
  SIZES="20x40 40x100 60x150:labels 30x60:clusters3" SEEDS="1 2" TIMEOUT=60 scripts/graph-layout-vs-dot.sh
fi

echo
echo "== 5. graph view of the samples: Baton vs Graphviz dot"
BATON="$baton" scripts/graph-view-vs-dot.py
BATON="$baton" scripts/graph-view-vs-dot.py --direction TB

echo
echo "== 6. big and hostile inputs (whole processes)"
scripts/bench-scale.sh

echo
echo "== 7. render --to png: Baton vs rsvg-convert"
scripts/bench-png.sh
