#!/usr/bin/env python3
"""Generate Baton's built-in text metrics from Liberation Sans.

Baton measures text without a font engine (docs/rendering.md, "What the SVG guarantees"): it
sums advance widths from a table of a font metric-compatible with Arial, as Graphviz does without
cairo/pango, instead of asking a browser (Mermaid) or embedding fonts in every SVG (D2). This
script reads the Liberation Sans 2 fonts (Debian package `fonts-liberation2`) and writes two Swift
sources:

  Sources/BatonLayout/Text/LiberationSansWidths.swift  advance widths + vertical metrics
  Sources/BatonLayout/Text/EastAsianWideRanges.swift   East Asian Wide/Fullwidth code points

It is a dev-time tool; its output is committed, so building Baton needs neither Python nor the
fonts. Re-run it only to change the table:

  pip install fonttools
  python3 scripts/generate-font-metrics.py            # writes the files
  python3 scripts/generate-font-metrics.py --check    # exit 1 if the committed files differ

Choices made here (and repeated in the generated comments):
  * Every code point the font's cmap maps is included (Basic Latin, Latin-1, Latin Extended A/B
    and Additional, IPA, Greek (+Extended), Cyrillic, Hebrew, General Punctuation, currency,
    arrows, math operators, box drawing, geometric shapes, ...), not a hand-picked subset: any
    character the font has is drawn with the font, so its own advance is the right answer.
  * Widths are in font units, as stored in `hmtx` (2048 units per em for Liberation Sans), so the
    table is exact integers and sums of them are exact.
  * Kerning (`kern`/`GPOS`) is ignored. Liberation Sans' pairs mostly tighten ("AV", "To"), so
    ignoring them overestimates slightly, which is the safe direction for fitting text in boxes.
  * The wide ranges come from Python's `unicodedata` (assigned characters with
    East_Asian_Width W or F), plus the ranges EastAsianWidth.txt defaults to W even where
    unassigned (CJK ideographs, planes 2 and 3). Gaps made only of unassigned code points are
    merged so that the table stays short and future characters in wide blocks count as wide.
"""

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = [("regular", "LiberationSans-Regular.ttf"), ("bold", "LiberationSans-Bold.ttf")]
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "Sources" / "BatonLayout" / "Text"
WIDTHS_FILE = OUT_DIR / "LiberationSansWidths.swift"
WIDE_FILE = OUT_DIR / "EastAsianWideRanges.swift"

# EastAsianWidth.txt: "The unassigned code points in the following blocks default to W".
DEFAULT_WIDE = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
]

NUMBERS_PER_LINE = 12


def segments(code_points):
    """Maximal runs of consecutive code points, as inclusive (first, last) pairs."""
    runs = []
    for cp in code_points:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return [tuple(r) for r in runs]


def number_lines(values, fmt, indent):
    """Swift array-literal body: `values` formatted with `fmt`, a fixed count per line."""
    lines = []
    for i in range(0, len(values), NUMBERS_PER_LINE):
        chunk = values[i : i + NUMBERS_PER_LINE]
        lines.append(indent + ", ".join(fmt(v) for v in chunk) + ",")
    return lines


