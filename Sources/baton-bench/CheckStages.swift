// Lint stages: `check` times what `baton check` does per file (compile, every rule at its
// default severity, suppressions, positions for reporting); `lint` times only the rules and
// suppressions on an already compiled design, so the rules' own growth is visible.

import Baton
import BatonCheck
import BatonModel
import BatonReport
import Foundation

extension Bench {
    static var checkStages: [Stage] {
        [
            Stage(name: "check") { source in
                let compilation = Baton.compile(source: source, path: "bench.baton")
                let diagnostics = Baton.check(compilation)
                _ = diagnostics.map { ReportedDiagnostic($0, sources: compilation.sources) }
            },
            Stage(name: "lint") { source in
                _ = Baton.check(CompiledDesigns.shared.compilation(of: source))
            },
        ]
    }
}

/// Compiles each benchmark source once, so `lint` measures the rules alone.
final class CompiledDesigns: @unchecked Sendable {
    static let shared = CompiledDesigns()
    private let lock = NSLock()
    private var cache: (source: String, compilation: Compilation)?

    func compilation(of source: String) -> Compilation {
        lock.lock()
        defer { lock.unlock() }
        if let cache, cache.source == source { return cache.compilation }
        let compilation = Baton.compile(source: source, path: "bench.baton")
        cache = (source, compilation)
        return compilation
    }
}
