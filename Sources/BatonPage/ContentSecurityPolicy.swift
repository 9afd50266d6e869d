import BatonRender

/// The page's Content-Security-Policy, in a `<meta http-equiv>`: nothing may be loaded from
/// anywhere (`default-src 'none'`), images only from `data:` URLs, and the only style and
/// scripts that run are the page's own inline ones, named by their SHA-256 — no
/// `'unsafe-inline'`. So even if some text slipped past escaping, a browser would run no
/// script and load nothing it put there. A live page (`PageOptions.liveScript`) may also talk
/// to its own server (`connect-src 'self'`, for server-sent events).
enum ContentSecurityPolicy {
    static func policy(style: String, scripts: [String], connectToSelf: Bool) -> String {
        var parts = ["default-src 'none'", "img-src data:", "style-src '\(hash(style))'",
                     "script-src " + scripts.map { "'\(hash($0))'" }.joined(separator: " ")]
        if connectToSelf { parts.append("connect-src 'self'") }
        parts += ["base-uri 'none'", "form-action 'none'"]
        return parts.joined(separator: "; ")
    }

    /// `sha256-` and the base64 of the SHA-256 of the element's text, as CSP names an inline
    /// style or script: the exact bytes between its start and end tags.
    static func hash(_ text: String) -> String {
        "sha256-" + base64(SHA256.hash(text.utf8))
    }

    /// Standard base64 with padding (RFC 4648 §4), without Foundation.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = UInt32(bytes[index])
            let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(count > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            out.append(count > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
