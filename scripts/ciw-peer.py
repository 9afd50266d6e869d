#!/usr/bin/env python3
"""Baton's simulator against a real peer: the same queueing networks in Ciw (PyPI `ciw`).

Builds in Ciw the networks of the designs in scripts/peer/*.baton, runs R replications with seeds
S, S+1, ... (as `Simulator.replicate` does), and prints JSON: per network, its parameters (so a
caller can check they are the design's), the mean response time, mean wait, utilisation and
blocking, each with its 95% confidence interval over the replications, how many requests were
simulated, and the processor seconds taken (in all, and by Ciw's simulation alone).

    scripts/ciw-peer.py [--networks mm1,mm3,mm1k,tandem] [--replications R] [--seed S]
                        [--requests N] [--scale X] [--compact]

By default each network runs for the duration and warm-up of its design's scenario. --requests N
instead simulates N expected arrivals per replication (duration N/λ, a tenth of it warm-up), the
way scripts/bench-simulate.sh gives Baton and Ciw the same work; --scale X multiplies the
scenario's duration and warm-up. --compact prints the JSON on one line (for appending the
outputs of several runs to one file). Needs Python 3 and Ciw 3 (python3 -m pip install ciw).

Measured the way Baton measures (docs/simulation.md, "What is measured"):
- a request counts when it arrived after the warm-up;
- response time: from arrival at the first station until the end of service at the last, over
  the requests that finished (a rejected request fails its run and has no response time);
- wait: from arrival at a station until a server took it;
- utilisation: server time in use after the warm-up / (servers x measured time);
- blocking: arrivals refused by a full station / arrivals at it.
"""

import argparse
import json
import math
import platform
import sys
import time

try:
    import ciw
except ImportError:  # The caller (a test, the benchmark) reports what to install.
    sys.exit("ciw-peer.py needs Ciw: python3 -m pip install ciw")


class Station:
    """One M/M/c station: `servers` servers, exponential service of mean `service` seconds, and
    a waiting line of at most `capacity` (None: unbounded) -- Baton's concurrency, latency and
    backlog. Ciw's queue capacity, like Baton's backlog, leaves out the requests in service.
    Only a first station may have one: inside a tandem, Ciw holds a request at the station before
    a full one (blocking after service), where Baton refuses the call."""

    def __init__(self, name, servers, service, capacity=None):
        self.name = name
        self.servers = servers
        self.service = service
        self.capacity = capacity


class Network:
    """Poisson arrivals at `rate` per second visit `stations` in order (a tandem when several).

    In Baton this is a client making one sync call to each station in turn: the client is not a
    station, so nothing holds a server while a later station works, and the network is exactly a
    tandem of M/M/c queues. (Nested calls -- A calling B inside its handling -- would hold A's
    server during B's work, which is not a network of independent queues.)"""

    def __init__(self, name, design, rate, stations, duration, warmup):
        self.name = name
        self.design = design
        self.rate = rate
        self.stations = stations
        self.duration = duration
        self.warmup = warmup


# The designs' parameters; CiwPeerTests checks them against scripts/peer/*.baton.
NETWORKS = [
    Network("mm1", "mm1.baton", 8.0, [Station("Server", 1, 0.1)], duration=720.0, warmup=60.0),
    Network("mm3", "mm3.baton", 0.2, [Station("Server", 3, 10.0)], duration=14400.0, warmup=1200.0),
    Network("mm1k", "mm1k.baton", 8.0, [Station("Server", 1, 0.1, capacity=4)], duration=720.0, warmup=60.0),
    Network("tandem", "tandem.baton", 4.0, [
        Station("A", 1, 0.1),
        Station("B", 2, 0.3),
        Station("C", 1, 0.15),
        Station("D", 4, 0.8),
        Station("E", 1, 0.05),
    ], duration=720.0, warmup=60.0),
]


def figure(values):
    """The mean of the replications' values with its 95% confidence interval (Student's t with
    R - 1 degrees of freedom), as Baton reports replications."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return {"mean": mean, "lower": None, "upper": None, "half_width": None}
    variance = sum((v - mean) ** 2 for v in values) / (n - 1)
    half = t975(n - 1) * math.sqrt(variance / n)
    return {"mean": mean, "lower": mean - half, "upper": mean + half, "half_width": half}


def t975(df):
    """Student's t 97.5% quantile: exact to 30 degrees of freedom, Cornish-Fisher beyond."""
    table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
             2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
             2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
    if df <= len(table):
        return table[df - 1]
    z = 1.959964
    return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df)


def build(network):
    count = len(network.stations)
    # A tandem: station i sends every request on to station i+1; the last one lets it leave.
    routing = [[1.0 if j == i + 1 else 0.0 for j in range(count)] for i in range(count)]
    return ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=network.rate)]
        + [None] * (count - 1),
        service_distributions=[ciw.dists.Exponential(rate=1.0 / s.service) for s in network.stations],
        number_of_servers=[s.servers for s in network.stations],
        queue_capacities=[float("inf") if s.capacity is None else s.capacity for s in network.stations],
        routing=routing,
    )


