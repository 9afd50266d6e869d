#!/usr/bin/env bash
# Renders the same generated sequence diagram with Baton and with PlantUML and compares them:
# median wall time (hyperfine) and peak memory (GNU time's maximum resident set size).
#
#   scripts/bench-sequence-vs-plantuml.sh [INTERACTIONS] [PARTICIPANTS] [SEED]
#
# Defaults: 1,000 interactions between 30 participants, seed 42. Needs python3, hyperfine,
# plantuml and GNU time (/usr/bin/time; Debian: apt-get install time). Builds baton in release
# mode first. The design is one flow with nested blocks, fragments and notes, written once as
# Baton and once as PlantUML by scripts/generate-sequence-workload.py.
set -euo pipefail

interactions=${1:-1000}
participants=${2:-30}
seed=${3:-42}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in python3 hyperfine plantuml /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

echo "building baton (release)..." >&2
swift build -c release --product baton --package-path "$root" >/dev/null
baton="$root/.build/release/baton"

python3 "$root/scripts/generate-sequence-workload.py" --interactions "$interactions" \
  --participants "$participants" --seed "$seed" "$work/design"
echo "design: $interactions interactions, $participants participants, seed $seed" \
  "($(wc -c <"$work/design.baton") bytes of Baton, $(wc -c <"$work/design.puml") bytes of PlantUML)"

baton_cmd="$baton render $work/design.baton -o $work/baton.svg"
plantuml_cmd="plantuml -tsvg -pipe < $work/design.puml > $work/plantuml.svg"

hyperfine --warmup 1 --runs "${BENCH_RUNS:-10}" --export-json "$work/times.json" \
  --command-name baton "$baton_cmd" --command-name plantuml "$plantuml_cmd" >&2

peak_kb() {
  /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
baton_kb=$(peak_kb "$baton_cmd")
plantuml_kb=$(peak_kb "$plantuml_cmd")

python3 - "$work/times.json" "$baton_kb" "$plantuml_kb" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
baton, plantuml = results["baton"]["median"], results["plantuml"]["median"]
baton_mb, plantuml_mb = int(sys.argv[2]) / 1024, int(sys.argv[3]) / 1024
print(f"{'':10} {'median':>10} {'peak RSS':>10}")
print(f"{'baton':10} {baton * 1000:>8.1f}ms {baton_mb:>8.1f}MB")
print(f"{'plantuml':10} {plantuml * 1000:>8.1f}ms {plantuml_mb:>8.1f}MB")
print(f"baton is {plantuml / baton:.0f}x faster and uses {plantuml_mb / baton_mb:.0f}x less memory")
if baton >= 0.1:
    print("FAIL: baton took 100 ms or more", file=sys.stderr)
    sys.exit(1)
PY
