import BatonModel
import BatonSyntax

/// Which flow a render draws, as the command line (`--flow`) and documentation fences (`flow=`)
/// ask for it by name.
public enum FlowSelection {
    /// The flow to draw: the one named, else the root file's default flow, else the first.
    /// Nil when the model has no flow (or, when not `required` — the graph view — when none was
    /// named: it shows them all). An unknown name is an error that lists the flows there are.
    public static func flow(_ name: String?, in model: Model, required: Bool = true) throws(RenderError) -> FlowID? {
        if let name {
            if let flow = model.flow(named: name) { return flow.id }
            let names = model.flows.map(\.name)
            var help = names.isEmpty ? "this design has no flows"
                : "the flows are: " + names.map { "\"\($0)\"" }.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: name, in: names) { help = "did you mean \"\(suggestion)\"? " + help }
            throw RenderError(message: "there is no flow named \"\(name)\"", help: help)
        }
        guard required else { return nil }
        if let root = model.flows.first(where: { $0.isDefault && $0.span.file == FileID(0) }) { return root.id }
        return model.flows.first?.id
    }
}
