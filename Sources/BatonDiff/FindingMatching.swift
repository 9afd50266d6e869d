import BatonReport
import BatonSyntax

/// Which findings only one design has.
///
/// A finding is known by the fingerprint SARIF and baselines give it (`Fingerprint.hash`: rule,
/// file and the statement's text without whitespace or comments — never a line number or the
/// message), so a finding that only moved or was reformatted is the same finding, and `baton
/// diff` agrees with code scanning and with `baton check --baseline`. The file is the one the new
/// design names: a finding in `old/design.baton` and one in `new/design.baton` are in the same
/// file when both are the root (or the same import beside it). Findings with equal fingerprints
/// pair up in source order, as SARIF numbers them (`hash:1`, `hash:2`).
///
/// A second pass pairs what is left without the statement: the same rule with the same message
/// in the same file is the same finding, even when its statement was edited (a retry count
/// lowered that still leaves the finding standing) — the edit itself is reported with the
/// interaction.
enum FindingMatching {
    struct Identified {
        var entry: FindingEntry
        var hash: String
        /// The file as the fingerprint names it, for the second pass.
        var file: String
    }

    /// The findings of one side with their identities. `uri` names a file of this side (by its
    /// id) as the fingerprint names it.
    static func identify(_ side: DesignSide, uri: (FileID) -> String) -> [Identified] {
        var occurrences: [String: Int] = [:]
        // A design's findings are in a few files: each file's name is worked out once.
        var uris: [FileID: String] = [:]
        return zip(side.diagnostics, side.reported).map { diagnostic, reported in
            let id = diagnostic.span.file
            let file: String
            if let known = uris[id] {
                file = known
            } else {
                file = uri(id)
                uris[id] = file
            }
            let hash = Fingerprint.hash(reported, path: file)
            occurrences[hash, default: 0] += 1
            let entry = FindingEntry(code: reported.code, severity: reported.severity.rawValue, message: reported.message,
                                     location: DiffLocation(file: side.fileNames[id.rawValue], line: reported.line, column: reported.column),
                                     fingerprint: "\(hash):\(occurrences[hash] ?? 1)")
            return Identified(entry: entry, hash: hash, file: file)
        }
    }

    /// The identity of each pass: the fingerprint; then rule, file and message without the
    /// statement.
    static let passes: [@Sendable (Identified) -> String] = [
        { $0.hash },
        { [$0.entry.code, $0.file, $0.entry.message].joined(separator: "\u{1F}") },
    ]

    /// The new findings (only in `new`) and the resolved ones (only in `old`), each in its
    /// side's order.
    static func compare(old: [Identified], new: [Identified]) -> (new: [FindingEntry], resolved: [FindingEntry]) {
        var oldLeft = [Bool](repeating: true, count: old.count)
        var newLeft = [Bool](repeating: true, count: new.count)
        for identity in passes {
            guard oldLeft.contains(true), newLeft.contains(true) else { break }
            var waiting: [String: [Int]] = [:]
            for index in old.indices where oldLeft[index] { waiting[identity(old[index]), default: []].append(index) }
            var next: [String: Int] = [:]
            for index in new.indices where newLeft[index] {
                let key = identity(new[index])
                let position = next[key, default: 0]
                guard let candidates = waiting[key], position < candidates.count else { continue }
                next[key] = position + 1
                oldLeft[candidates[position]] = false
                newLeft[index] = false
            }
        }
        return (new.indices.filter { newLeft[$0] }.map { new[$0].entry }, old.indices.filter { oldLeft[$0] }.map { old[$0].entry })
    }
}
