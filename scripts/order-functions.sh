#!/usr/bin/env bash
# Writes scripts/function-order.txt: the functions the installed `baton` runs in common work —
# checking a sample and a large design, rendering, formatting — which scripts/build-release.sh
# asks the linker to place side by side.
#
#     scripts/order-functions.sh
#
# Why: the system reads a program's code into memory 64 KB around each place that runs, and
# the functions a check runs were spread over 15 of the binary's 19 MB of code, so a one-line
# check held 8 MB of it. Placed together, they take about 3 MB less in every run. A function
# missing from the list (new code) still works; it is only not placed with the others. Run this
# again when much has changed, and commit the list with the figures of scripts/bench-check.sh.
#
# Needs: valgrind (apt-get install valgrind), python3, a Swift toolchain. Takes about two
# minutes after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in valgrind python3; do
  command -v "$tool" >/dev/null || { echo "order-functions.sh needs $tool (apt-get install $tool)" >&2; exit 2; }
done

# The binary build-release.sh makes, before it is stripped: SwiftPM's own product.
scripts/build-release.sh >/dev/null
baton="$(swift build -c release --show-bin-path)/baton"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A design large enough that the rules and the report run on several threads.
python3 scripts/generate-sequence-workload.py --interactions 20000 --participants 300 "$work/large" >/dev/null
sample=samples/card-payments.baton

run=0
profile() {
  run=$((run + 1))
  # `check` exits 1 when it finds problems: the exit status is not what is measured.
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/profile.$run" "$baton" "$@" \
    >/dev/null 2>"$work/valgrind.$run" || true
  grep -q "Collected" "$work/valgrind.$run" || { cat "$work/valgrind.$run" >&2; exit 1; }
}
profile check "$sample"
profile check --format json "$work/large.baton"
profile check "$work/large.baton"
profile render "$sample" -o "$work/sample.svg"
profile fmt --check "$sample"

# Every function that ran, once, in the order the profiles first name them, as the linker's
# names of their sections (each function has its own: see build-release.sh).
python3 - "$work" "$run" > "$work/function-order.txt" <<'EOF'
import re, sys
work, runs = sys.argv[1], int(sys.argv[2])
seen = set()
for run in range(1, runs + 1):
    for line in open(f"{work}/profile.{run}", errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (\S+)$", line.rstrip("\n"))
        if not match or match.group(1).startswith("0x") or "@" in match.group(1):
            continue
        # callgrind names a recursive call's levels name'2, name'3, …
        name = re.sub(r"'\d+$", "", match.group(1))
        if name not in seen:
            seen.add(name)
            print(f".text.{name}")
EOF
mv "$work/function-order.txt" scripts/function-order.txt
echo "scripts/function-order.txt: $(wc -l < scripts/function-order.txt) functions" >&2
# The linker reads the list only when it links: SwiftPM does not know that the file changed, so
# its product is removed, and the next build-release.sh links it anew with this list.
rm -f "$baton"
