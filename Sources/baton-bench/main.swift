// baton-bench: prints throughput and memory figures for Baton's pipeline stages on generated
// designs, so performance is measured rather than asserted.
//
//   baton-bench                         run every stage at 1, 2, 5 and 10 MB (graphs: at 30 to 1,000
//                                       participants), one process per measurement, so peak
//                                       memory is per measurement
//   baton-bench STAGE --bytes N         one measurement in this process (prints one line)
//   baton-bench STAGE --participants P --interactions M
//   baton-bench generate --bytes N      print a generated design of about N bytes
//   baton-bench generate --participants P --interactions M
//   baton-bench generate --bytes N --single-flow
//                                       one flow of about N bytes (the generator's designs of a
//                                       given size are many flows of 500 interactions)
//   baton-bench generate-tree --files N --dir DIR
//                                       N small designs, 100 per directory, some importing a
//                                       shared file (what `baton check DIR` meets)
//   baton-bench scan --bytes N          the yardstick for `compile`: one pass over the same bytes
//   baton-bench parse --file F          the parser alone, on every core as `check` parses one
//                                       design; parse-one-thread: from the start, on one thread
//   baton-bench graph-view              `baton render --view graph` as whole processes at 2,000
//                                       participants / 20,000 interactions, 1 MB and 10 MB (the
//                                       last over the graph view's limit: how fast it is refused)
//   baton-bench graph-geometry          the graph view's geometry checker over every sample
//                                       (labels, parallel edges, clusters, aspect, detours), one
//                                       line each; --generated N adds seeded generated designs
//   baton-bench sequence-geometry       the sequence view's geometry checker over every flow of
//                                       every sample and a few generated wide casts (crossed
//                                       labels, guards and tabs on bars, notes, heads, size)
//   baton-bench png                     `render --to png` of a 1,000-interaction sequence diagram:
//                                       size, bytes, memory, median seconds (beside the SVG's)
//
// Figures are medians of several runs; machines are noisy, so compare ratios, not digits.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
exit(Bench.main(arguments))
