import BatonRender

/// The explanations a fence asks to draw on its diagram (`legend`, `numbers`, `timing`, as
/// `baton render --legend --numbers --timing`): all off unless the page names them.
public struct DiagramExplanations: Hashable, Sendable {
    public var legend: Bool
    public var numbers: Bool
    public var timing: Bool

    public init(legend: Bool = false, numbers: Bool = false, timing: Bool = false) {
        self.legend = legend
        self.numbers = numbers
        self.timing = timing
    }

    /// The fence's words, read through `option` (a fence option or a pandoc attribute).
    static func read(_ option: (String) -> String?) throws(DiagramFailure) -> DiagramExplanations {
        DiagramExplanations(legend: try DiagramSetting.flag(option("legend"), named: "legend"),
                            numbers: try DiagramSetting.flag(option("numbers"), named: "numbers"),
                            timing: try DiagramSetting.flag(option("timing"), named: "timing"))
    }

    /// The names of those that are on, in a fixed order: what a diagram's file name hashes.
    var words: [String] {
        var options = RenderOptions()
        apply(to: &options)
        return options.explanationWords
    }

    func apply(to options: inout RenderOptions) {
        options.legend = legend
        options.numbers = numbers
        options.timing = timing
    }
}
