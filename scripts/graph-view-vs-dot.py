#!/usr/bin/env python3
"""Compares Baton's native graph view with Graphviz dot on the samples.

For every samples/*.baton, draws the graph view twice: with Baton (`baton render --view graph`,
an SVG) and with Graphviz (`baton render --to dot | dot -Tplain`). Both drawings are scored by
the same code here: edge crossings (every edge's Bezier path sampled into a polyline, proper
intersections between different edges counted), total edge length, and the drawing's area.
Prints one row per sample and the totals. Needs a built baton (BATON, default
.build/release/baton, else .build/debug/baton) and dot on the PATH.

    scripts/graph-view-vs-dot.py [--direction LR|TB]
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def baton_binary():
    if os.environ.get("BATON"):
        return os.environ["BATON"]
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "baton")
        if os.path.exists(path):
            return path
    sys.exit("build baton first: swift build -c release --product baton")


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
    for group in re.findall(r'<g id="[^"]*-e\d+" class="interaction[^"]*">\s*<path d="([^"]*)"', svg):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", group)]
        controls = list(zip(numbers[0::2], numbers[1::2]))
        edges.append(sample(controls))
    width, height = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return edges, float(width) * float(height)


def dot_edges(plain):
    """The edges of dot's -Tplain output (inches, converted to points)."""
    edges, area = [], 0.0
    for line in plain.splitlines():
        fields = line.split()
        if fields and fields[0] == "graph":
            area = float(fields[2]) * 72 * float(fields[3]) * 72
        elif fields and fields[0] == "edge":
            n = int(fields[3])
            values = [float(v) * 72 for v in fields[4:4 + 2 * n]]
            edges.append(sample(list(zip(values[0::2], values[1::2]))))
    return edges, area


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
    direction = "LR"
    if len(sys.argv) == 3 and sys.argv[1] == "--direction":
        direction = sys.argv[2]
    baton = baton_binary()
    samples = sorted(f for f in os.listdir(os.path.join(ROOT, "samples")) if f.endswith(".baton"))
    print(f"{'sample':22} {'edges':>5} | {'baton crossings':>15} {'length':>7} {'area':>9} | "
          f"{'dot crossings':>13} {'length':>7} {'area':>9}")
    totals = [0, 0, 0, 0, 0, 0]
    for name in samples:
        path = os.path.join(ROOT, "samples", name)
        svg = subprocess.run([baton, "render", path, "--view", "graph", "--direction", direction],
                             capture_output=True, text=True, check=True).stdout
        dot_source = subprocess.run([baton, "render", path, "--to", "dot", "--direction", direction],
                                    capture_output=True, text=True, check=True).stdout
        plain = subprocess.run(["dot", "-Tplain"], input=dot_source, capture_output=True, text=True, check=True).stdout
        ours, our_area = baton_edges(svg)
        theirs, their_area = dot_edges(plain)
        row = [crossings(ours), length(ours), our_area, crossings(theirs), length(theirs), their_area]
        totals = [t + r for t, r in zip(totals, row)]
        print(f"{name[:-6]:22} {len(ours):>5} | {row[0]:>15} {row[1]:>7.0f} {row[2] / 1000:>8.0f}k | "
              f"{row[3]:>13} {row[4]:>7.0f} {row[5] / 1000:>8.0f}k")
    print(f"{'total':22} {'':>5} | {totals[0]:>15} {totals[1]:>7.0f} {totals[2] / 1000:>8.0f}k | "
          f"{totals[3]:>13} {totals[4]:>7.0f} {totals[5] / 1000:>8.0f}k")


if __name__ == "__main__":
    main()
