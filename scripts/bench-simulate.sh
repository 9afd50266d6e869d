#!/usr/bin/env bash
# The simulator's benchmark: Baton against Ciw (PyPI `ciw`) on the same queueing networks, then
# Baton alone on a five-hop design. Prints figures; asserts nothing (machines are noisy: compare
# medians and ratios, not digits).
#
#   scripts/bench-simulate.sh                 # both parts, 200,000 requests per network
#   scripts/bench-simulate.sh peer            # part 1 only
#   scripts/bench-simulate.sh alone           # part 2 only
#   BENCH_REQUESTS=50000 scripts/bench-simulate.sh
#
# 1. Baton vs Ciw: each network of scripts/peer/*.baton (M/M/1, M/M/3, M/M/1/K, a five-station
#    tandem) with the same number of simulated requests (N expected arrivals, a tenth of them
#    warm-up; scripts/ciw-peer.py --requests N and baton-sim-bench file --requests N), timed by
#    hyperfine as whole processes, and from inside each process as processor seconds of the
#    simulation alone (Ciw's simulate_until_max_time, without Python's start-up and imports).
#    Printed: medians, microseconds per request and the ratio Ciw ÷ Baton.
# 2. Baton alone (baton-sim-bench): a ten-minute scenario at 1,000 runs/s through a chain of
#    five nested sync calls (600,000 runs); peak memory at 10 and at 100 minutes (it must not
#    grow with the duration); 8 replications on 1 and on 2 threads, and as two processes side by
#    side (what the machine allows: on a shared one, other work takes cores).
#
# Needs: a Swift toolchain, hyperfine, GNU time (/usr/bin/time), python3 with Ciw
# (Debian: apt-get install hyperfine time; python3 -m pip install ciw==3.2.7).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${BENCH_REQUESTS:-200000}
baton_runs=${BATON_RUNS:-10}
ciw_runs=${CIW_RUNS:-3}
networks="mm1 mm3 mm1k tandem"
part=${1:-all}

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench-simulate.sh needs $tool (apt-get install hyperfine time python3)"; exit 1; }
done
[ "$part" = alone ] || python3 -c "import ciw" 2>/dev/null || { echo "bench-simulate.sh needs Ciw: python3 -m pip install ciw==3.2.7"; exit 1; }

echo "== building (release)"
swift build -c release --product baton-sim-bench >/dev/null
bench=.build/release/baton-sim-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average$(uptime | sed 's/.*load average//')"
if [ "$part" != alone ]; then
echo "Ciw $(python3 -c 'import ciw; print(ciw.__version__)'), Python $(python3 -c 'import platform; print(platform.python_version())')"

echo
echo "== 1. Baton vs Ciw, $requests requests per network"
for network in $networks; do
  design=scripts/peer/$network.baton
  hyperfine --style none --warmup 1 --runs "$baton_runs" --export-json "$work/baton-$network.json" \
    --command-name "baton $network" \
    "$bench file $design --requests $requests --repeat 1 >> $work/baton-$network.txt" >/dev/null
  hyperfine --style none --runs "$ciw_runs" --export-json "$work/ciw-$network.json" \
    --command-name "ciw $network" \
    "python3 scripts/ciw-peer.py --networks $network --replications 1 --requests $requests --compact >> $work/ciw-$network.jsonl" >/dev/null
  echo "   $network done"
done

python3 - "$work" "$requests" $networks <<'EOF'
import json, re, statistics, sys
work, requests, networks = sys.argv[1], float(sys.argv[2]), sys.argv[3:]

def wall(path):
    return statistics.median(json.load(open(path))["results"][0]["times"])

print()
print(f"{'network':8} {'Baton wall':>11} {'Ciw wall':>10} {'ratio':>7}   "
      f"{'Baton µs/req':>12} {'Ciw µs/req':>11} {'ratio':>7}   {'mean response Baton / Ciw':>26}")
