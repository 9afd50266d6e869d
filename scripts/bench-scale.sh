#!/usr/bin/env bash
# Whole-process time and peak memory of Baton on big and hostile inputs: what a CI job that
# meets such a file would see. Prints figures; asserts nothing (compare medians and ratios).
#
#   scripts/bench-scale.sh            # 1, 10 and 50 MB generated designs, 100k participants, hostile cases
#   SIZES="1 10" scripts/bench-scale.sh
#
# For each: wall seconds, peak resident memory, exit status and output size of
#   baton check, baton render (sequence view), baton render --view graph,
# then baton metrics on 100,000 participants, and the hostile cases of the hardening work
# (a 1.2 MB attribute list, 3,000 duplicate keys, 40,000 statements on one line, a 10 MB line).
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product baton >/dev/null
swift build -c release --product baton-bench >/dev/null
baton=$PWD/.build/release/baton
bench=$PWD/.build/release/baton-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME COMMAND...: one row of the table.
run() {
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || status=$?
  read -r seconds kib < <(tail -n 1 "$work/time") || true
  local bytes; bytes=$(( $(wc -c <"$work/out") + $(wc -c <"$work/err") ))
  printf '%-46s %8ss %8s MB  exit %-3s output %10s bytes\n' "$name" "$seconds" "$((kib / 1024))" "$status" "$bytes"
  if [ "$status" -ge 128 ]; then echo "   killed or crashed: $(tail -c 300 "$work/err")"; fi
}

echo "== generated designs"
for size in ${SIZES:-1 10 50}; do
  design="$work/design-${size}mb.baton"
  "$bench" generate --bytes "$((size * 1000000))" >"$design"
  run "check ${size} MB" "$baton" check "$design" --format json
  run "render sequence ${size} MB" "$baton" render "$design" -o "$work/seq.svg"
  run "render graph ${size} MB" "$baton" render "$design" --view graph -o "$work/graph.svg"
done

echo
echo "== metrics"
"$bench" generate --participants 100000 --interactions 200000 >"$work/wide.baton"
run "metrics 100,000 participants" "$baton" metrics "$work/wide.baton"

echo
echo "== hostile inputs"
python3 -c "print('service Api [' + 'timeout=1s,' * 100000)" >"$work/attributes.baton"
run "check: 100,000 attributes in one list" "$baton" check "$work/attributes.baton"
python3 -c "print('service Api [' + ', '.join('timeout=1s' for _ in range(3000)) + ']')" >"$work/duplicates.baton"
run "check: 3,000 duplicate keys" "$baton" check "$work/duplicates.baton"
python3 -c "print('; '.join('service S%d' % i for i in range(40000)))" >"$work/oneline.baton"
run "fmt: 40,000 statements on one line" "$baton" fmt - <"$work/oneline.baton"
run "check: 40,000 statements on one line" "$baton" check "$work/oneline.baton"
python3 -c "print('; '.join('service S%d' % i for i in range(800000)))" >"$work/tenmb.baton"
run "fmt: a 10 MB line" "$baton" fmt - <"$work/tenmb.baton"
run "check: a 10 MB line" "$baton" check "$work/tenmb.baton"
