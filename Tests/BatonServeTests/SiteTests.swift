import BatonServe
import BatonTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SiteTests {
    @Test func theIndexListsEveryDesignSortedWithTitlesEscaped() throws {
        let fixture = try ServeFixture()
        let response = try TestClient.get("/", port: fixture.port)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("Content-Security-Policy") == "default-src 'none'")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Referrer-Policy") == "no-referrer")
        #expect(response.header("Content-Length") == String(response.body.utf8.count))
        let body = response.body
        let lib = try #require(body.range(of: "lib/shared.baton"))
        let main = try #require(body.range(of: "href=\"/design/main.baton\""))
        let other = try #require(body.range(of: "href=\"/design/other.baton\""))
        #expect(lib.lowerBound < main.lowerBound && main.lowerBound < other.lowerBound)
        #expect(body.contains("Main &lt;design&gt;"))
        #expect(!body.contains("<design>"))
    }

    @Test func aDesignPageComesFromTheProviderWithItsPolicy() throws {
        let fixture = try ServeFixture()
        let response = try TestClient.get("/design/main.baton", port: fixture.port)
        #expect(response.status == 200)
        #expect(response.body.contains("page of main.baton events at /events/main.baton"))
        #expect(response.header("Content-Security-Policy") == "default-src 'none'; script-src 'sha256-test'")
        let head = try TestClient.get("/design/main.baton", port: fixture.port, method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == response.header("Content-Length"))
        #expect(try TestClient.get("/health", port: fixture.port).body == "ok\n")
        #expect(try TestClient.get("/nothing", port: fixture.port).status == 404)
        #expect(try TestClient.get("/design/missing.baton", port: fixture.port).status == 404)
    }

    @Test(arguments: [
        "/design/../../etc/passwd", "/design/%2e%2e/%2e%2e/etc/passwd", "/design/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/design/%252e%252e/%252e%252e/etc/passwd", "/design/lib/..%2f..%2f..%2fetc/passwd", "/design/..\\..\\etc\\passwd",
        "/design/main.baton%00.html", "/design//etc/passwd", "/design/./main.baton", "/events/../../etc/passwd",
        "/design/%2Fetc%2Fpasswd", "/design/lib%5c..%5c..%5cetc%5cpasswd", "/design/%zz",
    ])
    func traversalIsRefused(_ target: String) throws {
        let fixture = try ServeFixture()
        let response = try TestClient.get(target, port: fixture.port)
        #expect([400, 403, 404].contains(response.status), "\(target) → \(response.status)")
        #expect(!response.body.contains("root:"))
        #expect(!response.body.contains("page of"))
    }

    @Test func aSymbolicLinkOutOfTheRootIsRefused() throws {
        let outside = try makeTemporaryDirectory(["secret.baton": "title \"secret\"\nclient A\n"])
        defer { try? FileManager.default.removeItem(at: outside) }
        let fixture = try ServeFixture()
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.appendingPathComponent("escape.baton").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.baton").path)
        try FileManager.default.createSymbolicLink(atPath: fixture.directory.appendingPathComponent("dir").path,
                                                   withDestinationPath: outside.path)
        for target in ["/design/escape.baton", "/design/dir/secret.baton", "/events/escape.baton"] {
            let response = try TestClient.get(target, port: fixture.port)
            #expect(response.status == 403, "\(target)")
            #expect(!response.body.contains("secret"))
        }
        let index = try TestClient.get("/", port: fixture.port)
        #expect(!index.body.contains("escape.baton") && !index.body.contains("secret"))
    }

    @Test func anImportOutsideTheRootIsNotRead() throws {
        let outside = try makeTemporaryDirectory(["secret.baton": "service Secret\n"])
        defer { try? FileManager.default.removeItem(at: outside) }
        let fixture = try ServeFixture(files: ["a.baton": "import \"\(outside.path)/secret.baton\"\nclient A\n"])
        let state = try #require(fixture.server.library.state("a.baton"))
        #expect(state.problem != nil)
        #expect(!state.files.contains { $0.hasSuffix("secret.baton") })
    }

    @Test func aFileServesThatDesignAlone() throws {
        let directory = try makeTemporaryDirectory(ServeFixture.files)
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = DesignServer.Options()
        options.server.port = 0
        let server = try DesignServer(path: directory.appendingPathComponent("other.baton").path, provider: StubProvider(), options: options)
        try server.start()
        defer { server.stop() }
        #expect(try TestClient.get("/design/other.baton", port: server.port).status == 200)
        #expect(try TestClient.get("/design/main.baton", port: server.port).status == 404)
        #expect(!(try TestClient.get("/", port: server.port).body.contains("main.baton")))
    }
}
