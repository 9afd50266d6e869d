#!/usr/bin/env bash
# Compares Baton's layered graph layout with Graphviz dot on the same seeded random graphs:
# wall time, route crossings and total edge length, both drawings scored by the same code
# (`baton-graph-bench --score-plain` reads dot's -Tplain splines back as polylines).
#
#   scripts/graph-layout-vs-dot.sh                 # the default sizes
#   SIZES="40x100 60x150:labels" SEEDS="1 2 3" TIMEOUT=120 scripts/graph-layout-vs-dot.sh
#
# A size is NODESxEDGES, optionally followed by :labels and/or :clustersK (e.g. 30x60:labels:clusters4).
# dot runs under `timeout`; a dot run that times out is reported as such. The default run takes
# about half an hour, nearly all of it dot on the two big sizes (~150 s for 100x1000 without
# labels, over 20 min with labels); pick sizes with SIZES for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"20x40 30x60 40x100 60x150 20x40:labels 30x60:labels 40x100:labels 60x150:labels 30x60:clusters3 100x1000 100x1000:labels 1000x3000"}
SEEDS=${SEEDS:-"1 2 3"}
TIMEOUT=${TIMEOUT:-180}
DOT=${DOT:-dot}

swift build -c release --product baton-graph-bench >/dev/null
BENCH=.build/release/baton-graph-bench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

printf '%-24s %4s | %10s %9s %11s | %10s %9s %11s | %8s %8s\n' \
  size seed "baton ms" crossings length "dot ms" crossings length "cross %" "length %"
for size in $SIZES; do
  IFS=: read -r dims opt1 opt2 <<<"$size"
  nodes=${dims%x*}; edges=${dims#*x}
  extra=()
  for opt in ${opt1:-} ${opt2:-}; do
    case $opt in
      labels) extra+=(--labels) ;;
      clusters*) extra+=(--clusters "${opt#clusters}") ;;
    esac
  done
  for seed in $SEEDS; do
    ours=$("$BENCH" --nodes "$nodes" --edges "$edges" --seed "$seed" "${extra[@]}" --emit-dot "$WORK/g.dot" | grep '^RESULT')
    b_ms=$(field time_ms <<<"$ours"); b_x=$(field crossings <<<"$ours"); b_len=$(field length <<<"$ours")
    start=$(date +%s.%N)
    if timeout "$TIMEOUT" "$DOT" -Tplain "$WORK/g.dot" >"$WORK/g.plain" 2>/dev/null; then
      end=$(date +%s.%N)
      d_ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
      theirs=$("$BENCH" --score-plain "$WORK/g.plain")
      d_x=$(field crossings <<<"$theirs"); d_len=$(field length <<<"$theirs")
      ratio_x=$(awk -v a="$b_x" -v b="$d_x" 'BEGIN { if (b == 0) print (a == 0 ? "100" : "inf"); else printf "%.0f", 100 * a / b }')
      ratio_len=$(awk -v a="$b_len" -v b="$d_len" 'BEGIN { printf "%.0f", 100 * a / b }')
    else
      d_ms=">${TIMEOUT}000"; d_x="-"; d_len="-"; ratio_x="-"; ratio_len="-"
    fi
    printf '%-24s %4s | %10s %9s %11s | %10s %9s %11s | %8s %8s\n' \
      "$size" "$seed" "$b_ms" "$b_x" "$b_len" "$d_ms" "$d_x" "$d_len" "$ratio_x" "$ratio_len"
  done
done
