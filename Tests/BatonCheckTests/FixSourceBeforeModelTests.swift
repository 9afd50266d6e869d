import Baton
@testable import BatonCheck
import BatonModel
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Testing

/// The index of the source text that fixes read is made from the syntax alone, beside the
/// model's build (`Baton.compile(bytes:…alongside:)`): every participant of the model is
/// declared in it, nothing else is, and a check with it finds and fixes what a check with the
/// index made after the build does.
struct FixSourceBeforeModelTests {
    static var designs: [(name: String, bytes: [UInt8])] {
        TestDesigns.all.map { ($0.name, $0.bytes) }
            // Large enough for the index and the build, and the derived facts, to be made side by
            // side (`Checker.parallelThreshold`).
            + [("generated", Array(DesignGenerator.design(bytes: 200_000, seed: 11).utf8))]
    }

    @Test func itKnowsTheNamesTheModelDeclares() {
        for design in Self.designs {
            let path = "/designs/\(design.name)"
            let (compilation, source) = Baton.compile(bytes: design.bytes, displayPath: path, read: Compiler.noFiles,
                                                      alongside: { FixSource(sources: $0, syntax: $1) })
            guard !compilation.hasErrors else { continue }
            for participant in compilation.model.participants {
                #expect(source.isDeclared(participant.name), "\(design.name): \(participant.name)")
            }
            let names = Set(compilation.model.participants.map(\.name))
            for name in ["NotAParticipant", "Service1DLQ", "Queue3DLQ2"] where !names.contains(name) {
                #expect(!source.isDeclared(name), "\(design.name): \(name)")
            }
        }
    }

    @Test(arguments: [1, 2])
    func aCheckWithItIsTheSame(threads: Int) {
        var checked = 0
        for design in Self.designs {
            let path = "/designs/\(design.name)"
            let (compilation, source) = Baton.compile(bytes: design.bytes, displayPath: path, read: Compiler.noFiles,
                                                      alongside: { FixSource(sources: $0, syntax: $1) })
            guard !compilation.hasErrors else { continue }
            let before = Checker.check(compilation, context: CheckContext(compilation.model, fixSource: source, threads: threads))
            #expect(before == Checker.check(compilation), "\(design.name)")
            checked += 1
        }
        #expect(checked > 10)
        let large = Baton.compile(source: DesignGenerator.design(bytes: 200_000, seed: 11))
        #expect(large.model.interactions.count >= Checker.parallelThreshold)
    }
}
