import BatonModel
import BatonSyntax

/// Which scenario of a design to run, as the command line (`--scenario`) asks for it by name.
///
/// A design with one scenario runs it without being asked. One with several is not guessed
/// at: running the first would pass for having run the design, so the caller must name one
/// (or, checking expectations, run them all).
public enum ScenarioSelection {
    /// Why no scenario could be picked, with the names there are.
    public enum Failure: Error, Hashable, Sendable {
        /// No scenario has that name.
        case unknown(name: String, scenarios: [String])
        /// The design has no scenario at all.
        case none
        /// Several scenarios and none named.
        case several([String])

        /// `there is no scenario named "Retry strom"`.
        public var message: String {
            switch self {
            case .unknown(let name, _): "there is no scenario named \(LiteralFormat.string(name))"
            case .none: "the design has no scenario to run"
            case .several(let names): "the design has \(names.count) scenarios: \(Self.list(names))"
            }
        }

        /// `did you mean "Retry storm"? the scenarios are: "Retry storm", "Repaired"`.
        public var help: String? {
            switch self {
            case .unknown(let name, let names):
                var help = names.isEmpty ? "the design has no scenarios" : "the scenarios are: " + Self.list(names)
                if let suggestion = Suggestion.closest(to: name, in: names) {
                    help = "did you mean \(LiteralFormat.string(suggestion))? " + help
                }
                return help
            case .none, .several: return nil
            }
        }

        static func list(_ names: [String]) -> String {
            names.map(LiteralFormat.string).joined(separator: ", ")
        }
    }

    /// The scenario called `name`, or the design's only one when `name` is nil.
    public static func scenario(_ name: String?, in model: Model) throws(Failure) -> Scenario {
        if let name {
            guard let scenario = model.scenario(named: name) else {
                throw .unknown(name: name, scenarios: model.scenarios.map(\.name))
            }
            return scenario
        }
        switch model.scenarios.count {
        case 0: throw .none
        case 1: return model.scenarios[0]
        default: throw .several(model.scenarios.map(\.name))
        }
    }
}
