/// What `baton infer` is asked for.
public struct InferOptions: Sendable {
    /// Interactions (and flows) seen fewer times than this are left out, and listed at the end
    /// of the design. 1 keeps everything.
    public var minCount: Int
    /// The design's title.
    public var title: String
    /// Where the spans came from, for the header comment (file names as the user gave them).
    public var sources: [String]

    public init(minCount: Int = 1, title: String = "Inferred from traces", sources: [String] = []) {
        self.minCount = max(1, minCount)
        self.title = title
        self.sources = sources
    }
}

/// A design written from an observation.
public struct InferredDesign: Sendable {
    /// The design's source, formatted as `baton fmt` writes it.
    public var text: String
    /// What `minCount` left out, one line each (also listed at the end of `text`).
    public var leftOut: [String]
    /// How many interactions and flows that is.
    public var leftOutInteractions: Int
    public var leftOutFlows: Int
}
