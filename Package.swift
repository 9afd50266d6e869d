// swift-tools-version: 6.0
//
// Baton: a compiler for a textual notation of control flow across distributed systems.
//
// The targets are the stages of the pipeline, and dependencies point one way only (an arrow
// runs from a target to the targets that use it):
//
//   BatonSyntax ─▶ BatonModel ─┬─▶ BatonCheck ──▶ BatonReport ─┐
//                              │                               ├─▶ BatonDocs ─▶ Baton (façade) ─▶ baton (CLI)
//                              ├─▶ BatonLayout ─▶ BatonRender ─┘                  ▲
//                              └─▶ BatonSimulate ─────────────────────────────────┘
//   BatonJSON ─▶ BatonCheck, BatonReport, BatonDocs, BatonSimulate
//   BatonCheck, BatonRender, BatonReport ─▶ BatonPage ─▶ baton (CLI)   (the HTML design page)
//   BatonCheck, BatonRender, BatonReport ─▶ BatonDiff ─▶ baton (CLI)   (baton diff)
//
// Every arrow, target by target (its direct dependencies; it may import theirs too):
//
//   BatonSyntax        —
//   BatonJSON          —
//   BatonModel         ◀ BatonSyntax
//   BatonCheck         ◀ BatonModel, BatonJSON
//   BatonLayout        ◀ BatonModel
//   BatonRender        ◀ BatonLayout                      (it draws, and never sees a diagnostic)
//   BatonSimulate      ◀ BatonModel, BatonJSON            (it executes a design under a scenario, and reports it)
//   BatonReport        ◀ BatonSyntax, BatonModel, BatonCheck, BatonJSON
//   BatonDocs          ◀ BatonModel, BatonLayout, BatonRender, BatonReport, BatonJSON
//   BatonPage          ◀ BatonSyntax, BatonModel, BatonCheck, BatonLayout, BatonRender, BatonReport, BatonJSON
//                                                         (the design page: both views, findings, metrics in one HTML file)
//   BatonDiff          ◀ BatonSyntax, BatonModel, BatonCheck, BatonReport, BatonLayout, BatonRender, BatonJSON
//                                                         (baton diff: two designs compared, as text, JSON, Markdown, a diagram)
//   Baton              ◀ BatonSyntax, BatonModel, BatonCheck, BatonLayout, BatonRender, BatonDocs, BatonSimulate, BatonTrace
//                                                         (it maps a simulation onto a time chart, and its traced runs onto spans)
//   BatonLanguageServer ◀ Baton, BatonSyntax, BatonModel, BatonCheck, BatonJSON
//                                                         (baton lsp: the protocol, documents and editor features)
//   BatonServe         ◀ Baton, BatonSyntax, BatonModel, BatonCheck, BatonRender
//                                                         (baton serve: HTTP server, file watcher, Server-Sent Events, the design site)
//   baton              ◀ BatonDiff, BatonServe, BatonLanguageServer, BatonPage, Baton, BatonSyntax, BatonModel, BatonCheck, BatonLayout, BatonRender, BatonReport,
//                        BatonDocs, BatonJSON, BatonSimulate, BatonTrace, BatonDrift
//   BatonWorkload      —
//   baton-bench        ◀ Baton, BatonModel, BatonLayout, BatonCheck, BatonRender, BatonReport, BatonWorkload
//   baton-graph-bench  ◀ BatonLayout, BatonWorkload
//   baton-sim-bench    ◀ BatonSimulate, BatonModel
//   BatonTrace         ◀ BatonSyntax, BatonJSON            (spans from OTLP, Jaeger and Zipkin JSON; what they show; baton infer)
//   BatonDrift         ◀ BatonModel, BatonTrace            (a design compared with what traces show: baton check --traces)
//   BatonTestSupport   —                                  (the test targets' helpers)
//
// No third-party packages: the standard library, Foundation and Swift Testing only.
import PackageDescription

