#!/usr/bin/env python3
"""Compares Baton's native graph view with Graphviz dot on the samples.

For every samples/*.baton, draws the graph view twice: with Baton (`baton render --view graph`,
an SVG) and with Graphviz (`baton render --to dot | dot -Tplain`, so dot lays out Baton's own DOT
export, in the direction Baton chose: the export's rankdir). Both drawings are scored by the same
code here: edge crossings (every edge's Bezier path sampled into a polyline, proper
intersections between different edges counted), total edge length, the drawing's area and its
aspect ratio (width over height). Prints one row per sample with Baton's length and area as a
fraction of dot's, then the totals. Needs a built baton (BATON, default .build/release/baton,
else .build/debug/baton) and dot on the PATH; --generated N also draws N seeded generated
designs (12 participants, 20 interactions, seeds 1..N, made by baton-bench, BATON_BENCH).

    scripts/graph-view-vs-dot.py [--direction auto|LR|TB] [--generated N]
"""

import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary(name, variable):
    if os.environ.get(variable):
        return os.environ[variable]
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, name)
        if os.path.exists(path):
            return path
    sys.exit(f"build {name} first: swift build -c release --product {name}")


def sample(controls, steps=8):
    """A polyline along the cubic Bezier path p0 c1 c2 p1 c1 c2 p2 ..."""
    points = [controls[0]]
    for i in range(0, len(controls) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = controls[i:i + 4]
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return points


def baton_edges(svg):
    """The edges of Baton's SVG: the first path of every interaction group."""
    edges = []
    for group in re.findall(r'<g id="[^"]*-e\d+" class="interaction[^"]*"[^>]*>\s*<path d="([^"]*)"', svg):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", group)]
        controls = list(zip(numbers[0::2], numbers[1::2]))
        edges.append(sample(controls))
    width, height = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return edges, float(width), float(height)


def dot_edges(plain):
    """The edges of dot's -Tplain output (inches, converted to points)."""
    edges, width, height = [], 0.0, 0.0
    for line in plain.splitlines():
        fields = line.split()
        if fields and fields[0] == "graph":
            width, height = float(fields[2]) * 72, float(fields[3]) * 72
        elif fields and fields[0] == "edge":
            n = int(fields[3])
            values = [float(v) * 72 for v in fields[4:4 + 2 * n]]
            edges.append(sample(list(zip(values[0::2], values[1::2]))))
    return edges, width, height


def crosses(a, b, c, d):
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def crossings(edges):
    count = 0
    boxes = [(min(x for x, _ in e), min(y for _, y in e), max(x for x, _ in e), max(y for _, y in e)) for e in edges]
    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            bi, bj = boxes[i], boxes[j]
            if bi[2] < bj[0] or bj[2] < bi[0] or bi[3] < bj[1] or bj[3] < bi[1]:
                continue
            for k in range(1, len(edges[i])):
                for m in range(1, len(edges[j])):
                    if crosses(edges[i][k - 1], edges[i][k], edges[j][m - 1], edges[j][m]):
                        count += 1
    return count


def length(edges):
    return sum(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for e in edges for a, b in zip(e, e[1:]))


def main():
    arguments = sys.argv[1:]
    direction = arguments[arguments.index("--direction") + 1] if "--direction" in arguments else "auto"
    generated = int(arguments[arguments.index("--generated") + 1]) if "--generated" in arguments else 0
    baton = binary("baton", "BATON")
    designs = [(f[:-6], os.path.join(ROOT, "samples", f))
               for f in sorted(os.listdir(os.path.join(ROOT, "samples"))) if f.endswith(".baton")]
    work = tempfile.mkdtemp()
    if generated:
        bench = binary("baton-bench", "BATON_BENCH")
        for seed in range(1, generated + 1):
            path = os.path.join(work, f"generated-{seed}.baton")
            with open(path, "w") as out:
                subprocess.run([bench, "generate", "--participants", "12", "--interactions", "20", "--seed", str(seed)],
                               stdout=out, check=True)
            designs.append((f"generated 12x20 #{seed}", path))
    print(f"{'design':22} {'dir':>3} {'edges':>5} | {'baton crossings':>15} {'length':>7} {'area':>9} {'aspect':>6} | "
          f"{'dot crossings':>13} {'length':>7} {'area':>9} {'aspect':>6} | {'length':>6} {'area':>6}")
    totals = [0, 0, 0, 0, 0, 0]
    worse = []
    for name, path in designs:
        svg = subprocess.run([baton, "render", path, "--view", "graph", "--direction", direction],
                             capture_output=True, text=True, check=True).stdout
        dot_source = subprocess.run([baton, "render", path, "--to", "dot", "--direction", direction],
                                    capture_output=True, text=True, check=True).stdout
        rankdir = re.search(r"rankdir=(\w+)", dot_source).group(1)
        plain = subprocess.run(["dot", "-Tplain"], input=dot_source, capture_output=True, text=True, check=True).stdout
        ours, our_width, our_height = baton_edges(svg)
        theirs, their_width, their_height = dot_edges(plain)
        row = [crossings(ours), length(ours), our_width * our_height,
               crossings(theirs), length(theirs), their_width * their_height]
        totals = [t + r for t, r in zip(totals, row)]
        length_ratio = row[1] / row[4] if row[4] else 1.0
        area_ratio = row[2] / row[5] if row[5] else 1.0
        if length_ratio > 1 or area_ratio > 1:
            worse.append(name)
        print(f"{name[:22]:22} {rankdir:>3} {len(ours):>5} | {row[0]:>15} {row[1]:>7.0f} {row[2] / 1000:>8.0f}k "
              f"{our_width / our_height:>6.2f} | {row[3]:>13} {row[4]:>7.0f} {row[5] / 1000:>8.0f}k "
              f"{their_width / their_height:>6.2f} | {length_ratio:>6.2f} {area_ratio:>6.2f}")
    print(f"{'total':22} {'':>3} {'':>5} | {totals[0]:>15} {totals[1]:>7.0f} {totals[2] / 1000:>8.0f}k {'':>6} | "
          f"{totals[3]:>13} {totals[4]:>7.0f} {totals[5] / 1000:>8.0f}k {'':>6} | "
          f"{totals[1] / totals[4]:>6.2f} {totals[2] / totals[5]:>6.2f}")
    print(f"Baton longer or larger than dot on {len(worse)} of {len(designs)}: {', '.join(worse) or 'none'}")


if __name__ == "__main__":
    main()
