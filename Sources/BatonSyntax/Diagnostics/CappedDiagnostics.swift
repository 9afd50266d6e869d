/// Diagnostics collected with at most `limit` errors per file: the first ones in source order,
/// and a count of the others.
///
/// One systematic mistake (an attribute list never closed, a generator repeating a key) can
/// cause an error per token. Past the first hundred they tell the reader nothing new, and a
/// hostile file could make millions of them. So the cap applies while collecting, not when
/// printing: a file never holds more than twice the limit in errors, whichever stage finds them
/// and in whatever order. Diagnostics that are not errors are kept as they come.
///
/// Every stage that reports compile errors (the parser, import resolution, the model builder)
/// appends here, so one limit covers them all.
public struct CappedDiagnostics: Sendable {
    /// Errors per file that reach a report.
    public static let errorsPerFile = 100

    public let limit: Int
    /// Indexed by `FileID.rawValue`: what each file keeps (at most `2 × limit` errors; trimmed
    /// to `limit` in source order when it gets there), and the errors counted but dropped.
    private var kept: [[Diagnostic]] = []
    private var keptErrors: [Int] = []
    private var dropped: [Int] = []

    public init(limit: Int = errorsPerFile) {
        self.limit = max(0, limit)
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        let file = diagnostic.span.file.rawValue
        grow(to: file)
        kept[file].append(diagnostic)
        guard diagnostic.severity == .error else { return }
        keptErrors[file] += 1
        if keptErrors[file] >= max(2 * limit, 1) { trim(file) }
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Records errors another collector already dropped (the parser caps each file on its own).
    public mutating func countOmitted(_ count: Int, in file: FileID) {
        guard count > 0 else { return }
        grow(to: file.rawValue)
        dropped[file.rawValue] += count
    }

    /// Whether nothing was appended, nor counted as dropped.
    public var isEmpty: Bool {
        kept.allSatisfy(\.isEmpty) && dropped.allSatisfy { $0 == 0 }
    }

    /// The kept diagnostics in source order (`Diagnostic.sourceOrder`).
    public var diagnostics: [Diagnostic] {
        kept.flatMap { Self.firstErrors($0, limit: limit) }
    }

    /// How many errors of `file` were counted but are not among `diagnostics`.
    public func omittedErrors(in file: FileID) -> Int {
        guard file.rawValue < dropped.count else { return 0 }
        return dropped[file.rawValue] + max(0, keptErrors[file.rawValue] - limit)
    }

    private mutating func grow(to file: Int) {
        while kept.count <= file {
            kept.append([])
            keptErrors.append(0)
            dropped.append(0)
        }
    }

    /// Sorts a file's diagnostics and keeps its first `limit` errors (and every non-error).
    private mutating func trim(_ file: Int) {
        kept[file] = Self.firstErrors(kept[file], limit: limit)
        dropped[file] += max(0, keptErrors[file] - limit)
        keptErrors[file] = min(keptErrors[file], limit)
    }

    private static func firstErrors(_ diagnostics: [Diagnostic], limit: Int) -> [Diagnostic] {
        var errors = 0
        return diagnostics.sorted(by: Diagnostic.sourceOrder).filter { diagnostic in
            guard diagnostic.severity == .error else { return true }
            errors += 1
            return errors <= limit
        }
    }
}
