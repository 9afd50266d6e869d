import Foundation

/// One line on standard error that says how far long work has come ("simulating "Retry storm":
/// run 3/8…"), rewritten in place and erased when the work is done.
///
/// Only a person at a terminal sees it: in a pipe or a CI log every update would be a line of
/// noise, so when standard error is not a terminal (or `--quiet` is given) nothing is written at
/// all. The line is rewritten with a carriage return and padded with spaces over the previous
/// text — no escape sequences, so it works on any terminal, even a dumb one. Updates may come
/// from several threads and out of order; a lower count than one already shown is ignored.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var shownWidth = 0
    private var highest = 0

    /// A line written with `write` (standard error by default).
    init(write: @escaping @Sendable (String) -> Void = { Terminal.error($0) }) {
        self.write = write
    }

    /// A progress line when a person watches standard error, else nil.
    static func forTerminal(quiet: Bool) -> ProgressLine? {
        quiet || !Terminal.standardErrorIsTerminal ? nil : ProgressLine()
    }

    /// Shows `text` in place of what the line showed.
    func show(_ text: String) {
        lock.withLock { replace(with: text) }
    }

    /// Shows `text(count)` when `count` is higher than any count shown before.
    func show(count: Int, _ text: (Int) -> String) {
        lock.withLock {
            guard count > highest else { return }
            highest = count
            replace(with: text(count))
        }
    }

    /// Erases the line, leaving the cursor at its start, ready for what comes next.
    func clear() {
        lock.withLock {
            guard shownWidth > 0 else { return }
            write("\r" + String(repeating: " ", count: shownWidth) + "\r")
            shownWidth = 0
            highest = 0
        }
    }

    private func replace(with text: String) {
        let width = text.count
        write("\r" + text + String(repeating: " ", count: max(0, shownWidth - width)))
        shownWidth = max(width, shownWidth)
    }
}