for network in networks:
    baton_lines = [l for l in open(f"{work}/baton-{network}.txt") if "cpu_seconds=" in l]
    baton_fields = [dict(re.findall(r"(\w+)=([\d.e+-]+|nan)", l)) for l in baton_lines]
    baton_cpu = statistics.median(float(f["cpu_seconds"]) for f in baton_fields)
    baton_response = float(baton_fields[-1]["mean_response"])
    ciw_runs = [json.loads(l)["networks"][0] for l in open(f"{work}/ciw-{network}.jsonl")]
    ciw_cpu = statistics.median(r["simulation_cpu_seconds"] for r in ciw_runs)
    ciw_response = ciw_runs[-1]["response_time"]["mean"]
    baton_wall, ciw_wall = wall(f"{work}/baton-{network}.json"), wall(f"{work}/ciw-{network}.json")
    baton_us, ciw_us = baton_cpu / requests * 1e6, ciw_cpu / requests * 1e6
    print(f"{network:8} {baton_wall:10.3f}s {ciw_wall:9.3f}s {ciw_wall / baton_wall:6.0f}x   "
          f"{baton_us:12.3f} {ciw_us:11.2f} {ciw_us / baton_us:6.0f}x   {baton_response:12.4f} / {ciw_response:.4f}")
print()
print("wall: whole processes, hyperfine medians (Ciw's includes starting Python and importing Ciw);")
print("µs/req: processor time of the simulation alone, medians, per simulated request (a tandem")
print("request visits five stations).")
EOF
fi
[ "$part" = peer ] && exit 0

echo
echo "== 2. Baton alone (baton-sim-bench)"
hyperfine --style none --warmup 1 --runs "$baton_runs" --export-json "$work/five-hop.json" \
  "$bench five-hop --repeat 1 >> $work/five-hop.txt" >/dev/null
for minutes in 10 100; do
  /usr/bin/time -f "%M" -o "$work/memory-$minutes.txt" "$bench" five-hop --minutes "$minutes" --repeat 1 >/dev/null
done
hyperfine --style none --runs 3 --export-json "$work/jobs-1.json" "$bench replicate --runs 8 --jobs 1 --repeat 1" >/dev/null
hyperfine --style none --runs 3 --export-json "$work/jobs-2.json" "$bench replicate --runs 8 --jobs 2 --repeat 1" >/dev/null
# The machine's own bound: the same 8 replications as two processes of 4 side by side.
hyperfine --style none --runs 3 --export-json "$work/processes-2.json" \
  "$bench replicate --runs 4 --jobs 1 --repeat 1 >/dev/null & $bench replicate --runs 4 --jobs 1 --repeat 1 >/dev/null; wait" >/dev/null

python3 - "$work" <<'EOF'
import json, re, statistics, sys
work = sys.argv[1]

def wall(name):
    return statistics.median(json.load(open(f"{work}/{name}.json"))["results"][0]["times"])

cpu = statistics.median(float(m) for m in re.findall(r"cpu_seconds=([\d.]+)", open(f"{work}/five-hop.txt").read()))
print(f"five-hop, 10 minutes at 1,000 runs/s (600,000 runs): {wall('five-hop'):.3f} s wall (whole process), "
      f"{cpu:.3f} s processor (simulation), {cpu / 600000 * 1e6:.2f} µs per run — target under 1 s")
memory = {m: int(open(f"{work}/memory-{m}.txt").read().split()[-1]) / 1024 for m in (10, 100)}
print(f"peak memory: {memory[10]:.1f} MB at 10 minutes, {memory[100]:.1f} MB at 100 minutes "
      f"(ratio {memory[100] / memory[10]:.2f} for 10x the duration)")
def busy(name):
    # Processor seconds (all threads) per wall-clock second: how many cores the run really had.
    result = json.load(open(f"{work}/{name}.json"))["results"][0]
    return (result["user"] + result["system"]) / result["mean"]

def processor(name):
    result = json.load(open(f"{work}/{name}.json"))["results"][0]
    return result["user"] + result["system"]

one, two, apart = wall("jobs-1"), wall("jobs-2"), wall("processes-2")
print(f"8 replications: {one:.2f} s on 1 thread, {two:.2f} s on 2 threads: {one / two:.2f}x faster")
print(f"  processor seconds {processor('jobs-1'):.2f} and {processor('jobs-2'):.2f}; cores in use on average "
      f"{busy('jobs-1'):.2f} and {busy('jobs-2'):.2f}")
print(f"  the machine's bound: as two processes of 4 side by side, {apart:.2f} s ({one / apart:.2f}x); other work on a")
print("  shared machine takes the rest of the cores")
EOF
