import Baton
import BatonCheck
import BatonModel
import Testing

struct MetricsTests {
    static let source = """
        client  App
        service Gateway [timeout=2s, availability=99.9%]
        service A [timeout=1s, availability=99%]
        service B [timeout=1s]
        queue   Q [ttl=1h]
        App -> Gateway : page [retries=1] {
          Gateway -> A : a {
            A <- B : b
          }
          Gateway ->> Q : event
          Gateway -> B : b
        }
        B <- Q : event
        """

    @Test func countsPerParticipant() throws {
        let compilation = Baton.compile(source: Self.source, path: "m.baton")
        let metrics = DesignMetrics(compilation.model)
        let gateway = try #require(metrics.participants.first { $0.name == "Gateway" })
        #expect(gateway.syncIn == 1)
        #expect(gateway.syncOut == 2)
        #expect(gateway.asyncOut == 1)
        #expect(gateway.fanOut == 2)
        #expect(abs(gateway.compositeAvailability - 0.999 * 0.99) < 1e-12)
        let queue = try #require(metrics.participants.first { $0.name == "Q" })
        #expect(queue.asyncIn == 1)
        #expect(queue.syncIn == 1)
        #expect(metrics.callTrees.map(\.description) == ["App -> Gateway : page", "B <- Q : event"])
        #expect(metrics.callTrees.map(\.depth) == [3, 1])
        #expect(metrics.callTrees.first?.worstCaseWait == 4)
        // page retries once: every path below it is tried at most twice.
        #expect(metrics.callTrees.map(\.amplification) == [2, 1])
    }

    @Test func textTableIsAligned() {
        let compilation = Baton.compile(source: Self.source, path: "m.baton")
        let text = MetricsReport.text(DesignMetrics(compilation.model), sources: compilation.sources)
        #expect(text == """
            PARTICIPANT  KIND     SYNC IN  SYNC OUT  ASYNC IN  ASYNC OUT  FAN-OUT  AVAILABILITY  COMPOSITE
            App          client         0         1         0          0        1  -             98.901%
            Gateway      service        1         2         0          1        2  99.9%         98.901%
            A            service        1         1         0          0        1  99%           99%
            B            service        2         1         0          0        1  -             100%
            Q            queue          1         0         1          0        0  -             100%

            CALL TREE              LINE  DEPTH  WORST-CASE WAIT
            App -> Gateway : page     6      3  4s
            B <- Q : event           13      1  0s

            """)
    }
}

/// The attempts multiplied along call paths: one definition (`AttemptProducts`) for the
/// `retry-amplification` rule and the metrics.
struct AttemptProductTests {
    @Test func productsMultiplyDownSyncPathsAndStopAtAsync() throws {
        let compilation = Baton.compile(source: """
            service A
            service B [timeout=1s, idempotent]
            service C [timeout=1s, idempotent]
            service D
            A -> B : one [retries=2] {
              B -> C : two [retries=3]
              B ->> D : event [retries=9] {
                D -> C : three [retries=1]
              }
            }
            """, path: "p.baton")
        let products = AttemptProducts(compilation.model)
        #expect(Array(products.values) == [3, 12, nil, 2])
        let metrics = DesignMetrics(compilation.model)
        #expect(metrics.callTrees.map(\.amplification) == [12, 2])
    }
}
