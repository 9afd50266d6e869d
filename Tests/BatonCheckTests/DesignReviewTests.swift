import BatonCheck
import BatonModel
import BatonSyntax
import BatonTestSupport
import Testing

/// Designs that showed rules misreading them, written as a user would: every file of the design
/// with `↓` where `baton check` must report, and nowhere else.
struct DesignReviewTests {
    /// Checks the first file (the others are files it may import, in the same directory) and
    /// expects the diagnostics whose code is in `codes` (all of them when nil) to start exactly
    /// at the `↓` markers of every file. Returns those diagnostics.
    @discardableResult
    func expectFindings(_ files: [(path: String, text: String)], codes: Set<String>? = nil,
                        configuration: Configuration = .defaults,
                        sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let marked = files.map { (path: $0.path, design: MarkedText($0.text)) }
        let tree = Dictionary(uniqueKeysWithValues: marked.map { ("/designs/" + $0.path, $0.design.text) })
        let input = SourceInput(displayPath: marked[0].path, resolvedPath: "/designs/" + marked[0].path,
                                bytes: Array(marked[0].design.text.utf8))
        let compilation = Compiler.compile(input, read: Compiler.reader(tree))
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        let diagnostics = Checker.check(compilation, configuration: configuration).filter { codes?.contains($0.code) ?? true }
        func place(_ path: String, _ offset: Int) -> String {
            let line = compilation.sources.files.first { $0.path == path }?.location(of: offset).line ?? 0
            return "\(path):\(line) (offset \(offset))"
        }
        let expected = marked.flatMap { entry in entry.design.offsets.map { place(entry.path, $0) } }
        let actual = diagnostics.map { place(compilation.sources[$0.span.file].path, $0.span.start) }
        #expect(actual.sorted() == expected.sorted(),
                "\(zip(actual, diagnostics).map { "\($0) \($1.code): \($1.message)" })",
                sourceLocation: sourceLocation)
        return diagnostics
    }

    @discardableResult
    func expectFindings(_ design: String, codes: Set<String>? = nil, configuration: Configuration = .defaults,
                        sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
        expectFindings([("design.baton", design)], codes: codes, configuration: configuration, sourceLocation: sourceLocation)
    }

    // MARK: - Suppressions across imports

    /// A catalogue other teams import too; it stays as it is.
    static let catalog = """
        # The platform team's catalogue.
        service Worker [idempotent, timeout=1s]
        queue   Jobs "jobs" [overflow=reject]
        queue   Audit [ttl=1h, delivery=at-most-once]
        """

    @Test func aFileSuppressionCoversFindingsLocatedInAnImportedFile() {
        let design = """
            import "catalog.baton"
            # baton:ignore-file missing-dead-letter -- the producer replays failed jobs itself
            service Api
            Api ->> Jobs : job
            Worker <- Jobs : job [timeout=5s]
            Api ->> Audit : record  # baton:ignore orphan-channel -- read by the data team's export
            """
        expectFindings([("checkout.baton", design), ("catalog.baton", Self.catalog)])
        // Another design importing the same catalogue still sees the finding there.
        let other = """
            import "catalog.baton"
            service Api
            Api ->> Jobs : job
            Worker <- Jobs : job [timeout=5s]
            Api ->> Audit : record  # baton:ignore orphan-channel -- read by the data team's export
            """
        let catalog = Self.catalog.replacingOccurrences(of: "queue   Jobs", with: "↓queue   Jobs")
        expectFindings([("orders.baton", other), ("catalog.baton", catalog)])
    }

    /// The orphan-channel finding is located at the catalogue's declaration; its note is the
    /// checked file's write, where the comment is.
    @Test func aLineSuppressionCoversFindingsWhoseNotePointsAtItsStatement() {
        let design = """
            import "catalog.baton"
            service Api
            Api ->> Audit : record  # baton:ignore orphan-channel -- read by the data team's export
            """
        expectFindings([("audit.baton", design), ("catalog.baton", Self.catalog)])
        let unsuppressed = """
            import "catalog.baton"
            service Api
            Api ->> Audit : record
            """
        let catalog = Self.catalog.replacingOccurrences(of: "queue   Audit", with: "↓queue   Audit")
        expectFindings([("audit.baton", unsuppressed), ("catalog.baton", catalog)])
    }

    /// In one file, a comment on the consumer's declaration covers every delivery into it:
    /// each finding has a note there.
    @Test func aSuppressionOnADeclarationCoversFindingsThatNoteIt() {
        expectFindings("""
            topic   Events [push, ttl=1h, delivery=at-most-once]
            service Shop
            service Mailer [idempotent]  # baton:ignore push-without-flow-control -- the SDK throttles
            Shop ->> Events : order placed
            Events ->> Mailer : order placed
            Events ->> Mailer : order shipped
            """)
    }

    /// An imported file's comments speak for the findings located in that file only: a
    /// catalogue cannot silence a finding in the design that imports it.
    @Test func anImportedFilesSuppressionDoesNotReachTheImportingDesign() {
        let catalog = """
            service Mailer [idempotent]  # baton:ignore push-without-flow-control -- the SDK throttles
            """
        let design = """
            import "mailer.baton"
            topic   Events [push, ttl=1h, delivery=at-most-once]
            service Shop
            Shop ->> Events : order placed
            ↓Events ->> Mailer : order placed
            """
        expectFindings([("design.baton", design), ("mailer.baton", catalog)])
    }

    @Test func aTrailingSuppressionCoversEveryStatementOfItsLine() {
        expectFindings("""
            service A
            service B
            A -> B : read; A -> B : write  # baton:ignore missing-timeout -- B answers from memory
            """)
        // Still reported when it suppresses nothing at all.
        let found = expectFindings("""
            service A
            service B [timeout=1s]
            A -> B : read; A -> B : write  # baton:ignore ↓missing-timeout -- stale
            """)
        #expect(found.first?.message.contains("on the statements of this line") == true)
    }

    // MARK: - Topics have subscribers, queues have competing consumers

    @Test func differentSubscribersOfATopicDoNotCompete() {
        expectFindings("""
            topic   Prices [order=per-key, ttl=1h, delivery=at-most-once]
            service Catalog
            service Pricing
            service Reports
            Catalog ->> Prices : price changed
            Pricing <- Prices : price changed [ordered, timeout=5s]
            Reports <- Prices : price changed [ordered, timeout=5s]
            """)
    }

    @Test func oneSubscriberFetchingATopicInTwoPlacesCompetesWithItself() {
        let found = expectFindings("""
            topic   Prices [order=per-key, ttl=1h, delivery=at-most-once]
            service Catalog
            service Pricing
            Catalog ->> Prices : price changed
            ↓Pricing <- Prices : price changed [ordered, timeout=5s]
            flow "Backfill" {
              Pricing <- Prices : price changed [timeout=5s]
            }
            """)
        #expect(found.map(\.message) == ["'Pricing' relies on receiving 'price changed' in order, but 'Pricing' consumes it in 2 places, which share one subscription and compete for its messages"])
    }

    @Test func consumersOfAQueueCompete() {
        let found = expectFindings("""
            queue   Audit [order=fifo, ttl=1h, delivery=at-most-once]
            service WriterA
            service WriterB
            service Producer
            Producer ->> Audit : record
            ↓WriterA <- Audit : record [ordered, timeout=5s]
            ↓WriterB <- Audit : record [ordered, timeout=5s]
            """)
        #expect(found.allSatisfy { $0.message.hasSuffix("2 consumers compete for its messages ('WriterA' and 'WriterB')") })
    }

    // MARK: - Timeouts against the whole block

    /// The rule's own example: three 600ms calls in a 1s call, reported once, where the
    /// running wait passes the timeout.
    @Test func sequentialCallsAddUpAgainstTheEnclosingTimeout() {
        let found = expectFindings(TimeoutInversion.descriptor.triggering[1].source)
        #expect(found.map(\.message) == ["worst-case wait 1.8s of the block of 'Web -> Orders : place order' exceeds its timeout 1s: 'Orders -> Payments : charge' waits 600ms (the timeout of 'Payments') after 600ms of earlier steps"])
    }

    /// `par` is the rule's own non-triggering example; `alt` counts its slowest branch too.
    @Test func anAlternativeCountsItsSlowestBranch() {
        let found = expectFindings("""
            client  App
            service Search
            service Index  [timeout=400ms]
            service Ranker [timeout=500ms]
            App -> Search : query [timeout=1s] {
              Search -> Index : lookup
              alt "signed in" {
                ↓Search -> Ranker : personalised ranking [timeout=700ms]
              } else "anonymous" {
                Search -> Ranker : rank by popularity [timeout=100ms]
              } else "no hits" {
                note over Search : nothing to rank
              }
            }
            """)
        #expect(found.first?.message.hasPrefix("worst-case wait 1.1s of the block") == true)
    }

    @Test func aLoopIsEnteredAtTheIterationThatDoesNotFit() {
        let found = expectFindings("""
            client  Web
            service Cart
            store   Prices [timeout=100ms]
            Web -> Cart : view cart [timeout=1s, retries=2, backoff=exponential, jitter, idempotent] {
              loop "each line" [times=20] {
                ↓Cart <- Prices : price
              }
            }
            """)
        // The timeout bounds one attempt: the call's own retries do not count.
        #expect(found.map(\.message) == ["worst-case wait 2s of the block of 'Web -> Cart : view cart' exceeds its timeout 1s: 'Cart <- Prices : price' waits 100ms (the timeout of 'Prices') after 1s of earlier steps"])
    }

    // MARK: - Attributes that have no effect

    @Test func asyncTimeoutsAndSendOrderingAreReported() {
        let found = expectFindings("""
            service Orders
            queue   Billing [order=fifo, ttl=1h, delivery=at-most-once]
            service Invoicer
            Orders ->> Billing : OrderPlaced [↓timeout=2s,
                                              ↓ordered]
            Invoicer <- Billing : OrderPlaced [timeout=5s, ordered]
            """, codes: ["ignored-attribute"])
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.first?.message == "'timeout' has no effect on 'Orders ->> Billing : OrderPlaced': 'Orders' sends to 'Billing' without waiting, so there is nothing to time out")
    }

    @Test func ignoredAttributesAreSuppressedAndConfiguredLikeAnyRule() {
        let design = """
            service Orders
            queue   Billing [ttl=1h, delivery=at-most-once]
            Orders ->> Billing : OrderPlaced [timeout=2s,
                                              budget=3s]  # baton:ignore ignored-attribute -- the SDK call has a deadline
            """
        expectFindings(design, codes: ["ignored-attribute", "unused-suppression"])
        let off = Configuration(rules: ["ignored-attribute": .init(severity: .off)])
        expectFindings(design.replacingOccurrences(of: "  # baton:ignore ignored-attribute -- the SDK call has a deadline", with: ""),
                       codes: ["ignored-attribute"], configuration: off)
    }

    // MARK: - External fetches and fan-out

    @Test func pollingAnExternalNeedsABreakerToo() {
        let found = expectFindings("""
            service  Rates [timeout=2s]
            external Ecb [timeout=1s]
            ↓Rates <- Ecb : daily reference rates
            Rates <- Ecb : history [circuit-breaker]
            """, codes: ["external-without-breaker"])
        #expect(found.first?.message.hasPrefix("'Rates' fetches from the external 'Ecb' synchronously") == true)
        #expect(found.first?.help?.hasPrefix("add circuit-breaker to the fetch") == true)
    }

    @Test func fanOutCountsCallsAndFetchesToDistinctParticipants() {
        let found = expectFindings("""
            ↓service Gateway [timeout=2s]
            service Orders [timeout=1s]
            store   Cache  [timeout=1s]
            queue   Audit  [ttl=1h, delivery=at-most-once]
            Gateway -> Orders : order
            Gateway <- Orders : order events
            Gateway <- Cache : session
            Gateway ->> Audit : page viewed
            """, codes: ["fan-out"], configuration: Configuration(rules: ["fan-out": .init(options: ["max": 1])]))
        #expect(found.map(\.message) == ["'Gateway' depends synchronously on 2 participants (max 1): Orders, Cache"])
    }

    // MARK: - Numbers that agree with the verdict

    @Test func durationsShowTheDigitsThatDecide() {
        let found = expectFindings("""
            client  App
            service Api [timeout=1.0004s]
            ↓App -> Api : search [budget=1s]
            """, codes: ["latency-budget"])
        #expect(found.map(\.message) == ["worst-case wait 1.0004s of 'App -> Api : search' exceeds its budget 1s: 1.0004s (the timeout of 'Api')"])
    }

    @Test func percentagesShowTheDeclaredValues() {
        let found = expectFindings("""
            ↓service A [timeout=1s, availability=99.99999%, slo=99.9%]
            service B [timeout=1s, availability=99.9%]
            A -> B : one
            """, codes: ["availability-budget"])
        #expect(found.map(\.message) == ["composite availability of 'A' is 99.89999% < slo 99.9% (A 99.99999% × B 99.9%)"])
    }

    @Test func configuredLimitsShowTheirDigits() {
        let found = expectFindings("""
            client  App
            service A [timeout=9s, idempotent]
            ↓App -> A : a [retries=10, backoff=exponential, jitter]
            """, codes: ["retry-amplification"],
            configuration: Configuration(rules: ["retry-amplification": .init(options: ["max": 10.9999999])]))
        #expect(found.map(\.message) == ["attempts multiply to 11 along App -> A (11; max 10.9999999)"])
    }
}
