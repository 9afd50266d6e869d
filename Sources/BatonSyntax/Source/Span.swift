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
///
/// Stored as three 32-bit numbers, 12 bytes rather than 24: every piece of the syntax and
/// most of the model carry spans, and at their size the tree and the model of a large design
/// were a third spans. Files are far smaller than 2 GiB (`FileReader.maximumSize`); a value
/// beyond the 32-bit range is clamped to it.
public struct Span: Hashable, Sendable, Codable, CustomReflectable {
    private var storedFile: Int32
    private var storedStart: Int32
    private var storedEnd: Int32

    public var file: FileID {
        get { FileID(Int(storedFile)) }
        set { storedFile = Self.narrow(newValue.rawValue) }
    }

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Self.narrow(newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Self.narrow(newValue) }
    }

    public init(file: FileID, start: Int, end: Int) {
        storedFile = Self.narrow(file.rawValue)
        storedStart = Self.narrow(start)
        storedEnd = Self.narrow(max(start, end))
    }

    private static func narrow(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }

    /// The smallest span that covers both spans (they must be in the same file).
    public func through(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public var isEmpty: Bool { start == end }

    /// Orders spans by file, start, then end: the order of diagnostics and edits in a report.
    @inlinable public static func sourceOrder(_ lhs: Span, _ rhs: Span) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }

    // Described, reflected and coded as the three properties, as before they were stored
    // narrower: `print(span)` and every printed tree stay as they were.
    public var customMirror: Mirror {
        Mirror(self, children: [("file", file as Any), ("start", start as Any), ("end", end as Any)], displayStyle: .struct)
    }

    // The coding keys of the three properties.
    private enum CodingKeys: String, CodingKey {
        case file, start, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(FileID.self, forKey: .file), start: try container.decode(Int.self, forKey: .start),
                  end: try container.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
