/// Something wrong in a trace file: where it is, in which record, and what is wrong.
///
/// An `.error` stopped the file from being read further (it is not JSON any more, or it was cut
/// short); a `.warning` left out one record, or one value of it, and reading went on.
public struct TraceProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// 0-based byte offset, 1-based line and column (in bytes).
    public var offset: Int
    public var line: Int
    public var column: Int
    /// The record, as a path into the document: `resourceSpans[0].scopeSpans[1].spans[3]`.
    public var record: String?
    public var message: String

    public init(severity: Severity, file: String, offset: Int, line: Int, column: Int, record: String?, message: String) {
        self.severity = severity
        self.file = file
        self.offset = offset
        self.line = line
        self.column = column
        self.record = record
        self.message = message
    }

    /// `traces.json:3:17: warning: … (in resourceSpans[0].scopeSpans[0].spans[2], byte 1234)`.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let record { text += " (in \(record), byte \(offset))" } else { text += " (byte \(offset))" }
        return text
    }
}

/// The problems of one file, capped: a file that is wrong throughout is reported by its first
/// problems and a count of the rest, not by a million lines.
public struct TraceProblemLog: Sendable {
    /// How many problems a file reports; the others are only counted.
    public static let defaultLimit = 20

    public let limit: Int
    public private(set) var problems: [TraceProblem] = []
    /// Problems found beyond `limit`.
    public private(set) var omitted = 0

    public init(limit: Int = TraceProblemLog.defaultLimit) { self.limit = limit }

    public mutating func add(_ problem: TraceProblem) {
        if problems.count < limit { problems.append(problem) } else { omitted += 1 }
    }

    public var total: Int { problems.count + omitted }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