def face_source(name, path):
    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    hhea = font["hhea"]
    os2 = font["OS/2"]
    head = font["head"]
    version = font["name"].getDebugName(5)
    code_points = sorted(cmap)
    runs = segments(code_points)

    starts, ends, offsets, widths = [], [], [], []
    width_lines = []
    for first, last in runs:
        starts.append(first)
        ends.append(last)
        offsets.append(len(widths))
        run_widths = [hmtx[cmap[cp]][0] for cp in range(first, last + 1)]
        assert all(0 <= w <= 0xFFFF for w in run_widths)
        widths.extend(run_widths)
        width_lines.append(f"                // U+{first:04X}…U+{last:04X}")
        width_lines.extend(number_lines(run_widths, str, "                "))

    swift_name = "liberationSans" + name.capitalize()
    out = []
    out.append(f"    /// Liberation Sans {name.capitalize()} ({version}, `{path.name}`):")
    out.append(f"    /// {len(code_points)} code points in {len(runs)} runs, widths in font units.")
    out.append(f"    static let {swift_name} = FontFace(")
    out.append(f"        unitsPerEm: {head.unitsPerEm},")
    out.append(f"        ascent: {hhea.ascent},")
    out.append(f"        descent: {-hhea.descent},")
    out.append(f"        lineGap: {hhea.lineGap},")
    out.append(f"        capHeight: {os2.sCapHeight},")
    out.append(f"        xHeight: {os2.sxHeight},")
    out.append(f"        averageAdvance: {os2.xAvgCharWidth},")
    out.append("        advances: AdvanceTable(")
    out.append("            runStarts: [")
    out.extend(number_lines(starts, lambda v: f"0x{v:04X}", "                "))
    out.append("            ],")
    out.append("            runEnds: [")
    out.extend(number_lines(ends, lambda v: f"0x{v:04X}", "                "))
    out.append("            ],")
    out.append("            runOffsets: [")
    out.extend(number_lines(offsets, str, "                "))
    out.append("            ],")
    out.append("            widths: [")
    out.extend(width_lines)
    out.append("            ]")
    out.append("        )")
    out.append("    )")
    return out, set(code_points)


def widths_file():
    body = []
    covered = []
    for name, filename in FACES:
        lines, cps = face_source(name, FONT_DIR / filename)
        covered.append(cps)
        if body:
            body.append("")
        body.extend(lines)
    header = [
        "// Generated by scripts/generate-font-metrics.py — do not edit; re-run the script instead.",
        "//",
        "// Advance widths of Liberation Sans 2 (metric-compatible with Arial and Helvetica) for every",
        "// code point the font maps, in font units (`unitsPerEm` per em: 2048), from the `hmtx` table.",
        "// Vertical metrics come from `hhea` (ascent, descent, line gap) and `OS/2` (cap height,",
        "// x-height, average advance). Kerning is ignored: the widths are plain advances.",
        "",
        "extension FontFace {",
    ]
    return "\n".join(header + body + ["}", ""])


def wide_ranges():
    def assigned(cp):
        return unicodedata.category(chr(cp)) != "Cn"

    def wide(cp):
        return assigned(cp) and unicodedata.east_asian_width(chr(cp)) in "WF"

    ranges = []
    for cp in range(0x110000):
        if not wide(cp):
            continue
        if ranges and all(not assigned(x) for x in range(ranges[-1][1] + 1, cp)):
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    ranges.extend([list(r) for r in DEFAULT_WIDE])
    ranges.sort()
    merged = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def wide_file():
    ranges = wide_ranges()
    out = [
        "// Generated by scripts/generate-font-metrics.py — do not edit; re-run the script instead.",
        "//",
        f"// East Asian Wide (W) and Fullwidth (F) code points, Unicode {unicodedata.unidata_version} via Python's",
        "// `unicodedata`, plus the blocks EastAsianWidth.txt defaults to W (CJK ideographs, planes 2 and",
        "// 3). Runs separated only by unassigned code points are merged. These characters (CJK, kana,",
        "// Hangul, most emoji) are drawn by a fallback font about one em wide, whatever that font is.",
        "",
        "enum EastAsianWideRanges {",
        f"    /// First code point of each of the {len(ranges)} ranges, ascending.",
        "    static let starts: [UInt32] = [",
    ]
    out.extend(number_lines([r[0] for r in ranges], lambda v: f"0x{v:04X}", "        "))
    out.append("    ]")
    out.append("    /// Last code point (inclusive) of each range.")
    out.append("    static let ends: [UInt32] = [")
    out.extend(number_lines([r[1] for r in ranges], lambda v: f"0x{v:04X}", "        "))
    out.append("    ]")
    out.append("}")
    out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    outputs = {WIDTHS_FILE: widths_file(), WIDE_FILE: wide_file()}
    stale = []
    for path, text in outputs.items():
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
