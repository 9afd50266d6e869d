import BatonModel
import BatonSyntax

/// `file://` URIs and the paths they name. Editors percent-encode everything but unreserved
/// characters and `/`; a URI of another scheme (`untitled:`) names no file.
public enum DocumentURI {
    /// The absolute, normalized path of a `file:` URI, or nil for another scheme, a remote
    /// host, or an encoding that is not UTF-8.
    public static func path(of uri: String) -> String? {
        guard uri.lowercased().hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // file://localhost/x and file:///x name the same file; another host names none here.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash].lowercased() == "localhost" else { return nil }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        guard let decoded = percentDecode(rest), !decoded.contains("\0") else { return nil }
        return PathName.normalize(decoded)
    }

    /// The `file:` URI of an absolute path.
    public static func uri(ofPath path: String) -> String {
        "file://" + PercentEncoding.encode(path[...], keeping: { $0 == UInt8(ascii: "/") })
    }

    static func percentDecode(_ text: Substring) -> String? {
        PercentEncoding.decode(text).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
