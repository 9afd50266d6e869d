import BatonCheck
import BatonSyntax
import BatonTestSupport
import BatonWorkload
import Testing

/// Findings that name many participants list the first `Describe.listLimit` and count the
/// rest, so a report grows with the design and not with its square: an availability-budget
/// finding on each of 10,000 participants of a chain used to list all 10,000 factors (757 MB of
/// output). Each design is written with `↓` where the rule must report.
struct BoundedFindingTests {
    /// The findings of rule `id`, which must start exactly at the `↓` markers.
    func expectFindings(_ id: String, _ design: String, options: [String: Double] = [:],
                        sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let marked = MarkedText(design)
        let (compilation, found) = findings(of: id, in: marked.text, options: options)
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        #expect(found.map(\.span.start).sorted() == marked.offsets, "\(found.map(\.message))", sourceLocation: sourceLocation)
        return found
    }

    /// `prefix0\(separator)prefix1…` for `count` names.
    func names(_ prefix: String, _ count: Int, _ line: (String) -> String) -> String {
        (0..<count).map { line("\(prefix)\($0)") }.joined(separator: "\n")
    }

    // MARK: availability-budget

    /// Past ten factors the message lists the least available, lowest first (ties in
    /// declaration order), and the product of the others.
    @Test func availabilityListsTheLeastAvailableFactorsFirst() {
        let values = ["99.9", "99.8", "99.95", "99.7", "99.99", "99.6", "99.9", "99.5", "99.85", "99.4", "99.95", "99.3"]
        let declarations = values.enumerated().map { "service D\($0.offset + 1) [timeout=1s, availability=\($0.element)%]" }
        let calls = (0..<values.count).map { $0 == 0 ? "A -> D1 : call" : "D\($0) -> D\($0 + 1) : call" }
        let found = expectFindings("availability-budget", (["↓service A [timeout=1s, availability=99.99%, slo=99.9%]"] + declarations + calls)
            .joined(separator: "\n"))
        #expect(found.map(\.message) == [
            "composite availability of 'A' is 96.87% < slo 99.9% (D12 99.3% × D10 99.4% × D8 99.5% × D6 99.6% × D4 99.7% × "
                + "D2 99.8% × D9 99.85% × D1 99.9% × D7 99.9% × D3 99.95% × the other 3 at 99.93%)",
        ])
        #expect(found.first?.notes.map(\.message) == ["the least available dependency: 'D12' at 99.3%"])
    }

    /// Ten factors are listed as they always were: the participant's own, then its
    /// dependencies in declaration order.
    @Test func availabilityListsTenFactorsInDeclarationOrder() {
        let declarations = (1...9).map { "service D\($0) [timeout=1s, availability=99.\(10 - $0)%]" }
        let calls = (1...9).map { "A -> D\($0) : call" }
        let found = expectFindings("availability-budget", (["↓service A [timeout=1s, availability=99.99%, slo=99.9%]"] + declarations + calls)
            .joined(separator: "\n"))
        let factors = ["A 99.99%"] + (1...9).map { "D\($0) 99.\(10 - $0)%" }
        #expect(found.first?.message.hasSuffix("(" + factors.joined(separator: " × ") + ")") == true, "\(found.map(\.message))")
    }

    /// A finding at every participant of a long chain: each message stays the same size.
    @Test func availabilityFindingsOnALongChainStayShort() {
        let count = 300
        let design = names("S", count) { "↓service \($0) [timeout=1s, availability=99%, slo=99.9%]" } + "\n"
            + (1..<count).map { "S\($0 - 1) -> S\($0) : next" }.joined(separator: "\n")
        let found = expectFindings("availability-budget", design)
        #expect(found.count == count)
        let longest = found.map(\.message.utf8.count).max() ?? 0
        #expect(longest < 300, "\(found.first?.message ?? "")")
        #expect(found.first?.message.hasSuffix("× S9 99% × the other 290 at 5.42%)") == true, "\(found.first?.message ?? "")")
    }

    // MARK: sync-cycle

    /// A long cycle is shown by its first and last participants, with notes at the first ten
    /// of its other interactions.
    @Test func aLongCycleIsShortened() {
        let count = 30
        let calls = (0..<count).map { "\($0 == count - 1 ? "↓" : "")S\($0) -> S\(($0 + 1) % count) : next" }
        let found = expectFindings("sync-cycle", names("S", count) { "service \($0) [timeout=1s]" } + "\n" + calls.joined(separator: "\n"))
        #expect(found.map(\.message) == ["synchronous call cycle: S0 -> S1 -> S2 -> S3 -> S4 -> … 21 more -> S26 -> S27 -> S28 -> S29 -> S0"])
        #expect(found.first?.notes.map(\.message) == (0..<10).map { "S\($0) -> S\($0 + 1) : next" } + ["and 19 more interactions of the cycle"])
        #expect(found.first?.notes.last?.span == nil)
    }

    /// Ten participants (eleven names around the cycle) are shown whole.
    @Test func aCycleOfTenIsShownWhole() {
        let calls = (0..<10).map { "\($0 == 9 ? "↓" : "")S\($0) -> S\(($0 + 1) % 10) : next" }
        let found = expectFindings("sync-cycle", names("S", 10) { "service \($0) [timeout=1s]" } + "\n" + calls.joined(separator: "\n"))
        #expect(found.map(\.message) == ["synchronous call cycle: " + ((0..<10).map { "S\($0)" } + ["S0"]).joined(separator: " -> ")])
        #expect(found.first?.notes.count == 9)
    }

    // MARK: fan-out

    @Test func aWideFanOutListsTheFirstTenDependencies() {
        let found = expectFindings("fan-out", "↓service Gateway [timeout=1s]\n" + names("B", 14) { "service \($0) [timeout=1s]" } + "\n"
                                   + names("B", 14) { "Gateway -> \($0) : call" })
        #expect(found.map(\.message) == ["'Gateway' depends synchronously on 14 participants (max 5): B0, B1, B2, B3, B4, B5, B6, B7, B8, B9 and 4 more"])
        #expect(found.first?.notes.count == 11)
        #expect(found.first?.notes.last?.message == "and 4 more dependencies")
    }

    // MARK: shared-store

    @Test func aStoreSharedByManyOwnersListsTheFirstTen() {
        let found = expectFindings("shared-store", "↓store Db [timeout=1s]\n" + names("T", 12) { "service \($0) [owner=team-\($0)]" } + "\n"
                                   + names("T", 12) { "\($0) -> Db : write" })
        let listed = (0..<10).map { "'T\($0)' (team-T\($0))" }.joined(separator: ", ")
        #expect(found.map(\.message) == ["store 'Db' is shared by 12 owners: \(listed) and 2 more"])
        #expect(found.first?.notes.count == 11)
        #expect(found.first?.notes.last?.message == "and 2 more owners")
    }

    // MARK: ordering-assumption and missing-dead-letter

    /// Every ordered consumer of a busy queue competes with all the others: each finding names
    /// the first ten.
    @Test func manyCompetingConsumersAreCounted() {
        let found = expectFindings("ordering-assumption", "queue Jobs [order=fifo, overflow=reject, delivery=at-most-once]\n"
                                   + names("W", 13) { "service \($0)" } + "\n" + names("W", 13) { "↓\($0) <- Jobs : job [ordered, timeout=1s]" })
        #expect(found.count == 13)
        let consumers = (0..<10).map { "'W\($0)'" }.joined(separator: ", ")
        #expect(found.first?.message == "'W0' relies on receiving 'job' in order, but 13 consumers compete for its messages (\(consumers) and 3 more)")
        #expect(found.first?.notes.map(\.message) == ["'Jobs' is declared here"] + (1...10).map { "a competing consumer: W\($0) <- Jobs : job" }
            + ["and 2 more competing consumers"])
        #expect(found.last?.notes.dropFirst().first?.message == "a competing consumer: W0 <- Jobs : job")
    }

    @Test func aQueueWithManyConsumersNamesTheFirstTen() {
        let found = expectFindings("missing-dead-letter", "↓queue Jobs [overflow=reject]\n" + names("W", 12) { "service \($0) [idempotent]" } + "\n"
                                   + names("W", 12) { "\($0) <- Jobs : job [timeout=1s]" })
        let consumers = (0..<10).map { "'W\($0)'" }.joined(separator: ", ")
        #expect(found.map(\.message) == ["queue 'Jobs' delivers at least once to \(consumers) and 2 more but has no dead-letter queue: a message that always fails is redelivered forever"])
    }

    // MARK: retry-amplification and sync-chain-depth

    /// 15 nested calls that each try twice: the path, the factors and the notes are shortened.
    @Test func aDeepRetryPathIsShortened() {
        let depth = 15
        var design = names("A", depth + 1) { "service \($0) [timeout=1s, idempotent]" } + "\n"
        for level in 0..<depth {
            design += String(repeating: "  ", count: level) + (level == depth - 1 ? "↓" : "")
                + "A\(level) -> A\(level + 1) : call [retries=1, backoff=exponential, jitter]" + (level == depth - 1 ? "\n" : " {\n")
        }
        for level in (0..<depth - 1).reversed() { design += String(repeating: "  ", count: level) + "}\n" }
        let found = expectFindings("retry-amplification", design, options: ["max": 20_000])
        #expect(found.map(\.message) == [
            "attempts multiply to 32768 along A0 -> A1 -> A2 -> A3 -> A4 -> … 6 more -> A11 -> A12 -> A13 -> A14 -> A15 "
                + "(2 × 2 × 2 × 2 × 2 × 2 × 2 × 2 × 2 × 2 × 5 more; max 20000)",
        ])
        #expect(found.first?.notes.count == 11)
        #expect(found.first?.notes.last?.message == "and 4 more retrying interactions above")

        let chain = expectFindings("sync-chain-depth", design.replacingOccurrences(of: "↓", with: "")
            .replacingOccurrences(of: "A13 -> A14", with: "↓A13 -> A14"), options: ["max": 13])
        #expect(chain.map(\.message) == ["synchronous call chain is 14 interactions deep (max 13): A0 -> A1 -> A2 -> A3 -> A4 -> … 5 more -> A10 -> A11 -> A12 -> A13 -> A14"])
    }

    /// The notes of the least items, found without sorting them all, are those of the whole
    /// list sorted: any length around the limit, duplicates, any order (seeded).
    @Test func notesOfTheLeastAreThoseOfTheSortedList() {
        var random = SplitMix64(seed: 17)
        for length in Array(0...25) + [200] {
            for _ in 0..<20 {
                let items = (0..<length).map { _ in Int(random.next() % 40) }
                let note = { (item: Int) in Diagnostic.Note("item \(item)") }
                let rest = { (count: Int) in "and \(count) more" }
                #expect(Describe.notes(ofSorted: items, rest: rest, note) == Describe.notes(items.sorted(), rest: rest, note))
            }
        }
    }
}
