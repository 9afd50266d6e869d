import BatonServe
import Foundation
import Testing

@Suite(.serialized) struct ServerSecurityTests {
    @Test func aForeignHostIsRefusedAndLoopbackNamesAreAccepted() throws {
        let fixture = try ServeFixture()
        let port = fixture.port
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost:1"] {
            let response = try TestClient.get("/", port: port, host: host)
            #expect(response.status == 403, "\(host)")
            #expect(!response.body.contains("main.baton"))
        }
        for host in ["localhost", "localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)"] {
            #expect(try TestClient.get("/", port: port, host: host).status == 200, "\(host)")
        }
    }

    @Test func aMissingOrRepeatedHostIs400() throws {
        let fixture = try ServeFixture()
        let client = try TestClient(port: fixture.port)
        client.send("GET / HTTP/1.1\r\n\r\n")
        #expect(Response(client.readAll().text).status == 400)
        let twice = try TestClient(port: fixture.port)
        twice.send("GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n")
        #expect(Response(twice.readAll().text).status == 400)
    }

    @Test func methodsOtherThanGetAndHeadAndBodiesAreRefused() throws {
        let fixture = try ServeFixture()
        let post = try TestClient.get("/", port: fixture.port, method: "POST", extra: "Content-Length: 0\r\n")
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
        #expect(try TestClient.get("/", port: fixture.port, method: "BREW").status == 501)
        let client = try TestClient(port: fixture.port)
        client.send("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello")
        #expect(Response(client.readAll().text).status == 413)
        #expect(try TestClient.get("/", port: fixture.port, extra: "Transfer-Encoding: chunked\r\n").status == 413)
    }

    @Test func oversizedHeadsAreRefusedOnTheWire() throws {
        let fixture = try ServeFixture()
        let long = try TestClient(port: fixture.port)
        long.send("GET /" + String(repeating: "a", count: 10000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(Response(long.readAll().text).status == 414)
        let many = try TestClient(port: fixture.port)
        many.send("GET / HTTP/1.1\r\nHost: localhost\r\n" + (0..<100).map { "X-\($0): y\r\n" }.joined() + "\r\n")
        #expect(Response(many.readAll().text).status == 431)
        let garbage = try TestClient(port: fixture.port)
        garbage.send("\u{1}\u{2}\u{3} nonsense\r\n\r\n")
        #expect(Response(garbage.readAll().text).status == 400)
    }

    @Test func aClientThatNeverFinishesIsDroppedWhileOthersAreServed() throws {
        let fixture = try ServeFixture()   // header timeout 0.5 s
        let slow = try TestClient(port: fixture.port)
        let started = Date()
        slow.send("GET / HTTP/1.1\r\nHost: loc")
        let served = Date()
        #expect(try TestClient.get("/health", port: fixture.port).status == 200)
        #expect(Date().timeIntervalSince(served) < 0.4, "another client waited for the slow one")
        let (text, closed) = slow.readAll(timeout: 3)
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed)
        #expect(elapsed >= 0.45 && elapsed < 2, "dropped after \(elapsed) s")
        #expect(text.isEmpty || text.hasPrefix("HTTP/1.1 408"))
    }

    @Test func connectionsBeyondTheCapAre503() throws {
        let fixture = try ServeFixture { $0.server.maxConnections = 2; $0.server.headerTimeout = 2 }
        let held = try (0..<2).map { _ in try TestClient(port: fixture.port) }
        for client in held { client.send("GET") }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try TestClient.get("/health", port: fixture.port).status == 503)
        withExtendedLifetime(held) {}
    }

    @Test func threadsDoNotGrowOverSequentialRequests() throws {
        let fixture = try ServeFixture()
        #expect(try TestClient.get("/", port: fixture.port).status == 200)
        Thread.sleep(forTimeInterval: 0.3)
        let before = threadCount()
        for index in 0..<200 {
            let response = try TestClient.get(index.isMultiple(of: 2) ? "/" : "/design/main.baton", port: fixture.port)
            #expect(response.status == 200)
        }
        var after = threadCount()
        let deadline = Date().addingTimeInterval(2)
        while after > before + 2 || fixture.server.http.activeConnections > 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            after = threadCount()
        }
        #expect(after <= before + 2, "threads: \(before) before, \(after) after")
        #expect(fixture.server.http.activeConnections == 0)
    }

    func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }
}
