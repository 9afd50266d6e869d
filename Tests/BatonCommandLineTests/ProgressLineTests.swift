@testable import baton
import Foundation
import Testing

/// The progress line a terminal shows during a long simulation: rewritten in place, padded over
/// longer text, never going backwards, erased at the end.
@Suite struct ProgressLineTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [String] = []
        var text: String { lock.withLock { chunks.joined() } }
        func append(_ chunk: String) { lock.withLock { chunks.append(chunk) } }
    }

    @Test func aLineIsRewrittenInPlaceAndErased() {
        let recorder = Recorder()
        let line = ProgressLine(write: recorder.append)
        line.show("simulating \"Long name\"…")
        line.show(count: 1) { "run \($0 + 1)/3…" }
        // Counts come from several threads: one lower than what is shown is stale.
        line.show(count: 2) { "run \($0 + 1)/3…" }
        line.show(count: 1) { "run \($0 + 1)/3…" }
        line.clear()
        let width = "simulating \"Long name\"…".count
        let pad = String(repeating: " ", count: width - "run 2/3…".count)
        #expect(recorder.text == "\rsimulating \"Long name\"…" + "\rrun 2/3…" + pad + "\rrun 3/3…" + pad
                + "\r" + String(repeating: " ", count: width) + "\r")
    }

    @Test func clearingAnEmptyLineWritesNothing() {
        let recorder = Recorder()
        ProgressLine(write: recorder.append).clear()
        #expect(recorder.text.isEmpty)
    }
}
