import BatonModel
import BatonSyntax
import BatonWorkload
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
        let compilation = Compiler.compile(SourceInput(displayPath: "samples/\(name)", resolvedPath: path, bytes: bytes)) { path throws(Compiler.ReadFailure) in
            guard let data = FileManager.default.contents(atPath: path) else { throw Compiler.ReadFailure(reason: "cannot read it") }
            return Array(data)
        }
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
        try Golden.check(ModelDump.dump(compilation.model), "model/\(name).txt")
    }
}

/// `model(fmt(x)) == model(x)`: formatting never changes what a design means.
@Suite struct FormattingPreservesMeaningTests {
    static func model(_ text: String) -> String {
        let compilation = Compiler.compile(SourceInput(displayPath: "t.baton", resolvedPath: "/t/t.baton", bytes: Array(text.utf8)))
        return ModelDump.dump(compilation.model)
    }

    @Test func samplesAndGeneratedDesigns() throws {
        let directory = Golden.packageRoot().appendingPathComponent("samples")
        var texts = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().filter { $0.hasSuffix(".baton") }
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
        texts += (1...10 as ClosedRange<UInt64>).map { DesignGenerator(.init(participants: 12, interactions: 60, seed: $0)).generate() }
        for text in texts {
            let formatted = Formatter.format(SourceFile(id: FileID(0), path: "t", text: text)).text
            #expect(formatted.map(Self.model) == Self.model(text))
        }
    }
}
