import Foundation

/// A raw TCP client for the server tests: sends exactly the bytes given, so tests can send
/// what no well-behaved client would.
final class TestClient {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw ClientError(message: "connect: \(String(cString: strerror(errno)))")
        }
    }

    deinit { Glibc.close(descriptor) }

    struct ClientError: Error { var message: String }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes or `timeout` passes; `closed` says which.
    func readAll(timeout: TimeInterval = 5) -> (text: String, closed: Bool) {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let chunk = read(until: deadline) else { return (String(decoding: bytes, as: UTF8.self), false) }
            if chunk.isEmpty { return (String(decoding: bytes, as: UTF8.self), true) }
            bytes += chunk
        }
    }

    /// Reads until `marker` has arrived (or `timeout`): the text so far.
    func read(until marker: String, timeout: TimeInterval = 5) -> String? {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains(marker) { return text }
            guard let chunk = read(until: deadline), !chunk.isEmpty else { return nil }
            bytes += chunk
        }
    }

    /// Nil on timeout, empty at end of stream.
    private func read(until deadline: Date) -> [UInt8]? {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return nil }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count <= 0 ? [] : Array(buffer[..<count])
    }

    /// One request with the usual headers; the whole response.
    static func get(_ target: String, port: Int, method: String = "GET", host: String? = nil, extra: String = "") throws -> Response {
        let client = try TestClient(port: port)
        client.send("\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(extra)\r\n")
        return Response(client.readAll().text)
    }
}

/// A response split into status, headers and body.
struct Response {
    var raw: String
    var status: Int
    var headers: [(String, String)]
    var body: String

    init(_ raw: String) {
        self.raw = raw
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let lines = head.components(separatedBy: "\r\n")
        status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
