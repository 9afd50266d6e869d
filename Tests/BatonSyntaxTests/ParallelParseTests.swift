@testable import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Foundation
import Testing

/// A file parsed in parts on several threads (`PartParse`) is exactly the file parsed from its
/// start: the same tree, comments, diagnostics, omitted errors and interaction count, whatever
/// the text, the number of parts and the number of threads — or the parts are refused and the
/// one parse is used.
@Suite struct ParallelParseTests {
    static func source(_ bytes: [UInt8]) -> SourceFile {
        SourceFile(id: FileID(0), path: "parts.baton", bytes: bytes)
    }

    /// Whether `parsed` is `expected` in every field a caller reads.
    static func same(_ parsed: ParseResult, _ expected: ParseResult) -> Bool {
        parsed.syntax == expected.syntax && parsed.diagnostics == expected.diagnostics
            && parsed.omittedErrors == expected.omittedErrors && parsed.interactionCount == expected.interactionCount
            && parsed.interactionsBefore == expected.interactionsBefore && parsed.importCount == expected.importCount
    }

    /// Parses `bytes` in `parts` parts on `jobs` threads, whatever its size: the parts' result,
    /// when accepted, must be the one parse's, every cut must be where one of the one parse's
    /// top-level statements starts (never inside a block, a string or an attribute list it
    /// saw), and `BatonParser.parse` with jobs must equal the one parse either way. Returns
    /// whether the parts were accepted.
    @discardableResult
    static func check(_ bytes: [UInt8], parts: Int, jobs: Int, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let source = source(bytes)
        let expected = BatonParser.sequential(source, maxDepth: BatonParser.defaultMaxDepth)
        // The imports counted are the top-level import statements (the loader reads them only then).
        let imports = expected.syntax.statements.filter { if case .importFile = $0 { true } else { false } }.count
        #expect(expected.importCount == imports, sourceLocation: sourceLocation)
        let whole = BatonParser.parse(source, jobs: jobs)
        #expect(same(whole, expected), sourceLocation: sourceLocation)
        guard let parsed = PartParse.parse(source, maxDepth: BatonParser.defaultMaxDepth, parts: parts, jobs: jobs) else {
            return false
        }
        #expect(same(parsed, expected), "parts of \(bytes.count) bytes differ from the one parse", sourceLocation: sourceLocation)
        let starts = Set(expected.syntax.statements.map(\.span.start))
        for cut in PartParse.cuts(in: bytes, parts: parts) {
            #expect(starts.contains(cut), "cut at \(cut) is not where a top-level statement starts", sourceLocation: sourceLocation)
        }
        return true
    }

    static func generated(seed: UInt64, participants: Int = 14, interactions: Int = 120, perFlow: Int = 12) -> [UInt8] {
        Array(DesignGenerator(.init(participants: participants, interactions: interactions, seed: seed,
                                    interactionsPerFlow: perFlow)).generate().utf8)
    }

    @Test func everySampleAndTestDesign() {
        var accepted = 0
        for design in TestDesigns.all {
            let bytes = design.bytes
            #expect(!bytes.isEmpty, "\(design.name) is empty")
            for parts in 2...6 {
                if Self.check(bytes, parts: parts, jobs: 2 + parts % 3) { accepted += 1 }
            }
        }
        // Most samples are free of syntax errors, and are cut and accepted.
        #expect(accepted >= TestDesigns.samples.count)
    }

    @Test(arguments: [UInt64(1), 2, 3, 17, 99])
    func generatedDesigns(seed: UInt64) {
        let designs = [
            Self.generated(seed: seed),
            Self.generated(seed: seed, participants: 40, interactions: 600, perFlow: 50),
            // Everything in the default flow: cuts only among the declarations.
            Self.generated(seed: seed, participants: 20, interactions: 200, perFlow: 0),
        ]
        for bytes in designs {
            for parts in [2, 3, 4, 8, 16] {
                #expect(Self.check(bytes, parts: parts, jobs: 2 + Int(seed) % 3), "a generated design's parts were refused")
            }
        }
    }

