#!/usr/bin/env bash
# Regenerates the pictures in docs/images/ that docs/rendering.md shows:
#   <sample>.svg         the sequence view of each sample's default flow (Baton's own SVG)
#   <sample>.graph.svg   the graph view, laid out by Baton (every flow of the design)
#   card-payments-findings*.svg  the card-payments sample with its findings drawn (--findings),
#                        in both views
#   web-checkout-explained.svg  the web-checkout sample with --legend --numbers --timing
#   legend*.svg          the legend design in both views, light and dark
#   diff-checkout*.svg   the baton diff diagram of docs/diff.md, light and dark
#   simulation-chart*.svg  an illustration of the simulation chart, written by the chart tests
#                        (UPDATE_GOLDENS=1 swift test --filter ChartRenderTests), not by this script
#   simulation-retry-storm*.svg  the charts of the retry-storm-simulated sample's two scenarios,
#                        light and dark, and simulation-checkout*.svg, the checkout-under-load
#                        sample's (docs/simulation.md)
# The tests compare every file with fresh output, so run this after changing the
# renderer or a sample, and review the pictures before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
images="$root/docs/images"
swift build --product baton --package-path "$root" >/dev/null
baton="$root/.build/debug/baton"

for sample in "$root"/samples/*.baton; do
  name=$(basename "$sample" .baton)
  "$baton" render "$sample" -o "$images/$name.svg"
  "$baton" render "$sample" --view graph -o "$images/$name.graph.svg"
done
"$baton" render "$root/samples/card-payments.baton" --findings -o "$images/card-payments-findings.svg"
"$baton" render "$root/samples/card-payments.baton" --findings --view graph -o "$images/card-payments-findings.graph.svg"
"$baton" render "$root/samples/web-checkout.baton" --legend --numbers --timing -o "$images/web-checkout-explained.svg"
for theme in light dark; do
  suffix=$([ "$theme" = dark ] && echo ".dark" || echo "")
  "$baton" render "$images/legend.baton" --theme "$theme" -o "$images/legend$suffix.svg"
  "$baton" render "$images/legend.baton" --theme "$theme" --view graph -o "$images/legend.graph$suffix.svg"
done
sample="$root/samples/retry-storm-simulated.baton"
for theme in light dark; do
  suffix=$([ "$theme" = dark ] && echo ".dark" || echo "")
  "$baton" render "$sample" --view simulation --scenario "Retry storm" --theme "$theme" -o "$images/simulation-retry-storm$suffix.svg"
  "$baton" render "$sample" --view simulation --scenario "Repaired" --theme "$theme" -o "$images/simulation-retry-storm-repaired$suffix.svg"
  "$baton" render "$root/samples/checkout-under-load.baton" --view simulation --theme "$theme" -o "$images/simulation-checkout$suffix.svg"
done
# diff-checkout*.svg: the baton diff diagram of docs/diff.md (run where its two designs are, so
# that the picture names them as the page does).
(cd "$images" && for theme in light dark; do
  suffix=$([ "$theme" = dark ] && echo ".dark" || echo "")
  "$baton" diff diff-before.baton diff-after.baton --to svg --theme "$theme" -o "diff-checkout$suffix.svg" || [ $? -eq 1 ]
done)
