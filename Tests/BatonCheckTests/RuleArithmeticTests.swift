@testable import BatonCheck
import BatonModel
import BatonSyntax
import Testing

/// Edge cases of the rules' arithmetic and matching, beyond the descriptor examples.
struct RuleArithmeticTests {
    func messages(_ id: String, _ source: String, options: [String: Double] = [:]) -> [String] {
        let (compilation, found) = findings(of: id, in: source, options: options)
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        return found.map(\.message)
    }

    // MARK: retry-amplification

    @Test func amplificationShowsTheProductAndItsFactors() {
        let found = messages("retry-amplification", """
            client  App
            service A [timeout=9s, idempotent]
            service B [timeout=1s, idempotent]
            service C [timeout=1s, idempotent]
            App -> A : a [retries=3] {
              A -> B : b [retries=1] {
                B -> C : c [retries=3]
              }
            }
            """)
        #expect(found == ["attempts multiply to 32 along App -> A -> B -> C (4 × 2 × 4; max 10)"])
    }

    @Test func amplificationIsReportedOnceWhereTheProductFirstExceeds() {
        let found = messages("retry-amplification", """
            client  App
            service A [timeout=9s, idempotent]
            service B [timeout=1s, idempotent]
            service C [timeout=1s, idempotent]
            App -> A : a [retries=10] {
              A -> B : b [retries=1] {
                B -> C : c [retries=1]
              }
            }
            """)
        #expect(found == ["attempts multiply to 11 along App -> A (11; max 10)"])
    }

    @Test func asyncBoundaryStartsANewProduct() {
        let found = messages("retry-amplification", """
            client  App
            service A [timeout=9s, idempotent]
            service B [timeout=1s, idempotent]
            App -> A : a [retries=3] {
              A ->> B : b [retries=3] {
                B -> A : c [retries=3]
              }
            }
            """)
        #expect(found.isEmpty)
    }

    @Test func unboundedUnderRetriesIsUnbounded() {
        let found = messages("retry-amplification", """
            client  App
            service A [timeout=9s, idempotent]
            service B [timeout=1s, idempotent]
            App -> A : a [retries=1] {
              A -> B : b [retries=unbounded]
            }
            """)
        #expect(found == ["attempts multiply to unbounded along App -> A -> B (2 × unbounded; max 10)"])
    }

    // MARK: worst-case wait

    @Test func loopsMultiplyAndParTakesTheSlowestBranch() {
        let found = messages("latency-budget", """
            client  App
            service A [latency=100ms]
            store   S [timeout=50ms]
            service P [timeout=400ms]
            service Q [timeout=200ms]
            App -> A : a [budget=1s] {
              loop [times=10] {
                A <- S : read
              }
              par {
                A -> P : p
              } and {
                A -> Q : q
              }
              opt {
                A -> Q : maybe
              }
            }
            """)
        // 100ms + 10 × 50ms + max(400ms, 200ms) + 200ms = 1.2s
        #expect(found == ["worst-case wait 1.2s of 'App -> A : a' exceeds its budget 1s: 100ms latency + 1.1s for the calls in its block = 1.2s"])
    }

    @Test func attemptsMultiplyAKnownTimeout() {
        let found = messages("latency-budget", """
            client  App
            service A [timeout=2s, idempotent]
            App -> A : a [retries=2, budget=5s]
            """)
        #expect(found == ["worst-case wait 6s of 'App -> A : a' exceeds its budget 5s: 3 attempts × 2s timeout of 'A' = 6s"])
    }

