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
        occurrences.reserveCapacity(side.reported.count)
        // A design's findings are in a few files: each file's name is worked out once.
        var uris = [String?](repeating: nil, count: side.fileNames.count)
        let diagnostics = side.diagnostics, fileNames = side.fileNames
        // Read in place: copying each finding out of the array (a dozen strings and arrays to
        // retain and release) cost as much as identifying it.
        return side.reported.withUnsafeBufferPointer { reported in
            reported.indices.map { index in
                let id = diagnostics[index].span.file
                let file: String
                if let known = uris[id.rawValue] {
                    file = known
                } else {
                    file = uri(id)
                    uris[id.rawValue] = file
                }
                let hash = Fingerprint.hash(reported[index], path: file)
                let occurrence = Self.increment(&occurrences[hash, default: 0])
                let entry = FindingEntry(code: reported[index].code, severity: reported[index].severity.rawValue,
                                         message: reported[index].message,
                                         location: DiffLocation(file: fileNames[id.rawValue], line: reported[index].line,
                                                                column: reported[index].column),
                                         fingerprint: hash + ":" + String(occurrence))
                return Identified(entry: entry, hash: hash, file: file)
            }
        }
    }

    /// Adds one to `count` and returns it (one dictionary lookup through the modify accessor).
    private static func increment(_ count: inout Int) -> Int {
        count += 1
        return count
    }

    /// The new findings (only in `new`) and the resolved ones (only in `old`), each in its
    /// side's order.
    static func compare(old: [Identified], new: [Identified]) -> (new: [FindingEntry], resolved: [FindingEntry]) {
        var oldLeft = [Bool](repeating: true, count: old.count)
        var newLeft = [Bool](repeating: true, count: new.count)
        // Pass 1, by fingerprint: the n-th finding of a hash on one side is the n-th on the
        // other, and `HASH:n` names exactly that finding, once per side.
        var oldByFingerprint: [String: Int] = [:]
        oldByFingerprint.reserveCapacity(old.count)
        for index in old.indices { oldByFingerprint[old[index].entry.fingerprint] = index }
        for index in new.indices {
            guard let match = oldByFingerprint[new[index].entry.fingerprint] else { continue }
            oldLeft[match] = false
            newLeft[index] = false
        }
        // Pass 2, what is left by rule, file and message (without the statement), in order.
        func identity(_ finding: Identified) -> String {
            [finding.entry.code, finding.file, finding.entry.message].joined(separator: "\u{1F}")
        }
        if oldLeft.contains(true), newLeft.contains(true) {
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
