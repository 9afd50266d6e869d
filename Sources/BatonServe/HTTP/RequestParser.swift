/// Reads a request head from the bytes received so far: a pure function, called again as more
/// bytes arrive, so the bounds are checked before the head is complete and a client can never
/// make the server buffer more than `RequestLimits.headerBytes`.
public enum RequestParser {
    public enum Outcome: Sendable {
        /// More bytes are needed (and allowed).
        case incomplete
        case request(HTTPRequest)
        /// The request is refused with this status; `reason` is the short text sent back.
        case failure(HTTPStatus, reason: String)
    }

    public static func parse(_ bytes: [UInt8], limits: RequestLimits = RequestLimits()) -> Outcome {
        guard let firstNewline = bytes.firstIndex(of: 0x0A) else {
            return bytes.count > limits.requestLine ? .failure(.uriTooLong, reason: "request line too long") : .incomplete
        }
        let lineEnd = firstNewline > 0 && bytes[firstNewline - 1] == 0x0D ? firstNewline - 1 : firstNewline
        if lineEnd > limits.requestLine { return .failure(.uriTooLong, reason: "request line too long") }
        guard let headEnd = endOfHead(bytes) else {
            if bytes.count > limits.headerBytes { return .failure(.headersTooLarge, reason: "header block too large") }
            if bytes.count(where: { $0 == 0x0A }) > limits.headerCount + 1 {
                return .failure(.headersTooLarge, reason: "too many header fields")
            }
            return .incomplete
        }
        if headEnd > limits.headerBytes { return .failure(.headersTooLarge, reason: "header block too large") }
        var lines = lines(of: bytes[..<headEnd])
        guard !lines.isEmpty else { return .failure(.badRequest, reason: "empty request") }
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(.badRequest, reason: "malformed request line")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return version.hasPrefix("HTTP/") ? .failure(.versionNotSupported, reason: "only HTTP/1.0 and HTTP/1.1")
                : .failure(.badRequest, reason: "malformed request line")
        }
        let target = String(decoding: parts[1], as: UTF8.self)
        guard target.hasPrefix("/") else { return .failure(.badRequest, reason: "the target must be a path") }
        guard lines.count <= limits.headerCount else { return .failure(.headersTooLarge, reason: "too many header fields") }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            // A line starting with white space continues the previous one (obsolete line
            // folding), which proxies read differently: refused, as RFC 9112 allows.
            guard let first = line.first, first != 0x20, first != 0x09,
                  let colon = line.firstIndex(of: 0x3A) else {
                return .failure(.badRequest, reason: "malformed header field")
            }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return .failure(.badRequest, reason: "malformed header name") }
            let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard trimmed.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(.badRequest, reason: "control character in a header value")
            }
            headers.append((String(decoding: name, as: UTF8.self), String(decoding: trimmed, as: UTF8.self)))
        }
        let request = HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), target: target, version: version, headers: headers)
        return .request(request)
    }

    /// The offset just past the blank line that ends the head (`\r\n\r\n`, or bare `\n`s).
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while let newline = bytes[index...].firstIndex(of: 0x0A) {
            var next = newline + 1
            if next < bytes.count, bytes[next] == 0x0D { next += 1 }
            if next < bytes.count, bytes[next] == 0x0A { return next + 1 }
            if next >= bytes.count { return nil }
            index = newline + 1
        }
        return nil
    }

    /// The head's lines without their `\r\n` (or `\n`), the final blank line dropped.
    static func lines(of head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        for var line in head.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.last == 0x0D { line = line.dropLast() }
            result.append(line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// RFC 9110 `tchar`: the bytes a method or header name may hold.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