    /// A design larger than `PartParse.minimumBytes` takes the parts through `BatonParser.parse`
    /// itself; one that is a single flow has no cut inside that flow.
    @Test func largeDesigns() {
        let large = Array(DesignGenerator.design(bytes: 700_000, seed: 5).utf8)
        #expect(large.count >= PartParse.minimumBytes)
        #expect(PartParse.cuts(in: large, parts: 4).count == 3)
        #expect(Self.check(large, parts: 4, jobs: 2))
        let singleFlow = Array(DesignGenerator(.init(participants: 50, interactions: 3_000, seed: 5)).generate().utf8)
        let cuts = PartParse.cuts(in: singleFlow, parts: 2)
        let flowStart = Self.source(singleFlow).bytes.firstRange(of: Array("\nflow ".utf8))?.lowerBound
        // The one flow is the file's last statement: no cut after its start.
        if let flowStart { #expect(cuts.allSatisfy { $0 <= flowStart + 1 }) }
        Self.check(singleFlow, parts: 2, jobs: 2)
    }

    /// The first part makes room for about as many statements as the whole file has when they
    /// are the design's steps at the top level, and for few when the steps are inside flows.
    @Test(arguments: [UInt64(1), 2, 3])
    func theFirstPartMakesRoomForTheStatementsOfTheFile(seed: UInt64) {
        for perFlow in [0, 50] {
            let bytes = Self.generated(seed: seed, participants: 60, interactions: 4_000, perFlow: perFlow)
            let count = BatonParser.sequential(Self.source(bytes), maxDepth: BatonParser.defaultMaxDepth).syntax.statements.count
            let room = PartParse.estimatedStatements(in: bytes, around: PartParse.cuts(in: bytes, parts: 2))
            if perFlow == 0 {
                #expect(room >= count && room <= 2 * count, "room for \(room) of \(count) top-level statements")
            } else {
                // The flows' steps are indented: room for the declarations and flows, not the steps.
                #expect(room <= 2 * count + 200, "room for \(room) of \(count) top-level statements")
            }
        }
        // Room, when the cuts find it, changes nothing the parse gives.
        let bytes = Self.generated(seed: seed, participants: 60, interactions: 4_000, perFlow: 0)
        #expect(Self.check(bytes, parts: 2, jobs: 2))
        #expect(Self.check(bytes, parts: 4, jobs: 2))
        // Each later part makes room for about its own statements.
        let source = Self.source(bytes)
        let cuts = PartParse.cuts(in: bytes, parts: 4)
        let bounds = [0] + cuts + [bytes.count]
        let rooms = PartParse.rooms(for: PartParse.estimatedStatements(in: bytes, around: cuts), bounds: bounds)
        #expect(rooms.count == 4)
        for index in 1..<bounds.count - 1 {
            let part = PartParse.parsePart(source, bounds[index]..<bounds[index + 1], maxDepth: BatonParser.defaultMaxDepth)
            let count = part?.statements.count ?? 0
            #expect(count > 0 && rooms[index] >= count && rooms[index] <= 2 * count, "part \(index): room for \(rooms[index]) of \(count)")
        }
    }

    /// The rooms: the whole estimate for the first part, a share by bytes for each other.
    @Test func roomsFollowThePartsBytes() {
        #expect(PartParse.rooms(for: 1_000, bounds: [0, 400, 1_000]) == [1_000, 600])
        #expect(PartParse.rooms(for: 90, bounds: [0, 10, 40, 100]) == [90, 27, 54])
        #expect(PartParse.rooms(for: 0, bounds: [0, 5, 10]) == [0, 0])
        #expect(PartParse.rooms(for: 10, bounds: [0]).isEmpty)
    }

    /// Texts with a cut's word at the start of a line inside what the statement before holds:
    /// the part before ends inside it, and the parts are refused.
    @Test(arguments: [
        "service A\ngroup G {\nservice B\n}\nservice C\n",
        "service A [timeout=1s,\nservice B]\nservice C\n",
        "service A [timeout=1s,\nflow=x]\nservice C\n",
        "service A\nflow \"F\" {\n  A -> A : x\nservice B\n}\n",
        "service A\nA -> A : open\nservice B\n",
        "service A\ngroup G\n{\nservice B\n}\n",
        "service A\nflow \"F\" {\n  alt {\n    A -> A\n  }\nelse {\n  A -> A\n}\n}\nservice B\n",
        "service A \"label\nservice B\"\nservice C\n",
        "service A # comment \\\nservice B\n",
    ])
    func cutsInsideAStatementAreRefused(text: String) {
        let bytes = Array(text.utf8)
        #expect(!PartParse.cuts(in: bytes, parts: 2).isEmpty || !PartParse.cuts(in: bytes, parts: 3).isEmpty)
        for parts in 2...4 {
            Self.check(bytes, parts: parts, jobs: 2)
        }
        let expected = BatonParser.sequential(Self.source(bytes), maxDepth: BatonParser.defaultMaxDepth)
        // Every cut that the one parse does not start a statement at is refused.
        for parts in 2...4 {
            let starts = Set(expected.syntax.statements.map(\.span.start))
            if !PartParse.cuts(in: bytes, parts: parts).allSatisfy(starts.contains) {
                #expect(PartParse.parse(Self.source(bytes), maxDepth: BatonParser.defaultMaxDepth, parts: parts, jobs: 2) == nil)
            }
        }
    }

    /// A syntax error in any one part: the parts are refused, and the file is parsed (and its
    /// error reported) from the start.
    @Test func anErrorInAnyPartFallsBack() {
        let bytes = Self.generated(seed: 4, participants: 20, interactions: 400, perFlow: 20)
        let cuts = PartParse.cuts(in: bytes, parts: 4)
        #expect(cuts.count == 3)
        let bounds = [0] + cuts + [bytes.count]
        for part in 0..<(bounds.count - 1) {
            // A stray `->` at the start of the part's second line.
            guard let lineBreak = bytes[bounds[part]..<bounds[part + 1]].firstIndex(of: 0x0A) else { continue }
            var broken = bytes
            broken.insert(contentsOf: Array("-> ".utf8), at: lineBreak + 1)
            let source = Self.source(broken)
            #expect(PartParse.parse(source, maxDepth: BatonParser.defaultMaxDepth, parts: 4, jobs: 2) == nil)
            let parsed = BatonParser.parse(source, jobs: 2)
            #expect(!parsed.diagnostics.isEmpty)
            #expect(Self.check(broken, parts: 4, jobs: 2) == false)
        }
    }

    /// A byte order mark, comments at the cuts, blank lines and carriage returns around them,
    /// invalid UTF-8 and NUL bytes (encoding errors, found over the whole file).
    @Test(arguments: [
        "\u{FEFF}service A\nservice B\nflow \"F\" {\n  A -> B\n}\nservice C\n",
        "# head\nservice A # a\n# own line\nservice B\n\n\n# before C\nservice C\n# last",
        "service A\r\nservice B\r\n\r\nflow \"F\" {\r\n  A -> B\r\n}\r\nservice C\r\n",
        "service A\nservice B;service C\nflow \"F\" { A -> B } ; service D\nservice E\n",
        "title \"T\"\nimport \"x.baton\"\nservice A\nscenario \"S\" {\n  load 40/s\n}\nservice B\nflow \"F\" {\n  A -> B : x {\n    B -> A\n  }\n}\n",
        "service A\nflow \"F\" {\n  alt {\n    A -> A\n  }\n  else {\n    A -> A\n  }\n}\nservice B\nflow \"G\" {\n  par {\n    A -> A\n  }\n}\nexternal E\n",
        "service A\nA -> A : GET /x/\nservice B\nnote over A : text\nqueue Q\n",
    ])
    func edgesOfParts(text: String) {
        for parts in 2...6 {
            Self.check(Array(text.utf8), parts: parts, jobs: 3)
        }
        var bytes = Array("service A\nservice B\n".utf8) + [0xFF, 0x00] + Array("\nservice C\nservice D\n".utf8)
        #expect(Self.check(bytes, parts: 3, jobs: 2))
        bytes = Array("service A\n".utf8) + [0xC3] + Array("\nservice B\n".utf8)
        #expect(Self.check(bytes, parts: 2, jobs: 2))
    }

    /// Seeded random mutations of the samples and of generated designs: cut short, with
    /// brackets, braces, quotes, comment signs and line breaks inserted, lines duplicated,
    /// indented and unindented.
    @Test(arguments: [UInt64(1), 2, 3])
    func mutations(seed: UInt64) {
        var random = SplitMix64(seed: 0x9A27 &+ seed)
        let bases = TestDesigns.samples.map(\.bytes) + [
            Self.generated(seed: seed), Self.generated(seed: seed &+ 10, participants: 30, interactions: 300, perFlow: 30),
        ]
        var accepted = 0
        var refused = 0
        for round in 0..<600 {
            var bytes = bases[round % bases.count]
            for _ in 0..<(1 + random.below(3)) { Self.mutate(&bytes, &random) }
            let parts = 2 + random.below(6)
            if Self.check(bytes, parts: parts, jobs: 2 + random.below(3)) { accepted += 1 } else { refused += 1 }
        }
        // Both ways are taken many times over: mutations that keep the text valid, and others.
        #expect(accepted >= 50)
        #expect(refused >= 50)
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let count = bytes.count
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let line = random.below(lines.count)
        switch random.below(7) {
        case 0 where count > 0:  // cut short
            bytes.removeSubrange(random.below(count)...)
            return
        case 1:  // a bracket, a brace, a quote, a comment sign or a line break
            let inserted: [String] = ["{", "[", "\"", "#", "}", "\n", "]", "\n\n"]
            bytes.insert(contentsOf: Array(random.pick(inserted).utf8), at: random.below(count + 1))
            return
        case 2:  // a line twice
            lines.insert(lines[line], at: line)
        case 3:  // indented
            lines[line] = Array("  ".utf8) + lines[line]
        case 4:  // unindented
            lines[line] = Array(lines[line].drop { $0 == 0x20 || $0 == 0x09 })
        case 5:  // a cut's word at the start of a line
            let words = ["service X", "flow \"M\" {", "group G {", "queue Q [", "}", "else {", "title \"t\""]
            lines.insert(Array(random.pick(words).utf8), at: line)
        default:  // a line moved
            let moved = lines.remove(at: line)
            lines.insert(moved, at: random.below(lines.count + 1))
        }
        bytes = Array(lines.joined(separator: [0x0A]))
    }
}
