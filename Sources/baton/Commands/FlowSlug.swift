/// The file-name part `render --all` gives each flow: `"Place order"` → `place-order`.
///
/// Slugs are safe on every file system and in a URL: lowercase ASCII letters and digits, other
/// runs of characters one `-`, no `-` at either end, at most `maximumLength` characters; a name
/// with nothing left is `flow`. Within one design they are unique: a second flow with the same
/// slug gets `-2`, a third `-3`, in the design's order of flows, so the same design always gives
/// the same names.
enum FlowSlug {
    static let maximumLength = 60

    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
            if slug.count >= maximumLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "flow" : slug
    }

    /// One slug per name, in order, unique among themselves.
    static func slugs(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            let base = slug(name)
            var candidate = base
            var number = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(number)"
                number += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
