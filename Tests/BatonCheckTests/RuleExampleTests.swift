import BatonCheck
import BatonSyntax
import BatonTestSupport
import Foundation
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

    /// The catalog lists each rule once, and every rule type under Sources/BatonCheck/Rules
    /// (one a file) is in it: nothing is discovered by reflection, so a rule left out of the
    /// catalog would never run.
    @Test func everyRuleIsThereOnce() throws {
        let ids = Rules.all.map(\.descriptor.id)
        #expect(Set(ids).count == ids.count)
        let catalogued = Rules.all.map { String(describing: type(of: $0)) }
        #expect(Set(catalogued).count == catalogued.count)
        let declared = try Self.ruleTypesInSources()
        #expect(try declared.count == Self.ruleFileCount(), "one rule a file")
        #expect(catalogued.sorted() == declared.sorted())
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is kebab-case")
            #expect(!CompileError.isCompileError(id))
        }
    }

    static let rulesDirectory = Golden.packageRoot().appendingPathComponent("Sources/BatonCheck/Rules")

    static func ruleFileCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path).filter { $0.hasSuffix(".swift") }.count
    }

    /// The names of the types declared `struct Name: Rule` in the rule sources.
    static func ruleTypesInSources() throws -> [String] {
        var names: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path).sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: rulesDirectory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") && line.hasSuffix(": Rule {") {
                names.append(String(line.dropFirst("public struct ".count).dropLast(": Rule {".count)))
            }
        }
        return names
    }
}