    @Test func unboundedRetriesMakeTheWaitUnbounded() {
        let found = messages("latency-budget", """
            client  App
            service A [timeout=2s, idempotent]
            App -> A : a [retries=unbounded, budget=1h]
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("worst-case wait unbounded") == true)
    }

    @Test func nothingKnownToTakeTimeIsNotOverBudget() {
        let found = messages("latency-budget", """
            client  App
            service A [idempotent]
            App -> A : a [retries=unbounded, budget=1s]
            """)
        #expect(found.isEmpty)
    }

    // MARK: timeout-inversion

    @Test func theEnclosingTimeoutMayComeFromItsPassiveEnd() {
        let found = messages("timeout-inversion", """
            client  App
            service A [timeout=1s]
            service B [latency=1500ms]
            App -> A : a {
              A -> B : b
            }
            """)
        #expect(found == ["worst-case wait 1.5s of the block of 'App -> A : a' exceeds its timeout 1s (the timeout of 'A'): 'A -> B : b' waits 1.5s"])
    }

    @Test func onlyTheDirectlyEnclosingCallCounts() {
        let found = messages("timeout-inversion", """
            client  App
            service A
            service B
            service C [timeout=8s]
            App -> A : a [timeout=10s] {
              A -> B : b [timeout=5s] {
                B -> C : c
              }
            }
            """)
        #expect(found == ["worst-case wait 8s of the block of 'A -> B : b' exceeds its timeout 5s: 'B -> C : c' waits 8s (the timeout of 'C')"])
    }

    // MARK: availability-budget

    @Test func availabilityCountsEachDependencyOnceThroughCycles() {
        let found = messages("availability-budget", """
            service A [timeout=1s, availability=99.9%, slo=99.8%]
            service B [timeout=1s, availability=99.95%]
            service C [timeout=1s]
            A -> B : one
            B -> A : back
            B -> C : two
            A -> C : three
            """)
        // 99.9% × 99.95% (C undeclared: 100%) = 99.85% ≥ 99.8%
        #expect(found.isEmpty)
    }

    @Test func availabilityShowsEnoughDigitsToDiffer() {
        let found = messages("availability-budget", """
            service A [timeout=1s, slo=99.9%]
            service B [timeout=1s, availability=99.8999%]
            A -> B : one
            """)
        #expect(found == ["composite availability of 'A' is 99.8999% < slo 99.9% (B 99.8999%)"])
    }

    // MARK: sync-cycle

    @Test func everyElementaryCycleOfATangleIsReportedAtItsClosingEdge() throws {
        let (compilation, found) = findings(of: "sync-cycle", in: """
            service A [timeout=1s]
            service B [timeout=1s]
            service C [timeout=1s]
            A -> B : ab
            B -> C : bc
            C -> B : cb
            B -> A : ba
            """)
        #expect(found.count == 2)
        #expect(found.map { line(of: $0.span.start, in: compilation) } == [6, 7])
        #expect(found.map(\.message) == ["synchronous call cycle: B -> C -> B", "synchronous call cycle: A -> B -> A"])
        #expect(found.map { $0.notes.map(\.message) } == [["B -> C : bc"], ["A -> B : ab"]])
    }

    @Test func aTangleWithVeryManyCyclesIsCutShort() {
        // Every service calls every other: 2^n-ish elementary cycles.
        let names = (0..<9).map { "S\($0)" }
        var source = names.map { "service \($0) [timeout=1s]" }.joined(separator: "\n") + "\n"
        for a in names { for b in names where a != b { source += "\(a) -> \(b) : x\n" } }
        let found = messages("sync-cycle", source)
        #expect(found.count == SyncCycle.maxCyclesPerComponent)
    }

    /// The search of a component cut short leaves nothing marked for the next one. The pair
    /// calls into the tangle: were the tangle's participants still marked as members, the pair's
    /// search would wander through the tangle, run out of steps and say there are more cycles.
    @Test func aCycleBesideATangleCutShortIsFoundAlone() throws {
        let names = (0..<9).map { "S\($0)" }
        var tangle = names.map { "service \($0) [timeout=1s]" }.joined(separator: "\n") + "\n"
        for a in names { for b in names where a != b { tangle += "\(a) -> \(b) : x\n" } }
        let pair = "service P [timeout=1s]\nservice Q [timeout=1s]\nP -> Q : pq\nQ -> P : qp\nP -> S0 : into\n"
        for source in [tangle + pair, pair + tangle] {
            let (_, found) = findings(of: "sync-cycle", in: source)
            #expect(found.count == SyncCycle.maxCyclesPerComponent + 1)
            let cycle = try #require(found.first { $0.message == "synchronous call cycle: P -> Q -> P" })
            #expect(cycle.notes.map(\.message) == ["P -> Q : pq"])
        }
    }

    /// After a search, finished or cut short, no participant is marked.
    @Test func theCycleSearchLeavesNoMarks() throws {
        let names = (0..<9).map { "S\($0)" }
        var source = names.map { "service \($0) [timeout=1s]" }.joined(separator: "\n") + "\nservice P [timeout=1s]\nS0 -> P : p\nP -> S0 : q\n"
        for a in names { for b in names where a != b { source += "\(a) -> \(b) : x\n" } }
        let compilation = check(source, configuration: .defaults).0
        let context = CheckContext(compilation)
        let component = try #require(context.syncGraph.stronglyConnectedComponents().first { $0.count > 1 })
        var marks = SyncCycle.CycleMarks(participants: compilation.model.participants.count)
        let cut = SyncCycle.elementaryCycles(in: component.sorted(), successors: FlatSuccessors(context.syncGraph), marks: &marks)
        #expect(!cut.complete)
        #expect(!marks.isMember.contains(true) && !marks.isOnPath.contains(true))
        let small = [ParticipantID(9), ParticipantID(0)].sorted()
        let whole = SyncCycle.elementaryCycles(in: small, successors: FlatSuccessors(context.syncGraph), marks: &marks)
        #expect(whole.complete && whole.cycles.count == 1)
        #expect(!marks.isMember.contains(true) && !marks.isOnPath.contains(true))
    }

    @Test func fetchesAreSynchronousDependenciesToo() {
        let found = messages("sync-cycle", """
            service A [timeout=1s]
            service B [timeout=1s]
            A <- B : pull
            B -> A : push
            """)
        #expect(found == ["synchronous call cycle: A -> B -> A"])
    }

    @Test func reentrancyIsNamedAsSuch() {
        let found = messages("sync-cycle", """
            service A [timeout=1s]
            service B [timeout=1s]
            A -> B : one {
              B -> A : back
            }
            """)
        #expect(found == ["re-entrant synchronous call: 'B' calls back 'A', which is already waiting on this call path (A -> B -> A)"])
    }

    // MARK: sync-chain-depth

    @Test func onlyTheInteractionThatCrossesTheLimitIsReported() {
        let found = messages("sync-chain-depth", """
            service A [timeout=1s]
            service B [timeout=1s]
            service C [timeout=1s]
            service D [timeout=1s]
            A -> B : 1 {
              B -> C : 2 {
                C -> D : 3 {
                  D -> A : 4 {
                    A -> C : 5
                  }
                }
              }
            }
            """, options: ["max": 2])
        #expect(found == ["synchronous call chain is 3 interactions deep (max 2): A -> B -> C -> D"])
    }

    // MARK: channels

    /// Each subscriber of a topic gets its own copy; a queue's consumers share its messages.
    @Test func severalSubscribersOfATopicDoNotCompete() {
        let source = """
            KIND    Events [order=fifo, ttl=1h, delivery=at-most-once]
            service A
            service B
            A <- Events : e [ordered, timeout=1s]
            B <- Events : e [ordered, timeout=1s]
            """
        #expect(messages("ordering-assumption", source.replacingOccurrences(of: "KIND   ", with: "topic  ")).isEmpty)
        let queue = messages("ordering-assumption", source.replacingOccurrences(of: "KIND   ", with: "queue  "))
        #expect(queue.count == 2)
        #expect(queue.allSatisfy { $0.contains("2 consumers compete") })
    }

    /// An unbounded retry makes the product of attempts unbounded.
    @Test func aLoneUnboundedSyncRetryAmplifies() {
        let found = messages("retry-amplification", """
            service A [timeout=1s]
            service B [timeout=1s, idempotent]
            A -> B : x [retries=unbounded, backoff=exponential, jitter]
            """)
        #expect(found.count == 1)
        #expect(found.first?.contains("∞") == true || found.first?.contains("unbounded") == true)
    }

    @Test func everyReasonIsGiven() {
        let found = messages("ordering-assumption", """
            queue   Jobs [push, ttl=1h, delivery=at-most-once]
            service A [concurrency=1]
            service B
            Jobs ->> A : job [ordered]
            B <- Jobs : job [timeout=1s]
            """)
        #expect(found == ["'A' relies on receiving 'job' in order, but 'Jobs' is unordered (the default), 'Jobs' pushes through parallel deliveries and 2 consumers compete for its messages ('A' and 'B')"])
    }

    @Test func callbacksFromAPushChannelAreDeliveries() {
        let found = messages("duplicate-delivery", """
            queue   Hooks [push, ttl=1h, dlq=HooksDLQ]
            queue   HooksDLQ [ttl=1h, delivery=at-most-once]
            service Receiver [concurrency=2]
            service Ops
            Hooks ~> Receiver : event
            Ops <- HooksDLQ : failed [timeout=1s]
            """)
        #expect(found.count == 1)
    }

    @Test func aChannelThatIsNeitherWrittenNorReadIsLeftToUnusedParticipant() {
        let source = """
            queue Lonely [ttl=1h]
            """
        #expect(messages("orphan-channel", source).isEmpty)
        #expect(messages("unused-participant", source) == ["queue 'Lonely' takes part in no interaction"])
    }

    @Test func passiveInitiatorCountsAsAReadOfTheChannel() {
        let source = """
            queue   Jobs [ttl=1h, delivery=at-most-once]
            service Producer
            service Worker
            Producer ->> Jobs : job
            Jobs ->> Worker : job
            """
        #expect(messages("orphan-channel", source).isEmpty)
        #expect(messages("passive-initiator", source).count == 1)
    }

    @Test func pushMeetsPullIgnoresChannels() {
        let found = messages("push-meets-pull", """
            service A
            queue   Q [ttl=1h]
            A ->> Q : m
            Q <- A : m
            """)
        #expect(found.isEmpty)
    }

    @Test func sharedStoreIgnoresParticipantsWithoutOwner() {
        let found = messages("shared-store", """
            service A [owner=alpha]
            service B
            service C [owner=alpha]
            store   S [timeout=1s]
            A -> S : a
            B -> S : b
            C <- S : c
            """)
        #expect(found.isEmpty)
    }
}
