import BatonCheck
import BatonDiff
import BatonModel
import BatonSyntax
import Testing

/// A design compiled in memory (under `/t/`), which must be free of compile errors, as one side
/// of a diff. `files` are the other files it may import, by path relative to `/t/`.
func side(_ source: String, path: String = "design.baton", files: [String: String] = [:], label: String? = nil,
          configuration: Configuration = .defaults, sourceLocation: SourceLocation = #_sourceLocation) -> DesignSide {
    var byPath: [String: String] = [:]
    for (name, text) in files { byPath["/t/" + name] = text }
    let compilation = Compiler.compile(SourceInput(displayPath: path, resolvedPath: "/t/" + path, bytes: Array(source.utf8)),
                                       read: Compiler.reader(byPath))
    let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
    return DesignSide(label: label ?? path, compilation: compilation, configuration: configuration)
}

/// The diff of two in-memory designs, named `old.baton` and `new.baton`.
func diff(_ old: String, _ new: String, oldFiles: [String: String] = [:], newFiles: [String: String] = [:],
          sourceLocation: SourceLocation = #_sourceLocation) -> DesignDiff {
    Differ.diff(old: side(old, path: "old.baton", files: oldFiles, sourceLocation: sourceLocation),
                new: side(new, path: "new.baton", files: newFiles, sourceLocation: sourceLocation), workingDirectory: "/t")
}

extension DesignDiff {
    /// `change name` for every element of a section, in order: `added Fraud`, `renamed Ledger`.
    func summary(_ changes: [ElementChange]) -> [String] {
        changes.map { "\($0.change.rawValue) \($0.name)" }
    }

    /// `key: old → new` for an element's attributes (`-` for none).
    static func attributes(_ change: ElementChange?) -> [String] {
        (change?.attributes ?? []).map { "\($0.key): \($0.old ?? "-") → \($0.new ?? "-")" }
    }
}
