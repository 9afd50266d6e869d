import BatonTestSupport
import Foundation
import Testing

/// `baton serve` run as a user runs it: it prints its URL, answers over HTTP, and stops cleanly
/// on SIGTERM.
@Suite struct ServeCommandTests {
    @Test func servesTheDesignsAtThePrintedURLAndStopsOnSigterm() throws {
        let directory = try makeTemporaryDirectory([
            "a.baton": "title \"Alpha\"\nclient A\nservice B [timeout=1s]\nA -> B : call [timeout=500ms]\n",
            "sub/b.baton": "client C\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = BatonExecutable.url
        process.arguments = ["serve", directory.path, "--port", "0"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var line = Data()
        let deadline = Date().addingTimeInterval(20)
        while !line.contains(UInt8(ascii: "\n")), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("Serving 2 designs from \(directory.path) at http://127.0.0.1:"))
        #expect(text.hasSuffix("/ (Ctrl-C to stop)\n"))
        let port = try #require(text.split(separator: ":").dropFirst(2).first.flatMap { Int($0.prefix { $0.isNumber }) })

        let index = try get("/", port: port)
        #expect(index.hasPrefix("HTTP/1.1 200 OK"))
        #expect(index.contains("sub/b.baton") && index.contains("Alpha"))
        let page = try get("/design/a.baton", port: port)
        #expect(page.contains("<svg"))
        #expect(page.contains("script-src 'sha256-"))
        #expect(page.contains("new EventSource"))
        #expect(try get("/design/../a.baton", port: port).hasPrefix("HTTP/1.1 404"))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("stopped"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let port = try BatonExecutable.run(["serve", "--port", "70000"])
        #expect(port.status == 2)
        #expect(port.standardError.contains("'--port' must be at most 65,535"))
        let missing = try BatonExecutable.run(["serve", "/nonexistent/designs", "--port", "0"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot serve '/nonexistent/designs'"))
        let host = try BatonExecutable.run(["serve", "--host", "example.com", "--port", "0"])
        #expect(host.status == 2)
        #expect(host.standardError.contains("not an IP address"))
    }

    func get(_ target: String, port: Int) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