def replicate(network, seed, duration, warmup):
    """One run: the measured figures of every station and of the whole network."""
    start = time.process_time()
    ciw.seed(seed)
    simulation = ciw.Simulation(build(network))
    simulation.simulate_until_max_time(duration)
    simulating = time.process_time() - start
    records = simulation.get_all_records(include_incomplete=True)
    measured = duration - warmup
    last = len(network.stations)

    stations = []
    for number, station in enumerate(network.stations, start=1):
        here = [r for r in records if r.node == number]
        arrived = [r for r in here if r.arrival_date >= warmup]
        waits = [r.waiting_time for r in arrived if r.record_type == "service"]
        rejected = sum(1 for r in arrived if r.record_type == "rejection")
        busy = 0.0
        for r in here:
            if r.record_type != "service":
                continue
            begin, end = max(r.service_start_date, warmup), min(r.service_end_date, duration)
            if end > begin:
                busy += end - begin
        # A request still in service at the end holds its server from its start until then.
        for r in here:
            if r.record_type == "incomplete" and r.service_start_date is not None and r.service_time is None:
                busy += duration - max(r.service_start_date, warmup)
        stations.append({
            "wait": sum(waits) / len(waits) if waits else None,
            "utilisation": busy / (station.servers * measured),
            "blocking": rejected / len(arrived) if arrived else None,
        })

    # A request's response: arrival at the first station to the end of service at the last.
    first_arrival = {}
    for r in records:
        if r.node == 1 and r.arrival_date >= warmup:
            first_arrival[r.id_number] = r.arrival_date
    responses = [r.exit_date - first_arrival[r.id_number] for r in records
                 if r.node == last and r.record_type == "service" and r.id_number in first_arrival]
    arrivals = sum(1 for r in records if r.node == 1)
    return {
        "response": sum(responses) / len(responses) if responses else None,
        "stations": stations,
        "arrivals": arrivals,
        "measured": len(first_arrival),
        "simulating": simulating,
    }


def run(network, replications, seed, duration, warmup):
    start = time.process_time()
    runs = [replicate(network, seed + index, duration, warmup) for index in range(replications)]
    cpu = time.process_time() - start
    stations = []
    for index, station in enumerate(network.stations):
        values = [r["stations"][index] for r in runs]
        stations.append({
            "name": station.name,
            "servers": station.servers,
            "mean_service": station.service,
            "queue_capacity": station.capacity,
            "wait": figure([v["wait"] for v in values]),
            "utilisation": figure([v["utilisation"] for v in values]),
            "blocking": figure([v["blocking"] for v in values]),
        })
    return {
        "name": network.name,
        "design": network.design,
        "arrival_rate": network.rate,
        "duration": duration,
        "warmup": warmup,
        "replications": replications,
        "seed": seed,
        "response_time": figure([r["response"] for r in runs]),
        # The mean time a request waits in all, over its stations.
        "wait": figure([None if any(s["wait"] is None for s in r["stations"])
                        else sum(s["wait"] for s in r["stations"]) for r in runs]),
        # A single station's own figures; a tandem's are per station.
        "utilisation": stations[0]["utilisation"] if len(stations) == 1 else None,
        "blocking": stations[0]["blocking"],
        "stations": stations,
        "requests": sum(r["arrivals"] for r in runs),
        "measured_requests": sum(r["measured"] for r in runs),
        # Processor seconds in all, and in Ciw's simulation alone (without this script's
        # reading of its records): the fair figure to compare.
        "cpu_seconds": cpu,
        "simulation_cpu_seconds": sum(r["simulating"] for r in runs),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--networks", default=",".join(n.name for n in NETWORKS),
                        help="comma-separated: " + ", ".join(n.name for n in NETWORKS))
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=float, default=None,
                        help="expected arrivals per replication (duration N/rate, a tenth warm-up)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiplies each scenario's duration and warm-up")
    parser.add_argument("--compact", action="store_true", help="print the JSON on one line")
    arguments = parser.parse_args()
    wanted = [name for name in arguments.networks.split(",") if name]
    known = {n.name: n for n in NETWORKS}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        parser.error("unknown network(s): " + ", ".join(unknown))
    if arguments.replications < 1:
        parser.error("--replications must be at least 1")

    results = []
    for name in wanted:
        network = known[name]
        if arguments.requests is not None:
            duration = arguments.requests / network.rate
            warmup = duration / 10
        else:
            duration = network.duration * arguments.scale
            warmup = network.warmup * arguments.scale
        results.append(run(network, arguments.replications, arguments.seed, duration, warmup))
    json.dump({
        "peer": "ciw",
        "ciw_version": ciw.__version__,
        "python": platform.python_version(),
        "networks": results,
    }, sys.stdout, indent=None if arguments.compact else 2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
