import Baton
import BatonCheck
import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation

/// Compiles an in-memory design and checks it.
func check(_ source: String, configuration: Configuration = .defaults, path: String = "test.baton") -> (Compilation, [Diagnostic]) {
    let compilation = Baton.compile(source: source, path: path)
    return (compilation, Checker.check(compilation, configuration: configuration))
}

/// The findings of one rule, with options, for a design.
func findings(of id: String, in source: String, options: [String: Double] = [:]) -> (Compilation, [Diagnostic]) {
    let configuration = Configuration(rules: [id: .init(options: options)])
    let (compilation, diagnostics) = check(source, configuration: configuration)
    return (compilation, diagnostics.filter { $0.code == id })
}

/// `rule-id @ line` for each diagnostic of the root file, sorted.
func expectations(_ diagnostics: [Diagnostic], _ compilation: Compilation) -> [String] {
    diagnostics.map { diagnostic in
        let location = compilation.sources[diagnostic.span.file].location(of: diagnostic.span.start)
        return "\(diagnostic.code) @ \(location.line)"
    }.sorted()
}

/// Lines of a source, for messages.
func line(of offset: Int, in compilation: Compilation) -> Int {
    compilation.sources[FileID(0)].location(of: offset).line
}
