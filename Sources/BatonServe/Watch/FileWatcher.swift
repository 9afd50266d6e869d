import Foundation

/// Polls the designs and their imports for changes and reports each burst once.
///
/// Polling (every ~50 ms, `stat` only) works on every file system, needs no inotify
/// descriptors and sees imports outside any one directory. Edits come in bursts (an editor
/// writes, renames, touches), so changes accumulate until the files have been quiet for a short
/// while, then one callback carries them all, sorted. A changed import affects every design
/// that imports it.
public final class FileWatcher: @unchecked Sendable {
    public struct Options: Sendable {
        /// Seconds between polls.
        public var interval: TimeInterval = 0.05
        /// Seconds without a change before a burst is reported.
        public var quiet: TimeInterval = 0.05

        public init(interval: TimeInterval = 0.05, quiet: TimeInterval = 0.05) {
            self.interval = interval
            self.quiet = quiet
        }
    }

    private let options: Options
    private let list: @Sendable () -> [WatchedDesign]
    private let onChange: @Sendable (WatchChange) -> Void
    private let lock = NSLock()
    private var stopping = false
    private let ended = DispatchSemaphore(value: 0)
    private var started = false

    // Only the polling thread (or a test calling `poll`) touches these.
    private var stamps: [String: FileStamp] = [:]
    private var keys: Set<String> = []
    private var pendingChanged: Set<String> = []
    private var pendingRemoved: Set<String> = []
    private var lastChange = Date.distantPast
    /// The first poll only takes the snapshot.
    private var primed = false

    /// `list` says what to watch, asked again at every poll (designs come and go, imports
    /// change); `onChange` is called on the watcher's thread.
    public init(options: Options = Options(), list: @escaping @Sendable () -> [WatchedDesign],
                onChange: @escaping @Sendable (WatchChange) -> Void) {
        self.options = options
        self.list = list
        self.onChange = onChange
    }

    /// Takes the first snapshot (nothing is reported for it) and starts polling.
    public func start() {
        _ = poll(now: Date())
        lock.withLock { started = true }
        let thread = Thread { [self] in
            defer { ended.signal() }
            while !lock.withLock({ stopping }) {
                Thread.sleep(forTimeInterval: options.interval)
                if let change = poll(now: Date()) { onChange(change) }
            }
        }
        thread.name = "baton-serve-watch"
        thread.start()
    }

    public func stop() {
        let wasStarted = lock.withLock {
            stopping = true
            defer { started = false }
            return started
        }
        if wasStarted { ended.wait() }
    }

    /// One poll: records what changed and returns a change once the burst it belongs to has
    /// been quiet for `options.quiet`.
    public func poll(now: Date) -> WatchChange? {
        let designs = list()
        var current: [String: FileStamp] = [:]
        var changedFiles = Set<String>()
        for design in designs {
            for file in design.files where current[file] == nil {
                let stamp = FileStamp(path: file)
                current[file] = stamp
                if let old = stamps[file], old != stamp { changedFiles.insert(file) }
            }
        }
        let currentKeys = Set(designs.map(\.key))
        var sawChange = false
        if primed {
            for design in designs where !keys.contains(design.key) || design.files.contains(where: changedFiles.contains) {
                pendingChanged.insert(design.key)
                sawChange = true
            }
            for key in keys where !currentKeys.contains(key) {
                pendingRemoved.insert(key)
                sawChange = true
            }
        }
        stamps = current
        keys = currentKeys
        primed = true
        if sawChange {
            lastChange = now
            return nil
        }
        guard !pendingChanged.isEmpty || !pendingRemoved.isEmpty, now.timeIntervalSince(lastChange) >= options.quiet else { return nil }
        let change = WatchChange(changed: sorted(pendingChanged.filter(currentKeys.contains)),
                                 removed: sorted(pendingRemoved.filter { !currentKeys.contains($0) }))
        pendingChanged = []
        pendingRemoved = []
        return change.changed.isEmpty && change.removed.isEmpty ? nil : change
    }

    private func sorted(_ keys: Set<String>) -> [String] {
        keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
