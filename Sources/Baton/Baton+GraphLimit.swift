// The graph view's size limit, as the user meets it: the error that says how big the design is,
// what the limit is, and what to do instead.

import BatonLayout
import BatonModel

extension RenderError {
    /// A graph view refused by its limit. `file` names the design; `documentation` says that the
    /// request came from a documentation build (a fence's options, not command-line flags).
    static func graphTooLarge(_ error: GraphViewTooLarge, file: String, documentation: Bool) -> RenderError {
        let counts = "has \(grouped(error.participants)) \(error.participants == 1 ? "participant" : "participants") and "
            + "\(grouped(error.connections)) \(error.connections == 1 ? "connection" : "connections")"
        let weight = error.isDense ? ", so densely connected that laying them out takes as much as \(grouped(error.weight)) would" : ""
        let message = "the graph view of '\(file)' \(counts)\(weight), more than the graph view's limit of "
            + "\(grouped(error.limit)) participants and connections together"
        let help = documentation
            ? "draw one flow (flow=NAME), split the design, or use the sequence view (view=sequence); "
                + "'baton render --graph-limit \(error.weight)' can draw it"
            : "draw one flow with --flow NAME, split the design, use the sequence view, or raise the limit with "
                + "--graph-limit \(error.weight) (laying out \(grouped(GraphViewLimit.standard)) takes up to about 1 GB)"
        return RenderError(message: message, help: help)
    }

    /// 12345 → "12,345": sizes this big are easier to read grouped (the command line's
    /// messages about numbers use it too).
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }
}
