// Queues and topics: capacity and overflow, time to live, redelivery and dead letters, standing
// consumers (pollers, drivers, push), and every message accounted for.

import BatonModel
import BatonSimulate
import Testing

@Suite struct ChannelTests {
    /// sent = delivered + dropped + expired + dead-lettered + left, for every channel.
    static func expectAccounted(_ result: SimulationResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for channel in result.channels {
            let settled = channel.delivered.value + channel.dropped.value + channel.expired.value
                + channel.deadLettered.value + channel.left.value
            #expect(channel.sent.value == settled, "\(channel.name): sent \(channel.sent) settled \(settled)",
                    sourceLocation: sourceLocation)
        }
    }

    static func pipeline(_ queueAttributes: String, consumer: String = "[concurrency=1, latency=200ms]") -> String {
        """
        client C
        service Api
        queue Q\(queueAttributes.isEmpty ? "" : " [\(queueAttributes)]")
        service W \(consumer)
        C -> Api : order {
          Api ->> Q : placed
        }
        W <- Q : placed
        """
    }

    @Test(arguments: ["drop-newest", "drop-oldest", "reject", "backpressure"])
    func overflowPolicies(_ overflow: String) throws {
        // 8 messages/s into a consumer that handles 5/s, through a queue of 10.
        let model = compileClean(Self.pipeline("capacity=10, overflow=\(overflow)"))
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 200, loads: [load(8)]))
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        let flow = try #require(result.flows.first)
        #expect(queue.maxDepth.value == 10)
        #expect(queue.delivered.value > 0.9 * 5 * 200)
        switch overflow {
        case "drop-newest", "drop-oldest":
            #expect(queue.dropped.value > 0.3 * 8 * 200)
            #expect(queue.rejected.value == 0)
            #expect(flow.failed.value == 0)
        case "reject":
            #expect(queue.dropped.value == 0)
            #expect(queue.rejected.value > 0.3 * 8 * 200)
            let send = try #require(result.interactions.first { $0.label == "placed" && $0.role == .send })
            #expect(flow.failed.value == send.rejections.value)
        default:
            // Senders wait for room: nothing is lost, runs slow down without bound.
            #expect(queue.dropped.value == 0 && queue.rejected.value == 0)
            #expect(flow.failed.value == 0)
            #expect((flow.responseTime.p50?.value ?? 0) > 10)
        }
    }

    @Test func messagesExpire() throws {
        let model = compileClean(Self.pipeline("ttl=2s"))
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 200, loads: [load(8)]))
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        // Whatever the consumer cannot take within 2 s expires: about 3 of every 8.
        #expect(within(queue.expired.value / queue.sent.value, 3.0 / 8.0, relative: 0.1), "\(queue.expired)")
        #expect(queue.maxDepth.value < 40)
    }

    @Test func failingMessagesAreRedeliveredThenDeadLettered() throws {
        let model = compileClean("""
            client C
            queue Q [dlq=DLQ, max-receives=3]
            queue DLQ
            service W [latency=10ms]
            C ->> Q : job
            W <- Q : job
            """)
        let scenario = makeScenario(duration: 100, loads: [load(5)], faults: [fault(model.id("W"), .errors(probability: 1), from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        let dlq = try #require(result.channel(model.id("DLQ")))
        #expect(queue.delivered.value == 0)
        #expect(queue.deadLettered.value > 0.9 * 500)
        #expect(dlq.sent.value == queue.deadLettered.value)
        #expect(dlq.left.value == dlq.sent.value)
        #expect(queue.redelivered.value >= 2 * queue.deadLettered.value)
        let consumer = try #require(result.interactions.first { $0.role == .consumer })
        #expect(within(consumer.amplification?.value, 3, relative: 0.02))
    }

    @Test func atMostOnceLosesWhatFails() throws {
        let model = compileClean("""
            client C
            queue Q [delivery=at-most-once]
            service W [latency=10ms]
            C ->> Q : job
            W <- Q : job
            """)
        let scenario = makeScenario(duration: 200, loads: [load(10)], faults: [fault(model.id("W"), .errors(probability: 0.3), from: 0, to: 200)])
        let result = try Simulator.run(model: model, scenario: scenario)
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        #expect(queue.redelivered.value == 0)
        #expect(within(queue.dropped.value / queue.sent.value, 0.3, relative: 0.1))
    }

    @Test func aTopicCopiesToEverySubscriber() throws {
        let model = compileClean("""
            client C
            topic Events
            service Billing [latency=5ms]
            service Shipping [latency=5ms]
            C ->> Events : placed
            Billing <- Events : placed
            Shipping <- Events : placed
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 100, warmup: 0, loads: [load(10)]))
        Self.expectAccounted(result)
        let topic = try #require(result.channel(model.id("Events")))
        #expect(topic.sent.value == 2 * topic.published.value)
        let consumers = result.interactions.filter { $0.role == .consumer }
        #expect(consumers.count == 2)
        for consumer in consumers {
            #expect(abs(consumer.firstAttempts.value - topic.published.value) <= 2)
        }
    }

    @Test func aDriverPollsInBatches() throws {
        let model = compileClean("""
            client C
            queue Q
            driver Pump [interval=1s, batch=10]
            service Writer [latency=20ms]
            C ->> Q : event
            Pump <- Q : event
            Pump -> Writer : write batch
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 300, warmup: 0, loads: [load(5)]))
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        let write = try #require(result.interactions.first { $0.label == "write batch" })
        // One write per batch: about one per second, each carrying the second's five messages.
        #expect(within(write.attempts.value, 300, relative: 0.05), "\(write.attempts)")
        #expect(queue.delivered.value > 0.97 * 5 * 300)
        #expect(queue.maxDepth.value >= 10)
        // The driver empties the queue every second, so messages wait about half a second.
        #expect((queue.meanDepth.value) < 5)
    }

    @Test func aPushChannelRespectsTheConsumersRateLimit() throws {
        let model = compileClean("""
            client C
            queue Q [push]
            service W [concurrency=4, rate-limit=5/s, latency=10ms]
            C ->> Q : job
            Q ->> W : job
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 100, warmup: 0, loads: [load(8)]))
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        let worker = try #require(result.participant(model.id("W")))
        #expect(worker.handled.value <= 5 * 100 + 6)
        #expect(worker.handled.value > 0.95 * 5 * 100)
        #expect(queue.left.value > 0.9 * 3 * 100)
    }

    @Test func aDownConsumerLetsItsQueueGrowThenDrains() throws {
        let model = compileClean(Self.pipeline("", consumer: "[concurrency=2, latency=50ms]"))
        let scenario = makeScenario(duration: 200, warmup: 10, loads: [load(10)], faults: [fault(model.id("W"), .down, from: 50, to: 80)])
        let result = try Simulator.run(model: model, scenario: scenario)
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        #expect(queue.maxDepth.value > 0.8 * 10 * 30)
        #expect(queue.left.value < 20)
        let perSecond = Int((1 / result.series.interval).rounded())
        let row = try #require(result.series.channels.first)
        #expect(row.maxDepth[79 * perSecond] > 250)
        #expect(row.maxDepth[150 * perSecond] < 20)
    }

    @Test func aDownChannelRefusesSends() throws {
        let model = compileClean(Self.pipeline(""))
        let scenario = makeScenario(duration: 100, warmup: 0, loads: [load(4)], faults: [fault(model.id("Q"), .down, from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let queue = try #require(result.channel(model.id("Q")))
        #expect(queue.sent.value == 0)
        #expect(queue.rejected.value > 300)
        #expect(try #require(result.flows.first).succeeded.value == 0)
    }

    @Test func completionWaitsForTheConsumer() throws {
        // The run responds when Api returns; it completes when W has handled its message.
        let model = compileClean(Self.pipeline("", consumer: "[latency=500ms]"))
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 500, loads: [load(4)]))
        let flow = try #require(result.flows.first)
        #expect((flow.responseTime.mean?.value ?? 1) < 0.001)
        #expect(within(flow.completionTime.mean?.value, 0.5, relative: 0.05), "\(String(describing: flow.completionTime.mean))")
    }

    @Test func theConsumersFollowingStepsHandleEachMessage() throws {
        let model = compileClean("""
            client C
            queue Q
            service W [latency=5ms]
            store Db [latency=5ms]
            C ->> Q : job
            W <- Q : job
            W -> Db : save
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 100, warmup: 0, loads: [load(10)]))
        let save = try #require(result.interactions.first { $0.label == "save" })
        let queue = try #require(result.channel(model.id("Q")))
        #expect(abs(save.attempts.value - queue.delivered.value) <= 1)
        // The fetch and the save are not steps of the run: the run is the send alone.
        #expect(try #require(result.flows.first).succeeded.value > 900)
    }

    @Test func callbacksAreRetriedWithoutTheSenderWaiting() throws {
        let model = compileClean("""
            external Carrier
            service Hooks [latency=5ms]
            Hooks -> Carrier : register
            Carrier ~> Hooks : status changed [retries=3]
            """)
        let scenario = makeScenario(duration: 100, loads: [load(10)], faults: [fault(model.id("Hooks"), .down, from: 0, to: 100)])
        let result = try Simulator.run(model: model, scenario: scenario)
        let callback = try #require(result.interactions.first { $0.label == "status changed" })
        #expect(callback.role == .delivery)
        #expect(callback.amplification?.value == 4)
        #expect(callback.rejections.value == callback.attempts.value)
        // Every run succeeds: nobody waits for the callback.
        #expect(try #require(result.flows.first).successRatio?.value == 1)
    }

    @Test func aFetchInsideABlockTakesOneMessage() throws {
        // Request-reply over queues: the reply comes back on a queue the caller fetches from.
        let model = compileClean("""
            client Seller
            service Quotes
            queue Requests [push]
            queue Replies
            service Pricing [concurrency=4, latency=100ms]
            Seller -> Quotes : quote {
              Quotes ->> Requests : price request
              Quotes <- Replies : price [timeout=5s]
            }
            Requests ->> Pricing : price request {
              Pricing ->> Replies : price
            }
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 200, loads: [load(5)]))
        Self.expectAccounted(result)
        let flow = try #require(result.flows.first)
        #expect((flow.successRatio?.value ?? 0) > 0.99)
        #expect(within(flow.responseTime.mean?.value, 0.1, relative: 0.15), "\(String(describing: flow.responseTime.mean))")
        let fetch = try #require(result.interactions.first { $0.role == .fetch })
        #expect(fetch.timeouts.value == 0)
    }

    @Test func aSyncPushThatTimesOutIsRedelivered() throws {
        // The consumer takes 1 s on average, the channel waits 500 ms: most deliveries time out
        // and are redelivered, while the consumer finishes the work anyway (wasted).
        let model = compileClean("""
            client C
            queue Q [push, max-receives=2, dlq=Dead]
            queue Dead
            service W [concurrency=50, latency=1s]
            C ->> Q : job
            Q -> W : job [timeout=500ms]
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 200, loads: [load(5)]))
        Self.expectAccounted(result)
        let queue = try #require(result.channel(model.id("Q")))
        let worker = try #require(result.participant(model.id("W")))
        let delivery = try #require(result.interactions.first { $0.role == .consumer })
        // P(handling > 0.5 s) = e^-0.5 per receive; two receives before dead-lettering.
        #expect(within(delivery.timeouts.value / delivery.attempts.value, 0.6065, relative: 0.05))
        #expect(within(queue.deadLettered.value / queue.sent.value, 0.6065 * 0.6065, relative: 0.1))
        #expect(worker.wastedAttempts.value > 0.5 * delivery.timeouts.value)
    }

    @Test func waitingForRoomCountsAgainstTheCallersTimeout() throws {
        // Api sends into a full queue that pushes back: Api waits, and its caller gives up.
        let model = compileClean("""
            client C
            service Api
            queue Q [capacity=5, overflow=backpressure]
            service W [concurrency=1, latency=1s]
            C -> Api : order [timeout=2s] {
              Api ->> Q : placed
            }
            W <- Q : placed
            """)
        let result = try Simulator.run(model: model, scenario: makeScenario(duration: 300, loads: [load(2)]))
        Self.expectAccounted(result)
        let order = try #require(result.interactions.first { $0.label == "order" })
        let flow = try #require(result.flows.first)
        #expect(order.timeouts.value > 0.3 * order.attempts.value)
        #expect(within(flow.failed.value, order.timeouts.value, relative: 0.02))
        // Nothing is lost: the abandoned senders still get their messages in, one by one.
        let queue = try #require(result.channel(model.id("Q")))
        #expect(queue.dropped.value == 0 && queue.rejected.value == 0)
        #expect(try #require(result.participant(model.id("Api"))).wastedAttempts.value > 0)
    }
}
