// Findings on the picture: the façade turns a design's diagnostics into `FindingMark`s, the
// plain values the layout draws as numbered badges. The check stage and the render stage never
// meet: only here does a diagnostic become something to draw.

import BatonCheck
import BatonDocs
import BatonLayout
import BatonModel
import BatonSyntax

extension Baton {
    /// The findings of `compilation` under `configuration` (`Checker.check`: rules turned off
    /// are not run, suppressed findings are gone), as marks numbered in source order.
    public static func findingMarks(_ compilation: Compilation, configuration: Configuration = .defaults) -> [FindingMark] {
        findingMarks(for: Checker.check(compilation, configuration: configuration), model: compilation.model)
    }

    /// `diagnostics` (in the order given) as marks numbered from 1, each pointing at the
    /// interactions and participants its span and notes fall in (`FindingTargets`); one with no
    /// such place is still a mark, drawn in the legend only. Diagnostics of severity off are left out.
    public static func findingMarks(for diagnostics: [Diagnostic], model: Model) -> [FindingMark] {
        let targets = FindingTargets(model)
        var marks: [FindingMark] = []
        for diagnostic in diagnostics {
            let severity: MarkSeverity
            switch diagnostic.severity {
            case .error: severity = .error
            case .warning: severity = .warning
            case .info: severity = .info
            case .off: continue
            }
            let target = targets.target(of: diagnostic)
            marks.append(FindingMark(number: marks.count + 1, severity: severity, title: diagnostic.code,
                                     message: diagnostic.message, interactions: target.interactions,
                                     participants: target.participants))
        }
        return marks
    }

    /// A documentation fence's findings (its `findings` option): the configuration is the one
    /// `baton check` would use for the page (`.baton.json` found from the page's directory; for a
    /// block with no file, from the current directory).
    static let documentationMarks: FindingMarker = { compilation, request in
        let path = request.input.resolvedPath
        let directory = path.hasPrefix("<") ? FileReader.absolute(".") : PathName.directory(of: FileReader.absolute(path))
        do throws(ConfigurationError) {
            var files = ConfigurationFiles()
            let configuration = try files.configuration(forDirectory: PathName.normalize(directory))
            return .success(findingMarks(compilation, configuration: configuration))
        } catch {
            return .failure(DiagramFailure(diagnostics: [], message: "invalid configuration: \(error.description)"))
        }
    }
}
