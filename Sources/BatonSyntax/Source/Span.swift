/// Identifies one source file inside a `SourceMap`.
public struct FileID: Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A half-open range of UTF-8 byte offsets in one source file.
///
/// Positions stay byte offsets through the whole pipeline (cheap to store and compare);
/// they become line:column only when a diagnostic is printed (see `SourceFile.location`).
public struct Span: Hashable, Sendable, Codable {
    public var file: FileID
    public var start: Int
    public var end: Int

    public init(file: FileID, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span that covers both spans (they must be in the same file).
    public func through(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public var isEmpty: Bool { start == end }
}
