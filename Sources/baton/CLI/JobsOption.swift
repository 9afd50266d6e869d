import BatonCheck
import BatonSyntax
import Foundation

/// `--jobs N`: how many files `check`, `fmt` and `render --all` work on at once. The default
/// is every processor core the system gives the process; `--jobs 1` works on one file after
/// another on the main thread, as Baton always did. Output is the same bytes for any N
/// (`ParallelWork` hands results back in the files' order).
enum JobsOption {
    static let maximum = 1_024

    /// One per active processor core (at least 1, at most `maximum`).
    static var defaultJobs: Int { max(1, min(maximum, ProcessorCount.active)) }

    /// `--jobs` for a command that works on many files; `what` says what runs at once.
    static func spec(_ what: String) -> OptionSpec {
        .value("--jobs", "N", "\(what) at once, 1 to 1,024 (default: one per processor core; 1: one after another)")
    }

    /// The value of `--jobs`, or the default.
    static func parse(_ arguments: ParsedArguments) throws(UsageError) -> Int {
        guard let given = arguments.value("--jobs") else { return defaultJobs }
        return try WholeNumberOption.parse(given, option: "--jobs", in: 1...maximum,
                                           help: "the default is one per processor core (\(defaultJobs) here)")
    }
}
