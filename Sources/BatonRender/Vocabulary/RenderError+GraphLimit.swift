// The graph view's size limit, as the user meets it: the error that says how big the design is,
// what the limit is, and what to do instead.

import BatonLayout
import BatonSyntax

extension RenderError {
    /// A graph view refused by its limit. `file` names the design; `documentation` says that the
    /// request came from a documentation build (a fence's options, not command-line flags).
    static func graphTooLarge(_ error: GraphViewTooLarge, file: String, documentation: Bool) -> RenderError {
        let counts = "has \(English.grouped(error.participants)) \(English.noun("participant", count: error.participants)) and "
            + "\(English.grouped(error.connections)) \(English.noun("connection", count: error.connections))"
        let weight = error.isDense ? ", so densely connected that laying them out takes as much as \(English.grouped(error.weight)) would" : ""
        let message = "the graph view of '\(file)' \(counts)\(weight), more than the graph view's limit of "
            + "\(English.grouped(error.limit)) participants and connections together"
        let help = documentation
            ? "draw one flow (flow=NAME), split the design, or use the sequence view (view=sequence); "
                + "'baton render --graph-limit \(error.weight)' can draw it"
            : "draw one flow with --flow NAME, split the design, use the sequence view, or raise the limit with "
                + "--graph-limit \(error.weight) (laying out \(English.grouped(GraphViewLimit.standard)) takes up to about 1 GB)"
        return RenderError(message: message, help: help)
    }
}
