import BatonCheck
import BatonReport
import BatonSyntax

/// A run of one input's findings, resolved and formatted on a worker thread (as bytes only:
/// `FindingFormatter.format(_:sources:)`): a large design's report was a third of `check`'s
/// time on the main thread alone.
///
/// What must be decided in order stays on the main thread (`write`): which findings repeat an
/// earlier one (`CheckFindings.take`, whose state carries over from chunk to chunk, so a run of
/// equal findings split between two chunks is decided as in one pass), the counts of the
/// summary and the fix hint, and the bytes, written in order. Each finding's bytes are a range
/// of the chunk's, so a repeated one is left out and the report adds what goes between them.
struct ReportChunk: Sendable {
    /// Findings per chunk: enough that a chunk's work outweighs handing it over, few enough
    /// that the chunks held at once stay small. Each chunk's bytes are a new allocation, and
    /// the memory they come from was handed back to the system after the rules (`FreedMemory`),
    /// so every byte of the chunks in flight is a page taken anew: with 256 findings a chunk
    /// and `ParallelWork`'s default window, the report of a 4 MB design took 5 MB more than
    /// the rules had, and was the run's peak; with these, 1.6 MB, and no slower.
    static let size = 64

    /// Chunks a thread may format ahead of the one being written, per job: two keep every
    /// thread busy.
    static let aheadPerJob = 2

    /// The findings' indices in the input.
    var indices: Range<Int>
    var formatted: FormattedFindings

    init(_ input: CheckedInput, indices: Range<Int>, formatter: FindingFormatter, layouts: ThreadLayouts) {
        self.indices = indices
        formatted = formatter.format(input.diagnostics[indices], sources: input.sources, layouts: &layouts.kept)
    }

    /// The suppression layouts one thread keeps from chunk to chunk (`SuppressionLayouts`): a
    /// chunk holds a few dozen findings, about as many as the layouts a report needs, so made
    /// for each chunk anew they cost more than they saved. Each thread has its own and no other
    /// thread touches it (`ParallelWork` numbers the threads), which is what makes it `Sendable`.
    final class ThreadLayouts: @unchecked Sendable {
        var kept: SuppressionLayouts? = SuppressionLayouts()
    }

    /// Reports `input`'s findings not seen before (as `CheckFindings.add` with `report.write`
    /// does), in chunks of `size` resolved and formatted on `jobs` threads, when there are
    /// more than one chunk of them, the format has a `FindingFormatter` and they were not
    /// resolved already; else one at a time.
    ///
    /// The main thread decides and counts from the findings as the rules made them
    /// (`CheckFindings.take`, `CheckOutput.write(_:of:in:formatted:file:)`): nothing of a finding
    /// resolved on a worker thread comes back but its bytes.
    static func write(_ input: CheckedInput, findings: inout CheckFindings, report: inout CheckOutput, jobs: Int,
                      size: Int = size) {
        let count = input.diagnostics.count
        guard jobs > 1, count > size, input.resolved == nil, let formatter = report.formatter else {
            findings.add(input) { diagnostic in
                report.write(diagnostic)
                return true
            }
            return
        }
        var pass = findings.begin(input)
        let chunks = (count + size - 1) / size
        // The findings are read through the buffer: each is borrowed, not copied (a copy
        // retains its texts, which the worker threads retain and release too).
        input.diagnostics.withUnsafeBufferPointer { diagnostics in
            var file: (id: FileID, path: String)?
            let layouts = (0..<jobs).map { _ in ThreadLayouts() }
            ParallelWork.forEach(count: chunks, jobs: jobs, ahead: aheadPerJob * jobs, workOn: { chunk, thread in
                ReportChunk(input, indices: (chunk * size)..<min(count, (chunk + 1) * size), formatter: formatter,
                            layouts: layouts[thread])
            }, consume: { _, chunk in
                for index in chunk.indices {
                    findings.take(index, of: input, in: diagnostics, pass: &pass, identity: { input.identity(index) }) {
                        report.write(index, of: input, in: diagnostics, formatted: chunk.formatted[index - chunk.indices.lowerBound],
                                     file: &file)
                        return true
                    }
                }
            })
        }
    }
}
