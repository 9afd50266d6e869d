@testable import BatonModel
import BatonSyntax
import BatonWorkload
import Foundation
import Testing

/// A large design's flows built in parts on two threads (`ModelBuilder.buildFlowsInParts`)
/// give exactly the compilation of the build on one thread: the same model (every interaction
/// id, flow and step), diagnostics and omitted errors — whether the parts are kept, or a
/// problem found in one sends the pass back to one thread.
@Suite struct PartBuildTests {
    static func parsed(_ text: String, jobs: Int) -> ParsedDesign {
        Compiler.parse(SourceInput(displayPath: "parts.baton", resolvedPath: "/tmp/parts.baton", bytes: Array(text.utf8)),
                       options: CompileOptions(jobs: jobs))
    }

    static func generated(seed: UInt64, interactions: Int = 1_500, perFlow: Int) -> String {
        DesignGenerator(.init(participants: 60, interactions: interactions, seed: seed, interactionsPerFlow: perFlow)).generate()
    }

    /// Builds `text` both ways, with the parse on one and on two threads, `beside` taking
    /// `delay` first (a long one leaves every part to this thread); returns whether it was
    /// planned in parts.
    @discardableResult
    static func check(_ text: String, delay: TimeInterval = 0, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        var planned = false
        for jobs in [1, 2] {
            let parsed = parsed(text, jobs: jobs)
            let one = Compiler.build(parsed)
            let (two, made) = Compiler.build(parsed, beside: { () -> Int in
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                return 42
            })
            #expect(made == 42, sourceLocation: sourceLocation)
            #expect(two.model == one.model, "models differ (parse on \(jobs) threads)", sourceLocation: sourceLocation)
            #expect(two.diagnostics == one.diagnostics, sourceLocation: sourceLocation)
            #expect(two.omittedErrors == one.omittedErrors, sourceLocation: sourceLocation)
            planned = Compiler.partPlan(parsed) != nil
        }
        return planned
    }

    @Test(arguments: [UInt64(1), 2, 3, 17])
    func generatedDesignsAreBuiltInParts(seed: UInt64) {
        // Named flows, one long default flow, and flows of one interaction each.
        for perFlow in [50, 0, 1] {
            let text = Self.generated(seed: seed, perFlow: perFlow)
            #expect(Self.check(text), "a valid generated design was not planned in parts (\(perFlow) per flow)")
        }
    }

    @Test func everyPartOnThisThreadWhenTheOtherIsLate() {
        #expect(Self.check(Self.generated(seed: 5, perFlow: 40), delay: 0.2))
    }

    /// Top-level steps before, between and after named flows all join the one default flow,
    /// whichever part they fall in.
    @Test func topLevelStepsAmongFlows() throws {
        let text = Self.generated(seed: 7, perFlow: 60)
        let names = try #require(Self.names(in: text))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let closings = lines.indices.filter { lines[$0] == "}" }
        let middle = try #require(closings.dropFirst(closings.count / 2).first)
        let step = { (index: Int) in "\(names.0) -> \(names.1) : extra \(index) [timeout=1s]" }
        lines.insert(contentsOf: (0..<40).map(step), at: middle + 1)
        lines.append(contentsOf: (40..<80).map(step))
        #expect(Self.check(lines.joined(separator: "\n")))
    }

    /// A problem anywhere (an undeclared name near the start, the middle or the end, an
    /// invalid value, a flow named twice, a step its block's owner does not initiate) gives
    /// the one-thread build's diagnostics and model.
    @Test(arguments: [0.1, 0.5, 0.95])
    func problemsSendThePassBackToOneThread(at fraction: Double) throws {
        for perFlow in [0, 50] {
            let text = Self.generated(seed: 11, perFlow: perFlow)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let steps = lines.indices.filter { lines[$0].contains(" -> ") && !lines[$0].contains("{") }
            let target = steps[Int(Double(steps.count - 1) * fraction)]
            let names = try #require(Self.names(in: text))
            for replacement in ["  Ghost -> Phantom : lost", "  \(names.0) -> \(names.1) : bad [timeout=soon]"] {
                var broken = lines
                broken[target] = replacement
                Self.check(broken.joined(separator: "\n"))
            }
            // Inside a block, a step its owner does not initiate.
            if let inner = lines.indices.dropFirst(target).first(where: { $0 > 0 && lines[$0 - 1].hasSuffix("{") && lines[$0].contains(" -> ") }) {
                var misplaced = lines
                let indent = misplaced[inner].prefix { $0 == " " }
                misplaced[inner] = indent + "\(names.0) -> \(names.1) : misplaced"
                Self.check(misplaced.joined(separator: "\n"))
            }
            var twice = lines
            twice.append("flow \"Flow 0\" {\n  \(names.0) -> \(names.1) : again\n}")
            Self.check(twice.joined(separator: "\n"))
        }
    }

    /// `Compiler.compile` with more than one job builds a design of `partsThreshold`
    /// interactions or more in parts, and gives what one job gives — with a problem in it
    /// too.
    @Test func compileWithJobsBuildsInParts() throws {
        let interactions = ModelBuilder.partsThreshold + 500
        let text = Self.generated(seed: 23, interactions: interactions, perFlow: 50)
        let names = try #require(Self.names(in: text))
        for design in [text, text + "\n\(names.0) -> Ghost : lost\n"] {
            let input = SourceInput(displayPath: "parts.baton", resolvedPath: "/tmp/parts.baton", bytes: Array(design.utf8))
            let one = Compiler.compile(input, options: CompileOptions(jobs: 1))
            let two = Compiler.compile(input, options: CompileOptions(jobs: 2))
            #expect(one.model.interactions.count >= ModelBuilder.partsThreshold)
            #expect(two.model == one.model)
            #expect(two.diagnostics == one.diagnostics)
            #expect(two.omittedErrors == one.omittedErrors)
        }
        #expect(Compiler.partPlan(Self.parsed(text, jobs: 2)) != nil, "a valid design this large is planned in parts")
    }

    /// A client and a service declared in `text`.
    static func names(in text: String) -> (String, String)? {
        func first(_ kind: String) -> String? {
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count >= 2, words[0] == kind { return String(words[1]) }
            }
            return nil
        }
        guard let client = first("client"), let service = first("service") else { return nil }
        return (client, service)
    }
}
