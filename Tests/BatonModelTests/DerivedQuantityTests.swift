import BatonModel
import BatonSyntax
import Testing

/// The arithmetic of docs/language.md#13-derived-quantities, on small designs whose answers
/// can be worked out by hand.
@Suite struct DerivedQuantityTests {
    @Test func attemptsAreRetriesPlusOne() {
        let model = compileClean("""
            service A
            service B
            A -> B : none
            A -> B : two [retries=2]
            A -> B : forever [retries=unbounded]
            """)
        #expect(model.interaction("none").attributes.attempts == 1)
        #expect(model.interaction("two").attributes.attempts == 3)
        #expect(model.interaction("forever").attributes.attempts == .infinity)
    }

    @Test func waitIsAttemptsTimesTimeoutWhenATimeoutIsKnown() {
        let model = compileClean("""
            service A
            service B [timeout=2s]
            service C
            A -> B : inherited [retries=2]
            A -> C : own [timeout=500ms, retries=1] {
              C -> B : nested
            }
            """)
        let waits = WorstCaseWaits(model)
        #expect(waits[model.interaction("inherited").id] == 6)  // 3 attempts × 2s from B
        #expect(waits[model.interaction("own").id] == 1)  // 2 × 500ms; the block does not matter
        #expect(waits[model.interaction("nested").id] == 2)
    }

    @Test func withoutTimeoutTheBlockIsSummedWithParAndAltMaxAndLoopTimes() {
        let model = compileClean("""
            service A
            service B [latency=10ms]
            service C [timeout=100ms]
            service D [timeout=300ms]
            queue Q [overflow=reject]
            A -> B : root [retries=1] {
              B -> C : first
              loop [times=3] {
                B -> C : looped
              }
              par {
                B -> C : left
              } and {
                B -> D : right
              }
              alt "a" {
                B -> D : altA
              } else {
                B -> C : altB
              }
              opt {
                B -> C : optional
              }
              B ->> Q : async
            }
            """)
        // block = 100 + 3×100 + max(100, 300) + max(300, 100) + 100 + 0 = 1100ms; plus latency 10ms;
        // times 2 attempts.
        let wait = WorstCaseWaits(model)[model.interaction("root").id]
        #expect(wait.map { abs($0 - 2.22) < 1e-9 } == true, "\(String(describing: wait))")
        #expect(WorstCaseWaits(model)[model.interaction("async").id] == nil)
    }

    @Test func unboundedRetriesMakeKnownWaitsInfiniteButNotUnknownOnes() {
        let model = compileClean("""
            service A
            service B
            A -> B : timed [retries=unbounded, timeout=1s]
            A -> B : unknown [retries=unbounded]
            """)
        let waits = WorstCaseWaits(model)
        #expect(waits[model.interaction("timed").id] == .infinity)
        #expect(waits[model.interaction("unknown").id] == 0)
    }

    @Test func asyncBoundariesStartNewCallTrees() {
        let model = compileClean("""
            service A
            service B
            service C
            queue Q [overflow=reject]
            A -> B : root {
              B -> C : child
              B ->> Q : send {
                Q <- C : notReally
              }
            }
            C <- Q : fetch
            """)
        let trees = CallTrees(model)
        #expect(trees.children[model.interaction("root").id.rawValue] == [model.interaction("child").id])
        // The fetch inside the async block starts its own tree, like the top-level fetch.
        #expect(trees.roots == [model.interaction("root").id, model.interaction("notReally").id, model.interaction("fetch").id])
        #expect(!trees.roots.contains(model.interaction("child").id))
    }

    @Test func compositeAvailabilityCountsEachDependencyOnce() {
        // A → B → D and A → C → D: D counts once. B ↔ E is a cycle.
        let model = compileClean("""
            service A [availability=99%]
            service B [availability=99%]
            service C [availability=99%]
            service D [availability=90%]
            service E [availability=50%]
            A -> B : ab
            A -> C : ac
            B -> D : bd
            C -> D : cd
            B -> E : be
            E <- B : eb
            """)
        let availability = CompositeAvailability(model, graph: SyncGraph(model))
        let expectedA = 0.99 * 0.99 * 0.99 * 0.90 * 0.50
        #expect(abs(availability[model.id("A")] - expectedA) < 1e-12)
        // B reaches D and E, and E reaches B back: B counts itself once.
        #expect(abs(availability[model.id("B")] - 0.99 * 0.90 * 0.50) < 1e-12)
        #expect(abs(availability[model.id("E")] - 0.50 * 0.99 * 0.90) < 1e-12)
        #expect(availability[model.id("D")] == 0.90)
        #expect(availability.dependencies(of: model.id("A")).map { model[$0].name } == ["B", "C", "D", "E"])
    }

    @Test func undeclaredAvailabilityCountsAsFull() {
        let model = compileClean("""
            service A
            store S [availability=99.5%]
            A -> S : read
            """)
        #expect(CompositeAvailability(model, graph: SyncGraph(model))[model.id("A")] == 0.995)
    }

    @Test func fanOutCountsDistinctSyncTargets() {
        let model = compileClean("""
            service A
            service B
            service C
            queue Q [overflow=reject]
            A -> B : one
            A -> B : again
            A <- C : fetched
            A ->> Q : notCounted
            """)
        let graph = SyncGraph(model)
        #expect(graph.fanOut(model.id("A")) == 2)
        #expect(graph.fanOut(model.id("B")) == 0)
    }

    @Test func componentsComeSinksFirst() {
        let model = compileClean("""
            service A
            service B
            service C
            A -> B : ab
            B -> C : bc
            C -> B : cb
            """)
        let components = SyncGraph(model).stronglyConnectedComponents().map { $0.map { model[$0].name } }
        #expect(components == [["B", "C"], ["A"]])
    }
}
