@testable import BatonServe
import Foundation
import Testing

@Suite(.serialized) struct EventStreamTests {
    func subscribe(_ target: String, port: Int) throws -> TestClient {
        let client = try TestClient(port: port)
        client.send("GET \(target) HTTP/1.1\r\nHost: localhost:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return client
    }

    func waitFor(_ condition: () -> Bool, timeout: TimeInterval = 3) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    @Test func aStreamStartsWithItsHeadersAndARetryHint() throws {
        let fixture = try ServeFixture()
        let client = try subscribe("/events/main.baton", port: fixture.port)
        let head = try #require(client.read(until: "retry: 1000\n\n"))
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.contains("Content-Type: text/event-stream"))
        #expect(head.contains("Cache-Control: no-store"))
        #expect(!head.contains("Content-Length"))
    }

    @Test func fiftyClientsAllReceiveAnEditWithinASecond() throws {
        let fixture = try ServeFixture()
        let clients = try (0..<50).map { _ in try subscribe("/events/main.baton", port: fixture.port) }
        for client in clients { #expect(client.read(until: "retry:") != nil) }
        #expect(waitFor { fixture.server.hub.subscriberCount(topic: "main.baton") == 50 })
        let other = try subscribe("/events/other.baton", port: fixture.port)
        #expect(other.read(until: "retry:") != nil)

        let edited = Date()
        try fixture.write("main.baton", "title \"Edited\"\nclient Web\nservice Api [timeout=1s]\nWeb -> Api : hello [timeout=500ms]\n")
        let latencies = clients.map { client -> TimeInterval in
            guard let text = client.read(until: "\n\n", timeout: 3), text.contains("event: update") else { return .infinity }
            return Date().timeIntervalSince(edited)
        }
        let worst = latencies.max() ?? .infinity
        #expect(worst < 1, "slowest client got the update after \(worst) s")
        print("SSE fan-out: 50 clients, slowest update \(Int(worst * 1000)) ms after the edit")
        // Only the edited design's subscribers hear of it.
        #expect(other.read(until: "event: update", timeout: 0.5) == nil)
        #expect(fixture.server.library.state("main.baton")?.title == "Edited")
    }

    @Test func aClientBehindTheDesignIsSentTheCurrentVersionFirst() throws {
        let fixture = try ServeFixture()
        let generation = try #require(fixture.server.library.state("main.baton")?.generation)
        // A page of the current generation: nothing until the next change.
        let current = try subscribe("/events/main.baton?since=\(generation)", port: fixture.port)
        #expect(current.read(until: "retry:") != nil)
        #expect(current.read(until: "event: update", timeout: 0.5) == nil)
        // A page made before an edit (or by a server since restarted): the current version at once.
        let behind = try subscribe("/events/main.baton?since=\(generation - 1)", port: fixture.port)
        #expect(behind.read(until: "event: update", timeout: 2) != nil)
    }

    @Test func anEditedImportUpdatesItsImporter() throws {
        let fixture = try ServeFixture()
        let client = try subscribe("/events/main.baton", port: fixture.port)
        #expect(client.read(until: "retry:") != nil)
        #expect(waitFor { fixture.server.hub.subscriberCount(topic: "main.baton") == 1 })
        try fixture.write("lib/shared.baton", "service Auth [timeout=2s]\nservice Extra\n")
        let text = try #require(client.read(until: "event: update", timeout: 3))
        #expect(text.contains("\"path\":\"main.baton\""))
    }

    @Test func aBrokenEditKeepsTheLastGoodVersionAndSaysWhy() throws {
        let fixture = try ServeFixture()
        let client = try subscribe("/events/other.baton", port: fixture.port)
        #expect(client.read(until: "retry:") != nil)
        #expect(waitFor { fixture.server.hub.subscriberCount(topic: "other.baton") == 1 })
        try fixture.write("other.baton", "client A\nA -> Nobody : call\n")
        #expect(client.read(until: "\"error\":\"", timeout: 3) != nil)
        let state = try #require(fixture.server.library.state("other.baton"))
        #expect(state.problem?.line == 2)
        #expect(state.lastGood?.compilation.model.title == "Other")
        #expect(state.title == "Other")
    }

    @Test func aClientThatLeavesIsRemoved() throws {
        let fixture = try ServeFixture()
        var clients = try (0..<3).map { _ in try subscribe("/events/main.baton", port: fixture.port) }
        for client in clients { #expect(client.read(until: "retry:") != nil) }
        #expect(waitFor { fixture.server.hub.subscriberCount() == 3 })
        clients.removeLast()
        #expect(waitFor { fixture.server.hub.subscriberCount() == 2 && fixture.server.http.activeStreams == 2 })
        clients.removeAll()
        #expect(waitFor { fixture.server.hub.subscriberCount() == 0 && fixture.server.http.activeStreams == 0 })
    }

    @Test func idleStreamsGetHeartbeats() throws {
        let fixture = try ServeFixture { $0.server.heartbeatInterval = 0.1 }
        let client = try subscribe("/events/main.baton", port: fixture.port)
        #expect(client.read(until: ": heartbeat\n\n", timeout: 2) != nil)
    }

    @Test func aSubscriberThatFallsBehindIsDroppedWithoutBlockingThePublisher() {
        let hub = EventHub(queueCapacity: 4)
        let stuck = hub.subscribe(topic: "t")
        let reading = hub.subscribe(topic: "t")
        let started = Date()
        for index in 0..<100 {
            hub.publish(ServerSentEvent(name: "update", data: "\(index)"), topic: "t")
            if case .event(let event) = reading.next(timeout: 1) { #expect(event.data == "\(index)") }
        }
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(stuck.next(timeout: 0) == .ended)
        hub.close()
        #expect(reading.next(timeout: 0) == .ended)
    }

    @Test func eventDataSpanningLinesBecomesSeveralDataLines() {
        let event = ServerSentEvent(name: "update", data: "a\nb\r\nc")
        #expect(String(decoding: event.serialized, as: UTF8.self) == "event: update\ndata: a\ndata: b\ndata: c\n\n")
        // A lone CR breaks a line too, a trailing break leaves an empty last line, non-ASCII
        // text passes whole, and line breaks in the name are dropped.
        let mixed = ServerSentEvent(name: "up\ndate", data: "é\r日本\n")
        #expect(String(decoding: mixed.serialized, as: UTF8.self) == "event: update\ndata: é\ndata: 日本\ndata: \n\n")
    }
}
