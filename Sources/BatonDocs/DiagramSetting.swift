import BatonLayout
import BatonRender

/// A diagram's setting as a page or its configuration writes it (`view=graph`, `theme=dark`,
/// `direction=TB`), read into the render stage's own type where the page is read, so the
/// renderer is only ever given values it knows. An unknown word is refused in the same terms
/// wherever it is written.
enum DiagramSetting {
    /// The value `word` names, or why there is none: "unknown theme 'sepia'; use light or dark".
    static func read<Value>(_ word: String, as setting: String) throws(DiagramFailure) -> Value
        where Value: RawRepresentable & CaseIterable, Value.RawValue == String
    {
        guard let value = Value(rawValue: word) else {
            throw DiagramFailure(diagnostics: [], message: "unknown \(setting) '\(word)'; use \(choices(Value.self))")
        }
        return value
    }

    /// "light or dark"
    static func choices<Value>(_ type: Value.Type) -> String where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
        type.allCases.map(\.rawValue).joined(separator: " or ")
    }

    /// A page draws a design, never runs one: the simulation view is not offered there.
    static func view(_ word: String?) throws(DiagramFailure) -> RenderView {
        guard let word else { return .sequence }
        guard let view = RenderView(rawValue: word), RenderView.diagrams.contains(view) else {
            let choices = RenderView.diagrams.map(\.rawValue).joined(separator: " or ")
            var message = "unknown view '\(word)'; use \(choices)"
            if word == RenderView.simulation.rawValue {
                message = "a page cannot draw the simulation view (it runs the design); use \(choices), "
                    + "or include the chart of 'baton simulate --chart' as an image"
            }
            throw DiagramFailure(diagnostics: [], message: message)
        }
        return view
    }

    static func theme(_ word: String) throws(DiagramFailure) -> Theme.Name {
        try read(word, as: "theme")
    }

    /// Whether a fence draws its design's findings: `findings` alone or `findings=true` (also
    /// `yes`, `on`) draws them; `findings=false` (`no`, `off`) or no option does not.
    static func findings(_ word: String?) throws(DiagramFailure) -> Bool {
        try flag(word, named: "findings")
    }

    /// An option that is on or off (`findings`, `legend`, `numbers`, `timing`): the name alone
    /// or `=true` (`yes`, `on`) turns it on; `=false` (`no`, `off`) or no option leaves it off.
    static func flag(_ word: String?, named name: String) throws(DiagramFailure) -> Bool {
        switch word {
        case nil, "false", "no", "off": return false
        case "", "true", "yes", "on": return true
        case let word?:
            throw DiagramFailure(diagnostics: [], message: "unknown \(name) '\(word)'; write \(name) (or \(name)=true), or leave it out")
        }
    }

    /// Nil when the page gives none or says `auto`: the graph view chooses (see
    /// `DiagramRequest.direction`).
    static func direction(_ word: String?) throws(DiagramFailure) -> LayoutDirection? {
        guard let word, word != LayoutDirection.automaticWord else { return nil }
        guard let direction = LayoutDirection(rawValue: word) else {
            throw DiagramFailure(diagnostics: [], message: "unknown direction '\(word)'; use \(LayoutDirection.words.joined(separator: " or "))")
        }
        return direction
    }
}
