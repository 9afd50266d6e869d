import BatonServe
import BatonTestSupport
import Foundation
import Synchronization
import Testing

@Suite struct FileWatcherTests {
    @Test func changesAreReportedOnceQuietSortedAndThroughImports() throws {
        let directory = try makeTemporaryDirectory(["b.baton": "b", "a.baton": "a", "shared.baton": "s", "c.baton": "c"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let designs = Mutex([
            WatchedDesign(key: "b.baton", files: [path("b.baton"), path("shared.baton")]),
            WatchedDesign(key: "a.baton", files: [path("a.baton"), path("shared.baton")]),
            WatchedDesign(key: "c.baton", files: [path("c.baton")]),
        ])
        let watcher = FileWatcher(options: .init(interval: 0.1, quiet: 0.05), list: { designs.withLock { $0 } }, onChange: { _ in })
        let start = Date()
        #expect(watcher.poll(now: start) == nil)
        try Data("s2 longer".utf8).write(to: directory.appendingPathComponent("shared.baton"))
        // Seen, but not reported while the burst goes on.
        #expect(watcher.poll(now: start.addingTimeInterval(0.1)) == nil)
        #expect(watcher.poll(now: start.addingTimeInterval(0.12)) == nil)
        #expect(watcher.poll(now: start.addingTimeInterval(0.2)) == WatchChange(changed: ["a.baton", "b.baton"], removed: []))
        #expect(watcher.poll(now: start.addingTimeInterval(0.3)) == nil)

        designs.withLock {
            $0.removeLast()
            $0.append(WatchedDesign(key: "d.baton", files: [path("d.baton")]))
        }
        #expect(watcher.poll(now: start.addingTimeInterval(0.4)) == nil)
        #expect(watcher.poll(now: start.addingTimeInterval(0.5)) == WatchChange(changed: ["d.baton"], removed: ["c.baton"]))
    }

    @Test func theThreadCallsBackAfterAnEdit() throws {
        let directory = try makeTemporaryDirectory(["a.baton": "a"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a.baton")
        let received = Mutex<[WatchChange]>([])
        let watcher = FileWatcher(list: { [WatchedDesign(key: "a.baton", files: [file.path])] },
                                  onChange: { change in received.withLock { $0.append(change) } })
        watcher.start()
        defer { watcher.stop() }
        try Data("a2".utf8).write(to: file)
        let deadline = Date().addingTimeInterval(2)
        while received.withLock({ $0.isEmpty }), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(received.withLock { $0 } == [WatchChange(changed: ["a.baton"], removed: [])])
    }
}
