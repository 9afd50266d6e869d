import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// Golden dumps of the semantic model (with derived quantities) of every sample.
@Suite struct SampleModelTests {
    static var sampleNames: [String] {
        let samples = Golden.packageRoot().appendingPathComponent("samples")
        return ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter { $0.hasSuffix(".baton") }.sorted()
    }

    @Test(arguments: sampleNames)
    func sampleModelMatchesGolden(name: String) throws {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        let path = directory.appendingPathComponent(name).path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let compilation = Compiler.compile(SourceInput(displayPath: "samples/\(name)", resolvedPath: path, bytes: bytes)) { path in
            FileManager.default.contents(atPath: path).map { Array($0) }
        }
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        try Golden.check(ModelDump.dump(compilation.model), "model/\(name).txt")
    }
}
