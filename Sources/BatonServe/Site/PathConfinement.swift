import Baton
import BatonModel
import BatonSyntax
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
            guard let bytes = PercentEncoding.decode(raw) else {
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

    /// A relative path as a URL path: each segment percent-encoded except unreserved bytes.
    public static func encoded(_ relativePath: String) -> String {
        relativePath.split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoding.encode($0) }.joined(separator: "/")
    }
}
