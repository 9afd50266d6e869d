import BatonModel
import BatonSyntax
import Testing

/// Compiles an in-memory design that must be free of compile errors.
func compileClean(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Model {
    let compilation = Compiler.compile(SourceInput(displayPath: "test.baton", resolvedPath: "/t/test.baton",
                                                   bytes: Array(source.utf8)))
    #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return compilation.model
}

extension Model {
    /// The interaction with this label (labels are unique in these tests).
    func interaction(_ label: String) -> Interaction {
        interactions.first { $0.label == label }!
    }

    func id(_ name: String) -> ParticipantID { participant(named: name)!.id }
}
