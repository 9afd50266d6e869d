import BatonCheck
import BatonSyntax
import BatonTestSupport
import Testing

/// The examples of every rule's descriptor are its tests: triggering examples produce findings
/// of that rule exactly at their `↓` markers, non-triggering ones produce none.
struct RuleExampleTests {
    static let descriptors = Rules.descriptors

    @Test("triggering examples fire exactly at the markers", arguments: descriptors.map(\.id))
    func triggering(_ id: String) throws {
        let descriptor = try #require(Rules.descriptor(id: id))
        #expect(!descriptor.triggering.isEmpty, "every rule needs a triggering example")
        for example in descriptor.triggering {
            let marked = MarkedText(example.source)
            #expect(!marked.offsets.isEmpty, "a triggering example needs ↓ markers:\n\(example.source)")
            let (compilation, found) = findings(of: id, in: marked.text, options: example.options)
            let compiles = !compilation.hasErrors
            #expect(compiles, "the example must compile: \(compilation.diagnostics.map(\.message))\n\(marked.text)")
            #expect(found.map(\.span.start).sorted() == marked.offsets,
                    "\(id): expected findings at lines \(marked.offsets.map { line(of: $0, in: compilation) }), got \(found.map { "\(line(of: $0.span.start, in: compilation)): \($0.message)" })\n\(marked.text)")
            for finding in found {
                #expect(finding.help?.isEmpty == false, "every finding ends with a help line")
            }
        }
    }

    @Test("non-triggering examples stay clean", arguments: descriptors.map(\.id))
    func nonTriggering(_ id: String) throws {
        let descriptor = try #require(Rules.descriptor(id: id))
        #expect(!descriptor.nonTriggering.isEmpty, "every rule needs a non-triggering example")
        for example in descriptor.nonTriggering {
            #expect(!example.source.contains("↓"))
            let (compilation, found) = findings(of: id, in: example.text, options: example.options)
            let compiles = !compilation.hasErrors
            #expect(compiles, "the example must compile: \(compilation.diagnostics.map(\.message))\n\(example.text)")
            #expect(found.isEmpty, "\(id) fired on a non-triggering example: \(found.map(\.message))\n\(example.text)")
        }
    }

    @Test func everyRuleIsThereOnce() {
        let ids = Rules.all.map(\.descriptor.id)
        #expect(ids.count == 26)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is kebab-case")
            #expect(!CompileError.isCompileError(id))
        }
    }
}
