/// Lexical path arithmetic on `/`-separated paths (no file-system access), for resolving
/// `import` statements and confining them to the allowed roots.
public enum PathName {
    /// Removes `.` and empty components and folds `dir/..`. Keeps a leading `/`; leading `..`
    /// of a relative path stay.
    public static func normalize(_ path: String) -> String {
        if isNormalized(path) { return path }
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", isAbsolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `normalize` would return `path` as it is: no empty, `.` or `..` component and no
    /// trailing `/` (the root aside). Most paths already are, and a scan of their bytes is much
    /// cheaper than splitting and joining them; every import and every file of a run asks.
    static func isNormalized(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            if bytes.count == 1, bytes[0] == UInt8(ascii: "/") { return true }
            let slash = UInt8(ascii: "/")
            let dot = UInt8(ascii: ".")
            // Each component starts at `start`; check it when its end is reached.
            var start = bytes[0] == slash ? 1 : 0
            var index = start
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == slash {
                    let length = index - start
                    if length == 0 { return false }
                    if bytes[start] == dot, length == 1 || (length == 2 && bytes[start + 1] == dot) { return false }
                    start = index + 1
                }
                index += 1
            }
            return true
        }
    }

    /// The directory part of a path ("." for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `base/relative`, normalized; an absolute `relative` wins, and an empty `base` is the
    /// current directory.
    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        return normalize(base == "." || base.isEmpty ? relative : base + "/" + relative)
    }

    /// Whether `path` is `root` or lies below it (both normalized the same way).
    public static func isInside(_ path: String, root: String) -> Bool {
        let path = normalize(path)
        let root = normalize(root)
        if root == "/" { return path.hasPrefix("/") }
        if root == "." { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
        return path == root || path.hasPrefix(root + "/")
    }

    /// The last component of a path: the file name with its extension.
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file name without directory and extension.
    public static func stem(of path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The relative path that leads from directory `base` to `path` (both absolute or both
    /// relative to the same directory), e.g. from `docs/guide` to `docs/img/x.svg` → `../img/x.svg`.
    public static func relative(from base: String, to path: String) -> String {
        let base = normalize(base).split(separator: "/").filter { $0 != "." }
        let target = normalize(path).split(separator: "/").filter { $0 != "." }
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
