import BatonCheck
import BatonModel
import BatonSyntax

extension Baton {
    /// Where the project lives, for SARIF's `informationUri`.
    public static let informationURI = "https://github.com/baton-lang/baton"

    /// Compile errors, or the lint findings of every enabled rule (see `Checker.check`).
    public static func check(_ compilation: Compilation, configuration: Configuration = .defaults) -> [Diagnostic] {
        Checker.check(compilation, configuration: configuration)
    }
}
