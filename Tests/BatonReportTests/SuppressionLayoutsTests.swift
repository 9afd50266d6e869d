import BatonJSON
@testable import BatonReport
import BatonSyntax
import Testing

/// A suppression's layout is found again for the same strings, made again for anything else
/// (equal texts stored apart, another file or safety, another quoted path), and not made at all
/// for a text held in the string itself; the bytes around the positions are those `fix` and
/// `edit` write.
@Suite struct SuppressionLayoutsTests {
    static let title = "suppress this fan-out finding with a # baton:ignore comment"
    static let comment = "# baton:ignore fan-out -- TODO: why this finding is acceptable\n"
    static let quoted = Array("\"designs/a.baton\"".utf8)

    @Test func theSameStringsFindTheirLayoutAgain() {
        var layouts = SuppressionLayouts()
        let first = layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: Self.comment)
        #expect(first != nil)
        #expect(layouts.made == 1)
        for _ in 0..<10 {
            #expect(layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: Self.comment) == first)
        }
        #expect(layouts.made == 1)
        // The quoted path made again for the next chunk: equal bytes, still found.
        #expect(layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Array(Self.quoted), newText: Self.comment) == first)
        #expect(layouts.made == 1)
    }

    @Test func anythingElseMakesAnotherLayout() {
        var layouts = SuppressionLayouts()
        _ = layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: Self.comment)
        // The same texts stored apart.
        let apart = String(decoding: Array(Self.comment.utf8), as: UTF8.self)
        _ = layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: apart)
        #expect(layouts.made == 2)
        _ = layouts.slot(title: Self.title, safety: .safe, file: FileID(0), quoted: Self.quoted, newText: Self.comment)
        #expect(layouts.made == 3)
        _ = layouts.slot(title: Self.title, safety: .unsafe, file: FileID(1), quoted: Self.quoted, newText: Self.comment)
        #expect(layouts.made == 4)
        _ = layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Array("\"b.baton\"".utf8), newText: Self.comment)
        #expect(layouts.made == 5)
    }

    @Test func aTextHeldInTheStringHasNoLayout() {
        var layouts = SuppressionLayouts()
        #expect(layouts.slot(title: Self.title, safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: "# short\n") == nil)
        #expect(layouts.slot(title: "suppress", safety: .unsafe, file: FileID(0), quoted: Self.quoted, newText: Self.comment) == nil)
        #expect(layouts.made == 0)
    }

    /// Head, positions and tail are the bytes `fix` and `edit` write after the fix's opening.
    @Test func theBytesAreThoseOfFixAndEdit() throws {
        var layouts = SuppressionLayouts()
        let found = layouts.slot(title: Self.title, safety: .safe, file: FileID(0), quoted: Self.quoted, newText: Self.comment)
        let slot = try #require(found)
        let start = SourcePosition(line: 12, column: 3)
        var fromLayout: [UInt8] = []
        layouts.withBytes(of: slot) { head, tail in
            fromLayout.appendInPlace(estimate: 1_024) { out in
                out.bytes(head)
                FindingJSON.positions(start: start, end: start, into: &out)
                out.bytes(tail)
            }
        }
        var memberByMember: [UInt8] = []
        memberByMember.appendInPlace(estimate: 1_024) { out in
            out.string(Self.title)
            FindingJSON.fixMembers(safety: .safe, isSuppression: true, into: &out)
            FindingJSON.openEdit(first: true, file: Self.quoted, into: &out)
            FindingJSON.positions(start: start, end: start, into: &out)
            FindingJSON.closeEdit(newText: Self.comment, into: &out)
        }
        #expect(fromLayout == memberByMember)
        #expect(String(decoding: fromLayout, as: UTF8.self).contains("\"newText\": \"# baton:ignore fan-out -- TODO: why this finding is acceptable\\n\""))
    }
}
