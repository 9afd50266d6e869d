import BatonSyntax

/// Parsed files kept from one compilation to the next, by content: an editor compiles a
/// design again on every edit, and the files that did not change — its imports, or the
/// document itself when only an import changed — need not be indexed and parsed again.
///
/// A file's parse is reused when everything it depends on is the same: its bytes, its real
/// path and the path it is shown by, the id it gets in the compilation (spans carry it), the
/// line offset and the nesting bound. Model building is not cached: names are resolved
/// across files, so the model is always built whole (and it is the cheaper half).
///
/// A value: a caller that compiles on several threads takes a copy for each compilation and
/// `merge`s what it learnt back (see `Compiler.compile(_:options:read:canonical:cache:)`).
/// It holds at most `byteLimit` bytes of source (and their trees); the least recently used
/// files go first.
public struct ParseCache: Sendable {
    struct Key: Hashable, Sendable {
        var realPath: String
        var displayPath: String
        var file: FileID
        var lineOffset: Int
        var maxDepth: Int
    }

    struct Entry: Sendable {
        var source: SourceFile
        var parsed: ParseResult
        /// When it was last stored or reused (a counter, larger is newer).
        var used: UInt64
    }

    public let byteLimit: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    /// Files taken from the cache and files parsed, over the cache's life (for tests and
    /// measurements).
    public private(set) var reused = 0
    public private(set) var parsed = 0

    public init(byteLimit: Int = 64 << 20) {
        self.byteLimit = byteLimit
    }

    /// Files held.
    public var count: Int { entries.count }

    /// The source and parse of `bytes` under `key`, if held; marks it used.
    mutating func take(_ key: Key, bytes: [UInt8]) -> (source: SourceFile, parsed: ParseResult)? {
        // Array equality first compares storage identity: an unchanged open buffer is found
        // without reading it.
        guard var entry = entries[key], entry.source.bytes == bytes else { return nil }
        clock += 1
        entry.used = clock
        entries[key] = entry
        reused += 1
        return (entry.source, entry.parsed)
    }

    /// Keeps a parse made now (replacing an older one under the same key).
    mutating func store(_ key: Key, source: SourceFile, parsed result: ParseResult) {
        clock += 1
        parsed += 1
        entries[key] = Entry(source: source, parsed: result, used: clock)
        evict()
    }

    /// Takes in what a copy of this cache learnt during a compilation: per key, the entry
    /// used last.
    public mutating func merge(_ other: ParseCache) {
        // The two clocks count from a common past; continuing from the larger keeps "used
        // last" meaningful for both sides' entries.
        for (key, entry) in other.entries where entries[key].map({ $0.used < entry.used }) ?? true {
            entries[key] = entry
        }
        clock = max(clock, other.clock)
        reused = max(reused, other.reused)
        parsed = max(parsed, other.parsed)
        evict()
    }

    /// Forgets every file.
    public mutating func removeAll() {
        entries.removeAll()
    }

    private mutating func evict() {
        var total = entries.values.reduce(0) { $0 + $1.source.bytes.count }
        guard total > byteLimit else { return }
        // Oldest first; ties cannot happen (every use takes a new tick), but sort fully anyway.
        let order = entries.sorted { $0.value.used < $1.value.used }
        for (key, entry) in order.dropLast() where total > byteLimit {
            entries.removeValue(forKey: key)
            total -= entry.source.bytes.count
        }
    }
}
