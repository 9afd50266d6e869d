/// A design and the files it is read from (itself first, then its imports).
public struct WatchedDesign: Sendable, Equatable {
    /// The design's name for the callback (the site uses its relative path).
    public var key: String
    public var files: [String]

    public init(key: String, files: [String]) {
        self.key = key
        self.files = files
    }
}

/// What changed since the last callback, sorted by key.
public struct WatchChange: Sendable, Equatable {
    /// Designs to compile again: edited, new, or importing an edited file.
    public var changed: [String]
    /// Designs that are gone.
    public var removed: [String]

    public init(changed: [String], removed: [String]) {
        self.changed = changed
        self.removed = removed
    }
}
