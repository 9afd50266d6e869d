import BatonTestSupport
import Foundation
import Testing

/// `baton render` as users and CI jobs run it: exit codes, streams, files.
@Suite struct RenderCommandTests {
    static let design = """
        title "Shop"
        client Shopper
        service Shop
        Shopper -> Shop : pay
        flow "Refund" {
          Shop -> Shop : refund
        }
        """

    @Test func rendersStandardInputToStandardOutput() throws {
        let result = try BatonExecutable.run(["render", "-"], input: Data(Self.design.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("<svg xmlns="))
        #expect(result.standardError.isEmpty)
    }

    @Test func dashOutputIsStandardOutput() throws {
        let result = try BatonExecutable.run(["render", "-", "-o", "-", "--to", "mermaid"], input: Data(Self.design.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("sequenceDiagram\n"))
    }

    @Test(arguments: [("svg", "<svg xmlns="), ("dot", "// The graph view"), ("mermaid", "sequenceDiagram\n"), ("pdf", "%PDF-1.4\n")])
    func toChoosesTheFormat(_ format: String, _ start: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--to", format], input: Data(Self.design.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix(start))
    }

    @Test(arguments: [("out.svg", "<svg xmlns="), ("out.dot", "// The graph view"), ("out.gv", "// The graph view"),
                      ("out.mmd", "sequenceDiagram\n"), ("out.mermaid", "sequenceDiagram\n"), ("out.pdf", "%PDF-1.4\n")])
    func theOutputExtensionChoosesTheFormat(_ name: String, _ start: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("shop.baton")
        try Data(Self.design.utf8).write(to: input)
        let result = try BatonExecutable.run(["render", "shop.baton", "-o", name], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(written.hasPrefix(start))
        // No temporary file is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCompileErrorExitsWith1AndReportsLikeCheck() throws {
        let result = try BatonExecutable.run(["render", "-"], input: Data("service A\nA -> Bx : go\n".utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("<stdin>:2:6: error[undeclared-name]"))
        #expect(result.standardError.contains("1 error in 1 file"))
    }

    @Test func lintFindingsDoNotBlockRendering() throws {
        // A store initiating is a lint error (passive-initiator), not a compile error.
        let result = try BatonExecutable.run(["render", "-"], input: Data("store D\nservice S\nD -> S : push\n".utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("<svg"))
    }

    @Test func anUnknownFlowIsAUsageErrorWithSuggestions() throws {
        let result = try BatonExecutable.run(["render", "-", "--flow", "Refnud"], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.contains("there is no flow named \"Refnud\""))
        #expect(result.standardError.contains("did you mean \"Refund\"?"))
        #expect(result.standardError.contains("\"Shop\", \"Refund\""))
    }

    @Test func aNamedFlowIsRendered() throws {
        let result = try BatonExecutable.run(["render", "-", "--flow", "Refund", "--to", "mermaid"], input: Data(Self.design.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Shop->>Shop: refund"))
        #expect(!result.standardOutput.contains("pay"))
    }

    @Test(arguments: [
        ["render"],
        ["render", "a.baton", "b.baton"],
        ["render", "-", "--to", "gif"],
        ["render", "-", "--view", "sideways"],
        ["render", "-", "-o", "picture.gif"],
        ["render", "-", "--to", "dot", "--view", "sequence"],
        ["render", "-", "--view", "graph", "--direction", "sideways"],
        ["render", "-", "--to", "mermaid", "--direction", "TB"],
        ["render", "-", "--thme", "dark"],
        ["render", "-", "--view", "simulation"],
        ["render", "-", "--scenario", "Peak"],
        ["render", "no/such/file.baton"],
    ])
    func usageErrorsExitWith2(_ arguments: [String]) throws {
        let result = try BatonExecutable.run(arguments, input: Data(Self.design.utf8))
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.hasPrefix("baton: error: "))
        #expect(result.standardOutput.isEmpty)
    }

    static var samples: [String] {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".baton") }.sorted()
    }

    /// The graph view is laid out by Baton itself: no Graphviz on the PATH is needed.
    @Test(arguments: samples)
    func theGraphViewIsDrawnNatively(_ sample: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = Golden.packageRoot().appendingPathComponent("samples/\(sample)").path
        for direction in ["LR", "TB"] {
            let result = try BatonExecutable.run(["render", path, "--view", "graph", "--direction", direction, "-o", "x.svg"],
                                                 directory: directory, environment: ["PATH": "/nonexistent"])
            #expect(result.status == 0, "\(sample) \(direction): \(result.standardError)")
            #expect(result.standardError.isEmpty)
            let svg = try String(contentsOf: directory.appendingPathComponent("x.svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns="))
            #expect(svg.contains("aria-roledescription=\"graph diagram\""))
        }
    }

    @Test func theDirectionTurnsTheGraphAndTheDOT() throws {
        let lr = try BatonExecutable.run(["render", "-", "--view", "graph"], input: Data(Self.design.utf8))
        let tb = try BatonExecutable.run(["render", "-", "--view", "graph", "--direction", "TB"], input: Data(Self.design.utf8))
        #expect(lr.status == 0 && tb.status == 0)
        #expect(lr.standardOutput != tb.standardOutput)
        let dot = try BatonExecutable.run(["render", "-", "--to", "dot", "--direction", "TB"], input: Data(Self.design.utf8))
        #expect(dot.status == 0)
        #expect(dot.standardOutput.contains("rankdir=TB"))
        let defaultDOT = try BatonExecutable.run(["render", "-", "--to", "dot"], input: Data(Self.design.utf8))
        #expect(defaultDOT.standardOutput.contains("rankdir=LR"))
    }

    /// Without --direction (or with --direction auto) the graph view chooses: a long pipeline
    /// runs top to bottom, in the picture and in the DOT export alike.
    @Test func withoutADirectionTheGraphViewChooses() throws {
        let path = Golden.packageRoot().appendingPathComponent("samples/order-pipeline.baton").path
        let chosen = try BatonExecutable.run(["render", path, "--view", "graph"])
        let auto = try BatonExecutable.run(["render", path, "--view", "graph", "--direction", "auto"])
        let tb = try BatonExecutable.run(["render", path, "--view", "graph", "--direction", "TB", "--id-prefix", "x"])
        let chosenNamed = try BatonExecutable.run(["render", path, "--view", "graph", "--id-prefix", "x"])
        #expect(chosen.status == 0 && auto.status == 0 && tb.status == 0)
        #expect(auto.standardOutput == chosen.standardOutput)
        #expect(chosenNamed.standardOutput == tb.standardOutput)
        for arguments in [["--to", "dot"], ["--to", "dot", "--direction", "auto"]] {
            let dot = try BatonExecutable.run(["render", path] + arguments)
            #expect(dot.standardOutput.contains("rankdir=TB"), "\(arguments)")
        }
        let lr = try BatonExecutable.run(["render", path, "--to", "dot", "--direction", "LR"])
        #expect(lr.standardOutput.contains("rankdir=LR"))
    }

    @Test(arguments: [("tb", "TB"), ("LB", "LR"), ("TD", "TB")])
    func anUnknownDirectionSuggestsTheClosest(_ given: String, _ suggestion: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--view", "graph", "--direction", given], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("'\(given)' is not a valid value for '--direction'"))
        #expect(result.standardError.contains("did you mean '\(suggestion)'?"), "\(result.standardError)")
    }

    @Test func aDirectionForTheSequenceViewIsAUsageError() throws {
        let result = try BatonExecutable.run(["render", "-", "--direction", "TB"], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.contains("applies to the graph view"))
    }

    @Test func neverWritesOverTheInput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("shop.svg")
        try Data(Self.design.utf8).write(to: input)
        let result = try BatonExecutable.run(["render", "shop.svg", "-o", "./shop.svg"], directory: directory)
        #expect(result.status == 2)
        #expect(try String(contentsOf: input, encoding: .utf8) == Self.design)
    }

    @Test func aMissingOutputDirectoryIsAnIOError() throws {
        let result = try BatonExecutable.run(["render", "-", "-o", "/nonexistent-dir/x.svg"], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.contains("does not exist"))
    }

    /// Same input, separate processes (each with its own hash seed): the same bytes.
    @Test(arguments: [["--to", "svg"], ["--to", "dot"], ["--to", "mermaid"], ["--view", "graph"],
                      ["--view", "graph", "--direction", "TB", "--theme", "dark"]])
    func renderingIsDeterministicAcrossProcesses(_ options: [String]) throws {
        let sample = Golden.packageRoot().appendingPathComponent("samples/saga.baton").path
        var outputs: [Data] = []
        for _ in 0..<2 {
            let result = try BatonExecutable.run(["render", sample] + options)
            #expect(result.status == 0)
            outputs.append(result.standardOutputBytes)
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0].isEmpty)
    }

    /// An explicit --to wins over the extension of -o, as in most tools; writing DOT into a
    /// file named .svg is surprising enough to warn about, but not to refuse.
    @Test func toWinsOverTheOutputExtensionWithAWarning() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.design.utf8).write(to: directory.appendingPathComponent("shop.baton"))
        let result = try BatonExecutable.run(["render", "shop.baton", "-o", "a.svg", "--to", "dot"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let written = try String(contentsOf: directory.appendingPathComponent("a.svg"), encoding: .utf8)
        #expect(written.hasPrefix("// The graph view"))
        #expect(result.standardError == """
            baton: warning: writing DOT into 'a.svg', whose extension says SVG: --to dot wins
              help: name the file a.dot, or drop --to to write SVG

            """)
        // An extension that names no format takes --to without a word.
        let plain = try BatonExecutable.run(["render", "shop.baton", "-o", "shop.md", "--to", "mermaid"], directory: directory)
        #expect(plain.status == 0)
        #expect(plain.standardError.isEmpty)
        #expect(try String(contentsOf: directory.appendingPathComponent("shop.md"), encoding: .utf8).hasPrefix("sequenceDiagram"))
    }

    /// The id prefix's message names the character that is wrong and where it is.
    @Test(arguments: [
        ("a b", "'a b' cannot start an id: a space at position 2 is not allowed"),
        ("ab/c", "'ab/c' cannot start an id: '/' at position 3 is not allowed"),
        ("9 lives", "'9 lives' cannot start an id: it starts with '9', and an id starts with an ASCII letter or '_'"),
        ("", "the id prefix is empty"),
        (String(repeating: "x", count: 65), "the id prefix must be at most 64 characters long, not 65"),
    ])
    func aBadIdPrefixSaysWhatIsWrong(_ prefix: String, _ message: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--id-prefix", prefix], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("baton: error: \(message)\n"), "\(result.standardError)")
        #expect(result.standardError.contains("help: use ASCII letters, digits") || prefix.count > 64)
    }

    /// On a terminal, a render to a file says what it wrote; in a pipe (a CI log) it says
    /// nothing, and --quiet silences it on a terminal too.
    @Test func aRenderToAFileSaysWhatItWroteOnlyOnATerminal() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.design.utf8).write(to: directory.appendingPathComponent("shop.baton"))
        let sequence = try BatonExecutable.run(["render", "shop.baton", "-o", "shop.svg"], directory: directory,
                                               standardErrorIsTerminal: true)
        #expect(sequence.status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("shop.svg").path)[.size] as? Int ?? 0
        #expect(sequence.standardError == "wrote shop.svg (SVG, sequence view of flow \"Shop\", \((size + 500) / 1000) KB)\n")

        let graph = try BatonExecutable.run(["render", "shop.baton", "--flow", "Refund", "-o", "refund.dot"], directory: directory,
                                            standardErrorIsTerminal: true)
        #expect(graph.standardError.hasPrefix("wrote refund.dot (DOT, graph view of flow \"Refund\", "), "\(graph.standardError)")
        #expect(graph.standardError.hasSuffix(" bytes)\n"))

        let quiet = try BatonExecutable.run(["render", "shop.baton", "-o", "shop.svg", "--quiet"], directory: directory,
                                            standardErrorIsTerminal: true)
        #expect(quiet.status == 0)
        #expect(quiet.standardError.isEmpty)
        let piped = try BatonExecutable.run(["render", "shop.baton", "-o", "shop.svg"], directory: directory)
        #expect(piped.status == 0)
        #expect(piped.standardError.isEmpty)
        // Standard output is the diagram itself: nothing to announce.
        let toStandardOutput = try BatonExecutable.run(["render", "shop.baton"], directory: directory, standardErrorIsTerminal: true)
        #expect(toStandardOutput.standardError.isEmpty)
    }

    @Test func helpListsTheOptions() throws {
        let result = try BatonExecutable.run(["render", "--help"])
        #expect(result.status == 0)
        for option in ["--output", "--to", "--view", "--flow", "--direction", "--graph-limit", "--theme", "--id-prefix"] {
            #expect(result.standardOutput.contains(option))
        }
    }

    /// `render --findings`: badges and a legend from the checks, the severities of the nearest
    /// .baton.json (a rule turned off is not drawn), and --config only with --findings.
    @Test func findingsAreDrawnWithTheConfigurationsSeverities() throws {
        let sample = TestDesigns.packageRoot.appendingPathComponent("samples/card-payments.baton")
        let directory = try makeTemporaryDirectory(["pay.baton": try String(contentsOf: sample, encoding: .utf8)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try BatonExecutable.run(["render", "pay.baton"], directory: directory)
        #expect(plain.status == 0 && !plain.standardOutput.contains("finding-badge"))

        let drawn = try BatonExecutable.run(["render", "pay.baton", "--findings"], directory: directory)
        #expect(drawn.status == 0, "\(drawn.standardError)")
        #expect(drawn.standardOutput.contains("class=\"finding-badge error\""))
        #expect(drawn.standardOutput.contains("retry-without-idempotency: "))
        #expect(drawn.standardOutput.contains("class=\"findings\""))

        try Data(#"{ "rules": { "retry-without-idempotency": "off", "orphan-channel": "info" } }"#.utf8)
            .write(to: directory.appendingPathComponent(".baton.json"))
        let configured = try BatonExecutable.run(["render", "pay.baton", "--findings", "--view", "graph"], directory: directory)
        #expect(configured.status == 0, "\(configured.standardError)")
        #expect(!configured.standardOutput.contains("retry-without-idempotency"))
        #expect(!configured.standardOutput.contains("finding-badge error"))
        #expect(configured.standardOutput.contains("class=\"finding-badge info\""))

        let stray = try BatonExecutable.run(["render", "pay.baton", "--config", ".baton.json"], directory: directory)
        #expect(stray.status == 2 && stray.standardError.contains("--config applies to --findings only"))
    }
}

/// `baton render --to html`: the design page, written through the same safe path.
@Suite struct RenderPageCommandTests {
    @Test(arguments: [["--to", "html", "-o", "page.out"], ["-o", "page.html"], ["-o", "page.HTM"]])
    func writesThePage(_ options: [String]) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(RenderCommandTests.design.utf8).write(to: directory.appendingPathComponent("shop.baton"))
        let result = try BatonExecutable.run(["render", "shop.baton"] + options + ["--theme", "dark"], directory: directory)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let name = options[options.count - 1]
        let page = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"dark\">"))
        #expect(page.contains("<option value=\"1\">Refund</option>"))
        // An extension other than .html is written as asked, with a warning.
        #expect(result.standardError.contains("whose extension is not .html") == (name == "page.out"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCompileErrorStillWritesThePageAndExitsWith1() throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "html"], input: Data("service A\nA -> Bx : go\n".utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("role=\"alert\""))
        #expect(result.standardError.contains("<stdin>:2:6: error[undeclared-name]"))
    }

    @Test(arguments: [["--id-prefix", "p"], ["--scenario", "S"], ["--flow", "Nope"], ["--view", "simulation"]])
    func refusesWhatThePageCannotDo(_ options: [String]) throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "html"] + options, input: Data(RenderCommandTests.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("baton: error: "))
    }

    @Test func neverWritesOverTheInput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("shop.html")
        try Data(RenderCommandTests.design.utf8).write(to: input)
        let result = try BatonExecutable.run(["render", "shop.html", "-o", "shop.html"], directory: directory)
        #expect(result.status == 2)
        #expect(try String(contentsOf: input, encoding: .utf8) == RenderCommandTests.design)
    }
}