let package = Package(
    name: "Baton",
    products: [
        .library(name: "Baton", targets: ["Baton"]),
        .executable(name: "baton", targets: ["baton"]),
        .executable(name: "baton-bench", targets: ["baton-bench"]),
        .executable(name: "baton-graph-bench", targets: ["baton-graph-bench"]),
    ],
    targets: [
        // Source files, spans, tokens, lexer, parser, AST, syntax diagnostics, formatter.
        .target(name: "BatonSyntax"),
        // A small JSON value type: ordered keys, exact numbers, deterministic output.
        .target(name: "BatonJSON"),
        // Name resolution, imports, typed attributes, the semantic model and derived graphs.
        .target(name: "BatonModel", dependencies: ["BatonSyntax"]),
        // The rule protocol, one file per rule, configuration, suppressions, metrics.
        .target(name: "BatonCheck", dependencies: ["BatonModel", "BatonJSON"]),
        // Text metrics, sequence layout, layered graph layout → a flat positioned Scene.
        // (It needs libm for square roots, which Linux only links for Foundation users otherwise.)
        .target(name: "BatonLayout", dependencies: ["BatonModel"], linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // SVG from a Scene; DOT and Mermaid from the model.
        .target(name: "BatonRender", dependencies: ["BatonSyntax", "BatonLayout"]),
        // Diagnostics as people and tools read them: text, JSON, SARIF, GitHub annotations.
        .target(name: "BatonReport", dependencies: ["BatonSyntax", "BatonModel", "BatonCheck", "BatonJSON"]),
        // Documentation builds: Markdown fences, pandoc filter, mdBook preprocessor.
        .target(name: "BatonDocs", dependencies: ["BatonModel", "BatonLayout", "BatonRender", "BatonReport", "BatonJSON"]),
        // The design page: one self-contained HTML file with both views, the findings and the
        // metrics (render --to html), and its fragments for a live server.
        .target(name: "BatonPage", dependencies: ["BatonSyntax", "BatonModel", "BatonCheck", "BatonLayout", "BatonRender", "BatonReport", "BatonJSON"]),
        // The semantic difference of two designs (baton diff): what was added, removed, renamed
        // and changed, the findings new and resolved, the numbers that moved; as text, JSON,
        // Markdown and a diagram of both designs' union.
        .target(name: "BatonDiff", dependencies: ["BatonSyntax", "BatonModel", "BatonCheck", "BatonReport", "BatonLayout", "BatonRender", "BatonJSON"]),
        // The façade for library users: compile, check, render, simulate.
        .target(name: "Baton", dependencies: ["BatonSyntax", "BatonModel", "BatonCheck", "BatonLayout", "BatonRender", "BatonDocs", "BatonSimulate", "BatonTrace"]),
        // The language server (baton lsp): JSON-RPC over standard I/O, documents, analyses and
        // the editor features (diagnostics, hover, definition, rename, completion, code actions).
        .target(name: "BatonLanguageServer", dependencies: ["Baton", "BatonSyntax", "BatonModel", "BatonCheck", "BatonJSON"]),
        // baton serve: an HTTP/1.1 server on BSD sockets (loopback by default, bounded requests,
        // Host and path checks), a polling file watcher, Server-Sent Events and the design site.
        .target(name: "BatonServe", dependencies: ["Baton", "BatonSyntax", "BatonModel", "BatonCheck", "BatonRender"]),
        // The command line: arguments, files, exit codes.
        .executableTarget(name: "baton", dependencies: ["BatonDiff", "BatonServe", "BatonLanguageServer", "BatonPage", "Baton", "BatonSyntax", "BatonModel", "BatonCheck", "BatonLayout", "BatonRender", "BatonReport", "BatonDocs", "BatonJSON", "BatonSimulate", "BatonTrace", "BatonDrift"]),
        // The simulator: executes a design under a scenario's load and faults, and reports what
        // happened as text, JSON and CSV (baton simulate).
        .target(name: "BatonSimulate", dependencies: ["BatonModel", "BatonJSON"]),
        // Seeded generator of random but valid designs, for benchmarks and robustness tests.
        .target(name: "BatonWorkload"),
        // Traces meet designs: spans read from OTLP, Jaeger and Zipkin JSON (streaming), what they
        // show about a running system, and the design inferred from it (baton infer).
        .target(name: "BatonTrace", dependencies: ["BatonSyntax", "BatonJSON"]),
        // Drift: a design compared with what traces show (undeclared and unobserved interactions,
        // kinds, latencies, retries), as diagnostics for baton check --traces. It depends on the
        // model and on BatonTrace, so neither of those knows the other.
        .target(name: "BatonDrift", dependencies: ["BatonModel", "BatonTrace"]),
        // Prints throughput and memory figures for the pipeline stages.
        .executableTarget(name: "baton-bench", dependencies: ["Baton", "BatonModel", "BatonLayout", "BatonCheck", "BatonRender", "BatonReport", "BatonWorkload"]),
        // Times the simulator on fixed designs (a five-hop chain at 1,000 runs/s, an M/M/1 queue).
        .executableTarget(name: "baton-sim-bench", dependencies: ["BatonSimulate", "BatonModel"]),
        // Times the layered graph layout on seeded random graphs and compares it with Graphviz dot.
        .executableTarget(name: "baton-graph-bench", dependencies: ["BatonLayout", "BatonWorkload"]),

        // Shared by the test targets: external programs, golden files, location markers.
        .target(name: "BatonTestSupport", path: "Sources/BatonTestSupport"),

        .testTarget(name: "BatonJSONTests", dependencies: ["BatonJSON", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonSyntaxTests", dependencies: ["BatonSyntax", "BatonWorkload", "BatonTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonModelTests", dependencies: ["BatonModel", "BatonWorkload", "BatonTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonSimulateTests", dependencies: ["BatonSimulate", "BatonModel", "BatonJSON", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonCheckTests", dependencies: ["BatonCheck", "Baton", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonLayoutTests", dependencies: ["BatonLayout", "BatonRender", "Baton", "BatonCheck", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonRenderTests", dependencies: ["BatonRender", "BatonLayout", "Baton", "BatonWorkload", "BatonTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonReportTests", dependencies: ["BatonReport", "Baton", "BatonJSON", "BatonWorkload", "BatonTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonDiffTests", dependencies: ["BatonDiff", "Baton", "BatonCheck", "BatonModel", "BatonLayout", "BatonRender", "BatonReport", "BatonJSON", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonPageTests", dependencies: ["BatonPage", "Baton", "BatonRender", "BatonJSON", "BatonTestSupport"]),
        .testTarget(name: "BatonDocsTests", dependencies: ["BatonDocs", "BatonJSON", "BatonTestSupport"]),
        .testTarget(name: "BatonLanguageServerTests", dependencies: ["BatonLanguageServer", "Baton", "BatonCheck", "BatonJSON", "BatonWorkload", "BatonTestSupport"]),
        .testTarget(name: "BatonServeTests", dependencies: ["BatonServe", "Baton", "BatonRender", "BatonTestSupport"]),
        .testTarget(name: "BatonTraceTests", dependencies: ["BatonTrace", "BatonDrift", "BatonModel", "BatonJSON", "BatonSyntax", "Baton", "BatonWorkload", "BatonTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonCommandLineTests", dependencies: ["baton", "BatonTestSupport"]),
        .testTarget(name: "BatonEndToEndTests", dependencies: ["baton", "Baton", "BatonModel", "BatonSyntax", "BatonTrace", "BatonCheck", "BatonWorkload", "BatonJSON", "BatonTestSupport"]),
    ]
)
