import Baton
import BatonModel
import Foundation

/// Turns the design part of a URL into a file below the served root, or refuses it.
///
/// The path is percent-decoded once, segment by segment, so `%2e%2e` is `..` and refused, and
/// `%252e%252e` stays the harmless name `%2e%2e`. Refused outright: `.` and `..` segments,
/// empty segments, hidden names, `/` or `\` or NUL inside a segment, anything but a `.baton`
/// file. What remains is resolved with `realpath` and must lie inside the root's real path, so
/// a symbolic link in the tree cannot lead out of it.
public enum PathConfinement {
    /// A design file the URL names: its path relative to the root (as URLs spell it) and its
    /// real path.
    public struct Confined: Sendable, Equatable {
        public var relativePath: String
        public var realPath: String
    }

    public struct Refusal: Error, Sendable, Equatable {
        public var status: HTTPStatus
        public var reason: String
    }

    /// `encoded` is the URL path after the route's prefix (`/design/`), still encoded; `root`
    /// is the real path of the served directory.
    public static func resolve(_ encoded: String, root: String) -> Result<Confined, Refusal> {
        let notFound = Refusal(status: .notFound, reason: "No such design.")
        var segments: [String] = []
        for raw in encoded.split(separator: "/", omittingEmptySubsequences: false) {
            guard let bytes = percentDecoded(raw) else {
                return .failure(Refusal(status: .badRequest, reason: "Malformed percent-encoding."))
            }
            guard !bytes.isEmpty, !bytes.contains(0), !bytes.contains(UInt8(ascii: "/")), !bytes.contains(UInt8(ascii: "\\")),
                  bytes.first != UInt8(ascii: "."), let segment = String(validating: bytes, as: UTF8.self) else {
                return .failure(notFound)
            }
            segments.append(segment)
        }
        guard let last = segments.last, last.hasSuffix(".baton") else { return .failure(notFound) }
        let relative = segments.joined(separator: "/")
        guard let real = FileReader.realPath(root + "/" + relative) else { return .failure(notFound) }
        guard PathName.isInside(real, root: root) else {
            return .failure(Refusal(status: .forbidden, reason: "That design lies outside the served directory."))
        }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .failure(notFound) }
        return .success(Confined(relativePath: relative, realPath: real))
    }

    /// The bytes `%XX` escapes stand for; nil when an escape is malformed.
    static func percentDecoded(_ text: Substring) -> [UInt8]? {
        var result: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    return nil
                }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A relative path as a URL path: each segment percent-encoded except unreserved bytes.
    public static func encoded(_ relativePath: String) -> String {
        relativePath.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                    out.append(Character(Unicode.Scalar(byte)))
                default:
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return out
        }.joined(separator: "/")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
