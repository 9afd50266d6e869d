import Baton
import BatonCheck
import BatonModel
import BatonReport

/// The baselines of one `baton check` run: which baseline each input is held against, read
/// before any output so that a missing or broken one fails the run cleanly (exit 2).
///
/// `--write-baseline FILE` and `--baseline FILE` apply to every input; otherwise each input uses
/// the `baseline` of its configuration (relative to that file's directory), unless
/// `--no-baseline` says to report everything. Paths inside a baseline are relative to the
/// baseline's own directory, so the same file works from any working directory.
struct CheckBaselines {
    struct File {
        /// As the user or the configuration named it (resolved against the configuration's
        /// directory), for messages.
        var path: String
        /// Absolute: where the paths inside it are relative to.
        var directory: String
        var baseline: Baseline
    }

    struct Failure: Error {
        var message: String
        var help: String?
    }

    static let options: [OptionSpec] = [
        .value("--baseline", "FILE", "report only findings that are not in this baseline (default: the configuration's baseline)"),
        .value("--write-baseline", "FILE", "record every finding in FILE, then report as --baseline FILE would"),
        .flag("--no-baseline", "ignore the configuration's baseline: report every finding"),
    ]

    private(set) var files: [File] = []
    /// Per input: the index of its baseline in `files`, or nil.
    private(set) var forInput: [Int?] = []
    /// The file `--write-baseline` names (its baseline is recorded by `record`).
    let writePath: String?

    /// Resolves and reads the baselines of `inputs` (nothing is read for `--write-baseline`).
    init(_ arguments: ParsedArguments, configurations: [Configuration]) throws(Failure) {
        let given = arguments.value("--baseline")
        writePath = arguments.value("--write-baseline")
        let ignore = arguments.has("--no-baseline")
        if given != nil, writePath != nil {
            throw Failure(message: "--baseline and --write-baseline exclude each other",
                          help: "--write-baseline FILE records the findings and then reports as --baseline FILE would")
        }
        if ignore, given != nil || writePath != nil {
            throw Failure(message: "--no-baseline cannot be given with --baseline or --write-baseline")
        }
        if let writePath {
            files = [File(path: writePath, directory: Self.directory(of: writePath), baseline: Baseline(entries: []))]
            forInput = configurations.map { _ in 0 }
            return
        }
        for configuration in configurations {
            let path: String?
            if let given {
                path = given
            } else if !ignore, let configured = configuration.baseline, let configurationPath = configuration.path {
                path = Self.displayPath(PathName.join(PathName.directory(of: FileReader.absolute(configurationPath)), configured))
            } else {
                path = nil
            }
            guard let path else {
                forInput.append(nil)
                continue
            }
            let directory = Self.directory(of: path)
            let absolute = FileReader.absolute(path)
            if let index = files.firstIndex(where: { FileReader.absolute($0.path) == absolute }) {
                forInput.append(index)
                continue
            }
            files.append(File(path: path, directory: directory, baseline: try Self.read(path, configuredBy: given == nil ? configuration.path : nil)))
            forInput.append(files.count - 1)
        }
    }

    private static func read(_ path: String, configuredBy configuration: String?) throws(Failure) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.contents(of: path, pipes: configuration == nil)
        } catch {
            let origin = configuration.map { " (named by \($0))" } ?? ""
            throw Failure(message: "cannot read the baseline '\(path)'\(origin): \(error.reason)",
                          help: "write it with 'baton check --write-baseline \(path) ...'")
        }
        do {
            return try Baseline.parse(bytes)
        } catch {
            throw Failure(message: "invalid baseline \(error.description(path: path))",
                          help: "rewrite it with 'baton check --write-baseline \(path) ...'")
        }
    }

    var isEmpty: Bool { files.isEmpty }

    /// `file` (a reported path) relative to the directory of baseline `index`.
    func relative(_ file: String, baseline index: Int) -> String {
        if file == "<stdin>" { return file }
        return PathName.relative(from: files[index].directory, to: FileReader.absolute(file))
    }

    /// For `--write-baseline`: records `reported` (every diagnostic of the run) as the baseline
    /// the report is then compared with, and returns it to be written.
    mutating func record(_ reported: [ReportedDiagnostic]) -> Baseline {
        let baseline = Baseline(recording: reported) { relative($0, baseline: 0) }
        files[0].baseline = baseline
        return baseline
    }

    /// Holds `reported` against the baselines: which diagnostics are new, and the summary the
    /// report ends with. `owner` gives the input each diagnostic was first reported for;
    /// `checked` the files (as reported) whose designs compiled.
    func compare(_ reported: [ReportedDiagnostic], owner: [Int], checked: [String]) -> (isNew: [Bool], summary: BaselineSummary) {
        var tracker = tracker()
        let isNew = zip(reported, owner).map { tracker.isNew($0, owner: $1) }
        return (isNew, tracker.summary(checked: checked))
    }

    /// A comparison made one diagnostic at a time, while the report is written.
    func tracker() -> Tracker { Tracker(self) }

    /// `compare`, one diagnostic at a time: each baseline numbers the diagnostics of its own
    /// inputs in the order given, so the answers are the same.
    struct Tracker {
        private let baselines: CheckBaselines
        private var running: [BaselineComparison.Running]
        /// Reported paths relative to each baseline's directory, worked out once per file.
        private var relativePaths: [[String: String]]

        init(_ baselines: CheckBaselines) {
            self.baselines = baselines
            running = baselines.files.map { BaselineComparison.Running($0.baseline) }
            relativePaths = baselines.files.map { _ in [:] }
        }

        /// Whether `diagnostic`, first reported for input `owner`, is new: not in its input's
        /// baseline (always, for an input without one).
        mutating func isNew(_ diagnostic: ReportedDiagnostic, owner: Int) -> Bool {
            guard let index = baselines.forInput[owner] else { return true }
            return running[index].isNew(diagnostic, path: relative(diagnostic.file, baseline: index))
        }

        /// How many known findings were left out, and the fixed entries of the files that were
        /// `checked` (as reported), in the baselines' order.
        func summary(checked: [String]) -> BaselineSummary {
            var known = 0
            var fixed: [Baseline.Entry] = []
            for (index, file) in baselines.files.enumerated() {
                let checkedHere = Set(checked.map { baselines.relative($0, baseline: index) })
                known += running[index].known
                fixed += running[index].fixed(checked: checkedHere).map { entry in
                    var shown = entry
                    if entry.file != "<stdin>" { shown.file = CheckBaselines.displayPath(PathName.join(file.directory, entry.file)) }
                    return shown
                }
            }
            return BaselineSummary(known: known, fixed: fixed)
        }

        private mutating func relative(_ file: String, baseline index: Int) -> String {
            if let known = relativePaths[index][file] { return known }
            let relative = baselines.relative(file, baseline: index)
            relativePaths[index][file] = relative
            return relative
        }
    }

    private static func directory(of path: String) -> String {
        PathName.directory(of: FileReader.absolute(path))
    }

    private static func displayPath(_ absolute: String) -> String {
        ConfigurationFiles.displayPath(absolute)
    }
}
