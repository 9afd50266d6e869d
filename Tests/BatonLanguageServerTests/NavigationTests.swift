import BatonLanguageServer
import BatonModel
import BatonSyntax
import Testing

/// Definition, references and the symbol index, across an import.
@Suite struct NavigationTests {
    static let workspace = Workspace([
        "/repo/main.baton": """
            import "lib/catalog.baton"
            service Web
            Web -> ↓Orders : place [reply-to=↓Replies]
            note over Web, Orders : hello
            scenario "Peak" [duration=1m] {
              load 10/s
              fault ↓Orders down from 10s to 20s
              expect queue Replies max 10
            }
            Web -> ↓Missing : nobody
            Web -> Missing : again
            """,
        "/repo/lib/catalog.baton": """
            service ↓Orders [timeout=1s]
            queue Replies [dlq=↓Dead]
            queue Dead
            Orders -> Orders : self
            """,
    ])

    let analysis = Self.workspace.analysis(root: "/repo/main.baton")
    var index: SymbolIndex { SymbolIndex(analysis) }
    var catalog: FileID { analysis.file(resolvedPath: "/repo/lib/catalog.baton") ?? FileID(-1) }

    func text(_ span: Span) -> String { analysis.source(span.file).text(of: span) }

    @Test func indexHasEveryOccurrenceWithItsRole() {
        let orders = index.occurrences.filter { $0.name == "Orders" }
        #expect(orders.map(\.role) == [.passiveEnd, .noteOver, .scenario, .declaration, .initiator, .passiveEnd])
        #expect(orders.filter(\.isDeclaration).count == 1)
        #expect(Set(orders.map(\.participant)).count == 1)
        let replies = index.occurrences.filter { $0.name == "Replies" }
        #expect(replies.map(\.role).contains(.attributeValue(key: "reply-to")))
        #expect(replies.map(\.role).contains(.scenario))
        #expect(index.occurrences.contains { $0.name == "Dead" && $0.role == .attributeValue(key: "dlq") })
        // An undeclared name is indexed without a participant.
        #expect(index.occurrences.filter { $0.name == "Missing" }.allSatisfy { $0.participant == nil })
        // Sorted by file and offset.
        let keys = index.occurrences.map { [$0.span.file.rawValue, $0.span.start] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func definitionJumpsIntoTheImportedFile() throws {
        for marker in [0] {
            let spans = Definition.definition(analysis, index: index, at: Self.workspace.cursor("/repo/main.baton", marker, in: analysis))
            let span = try #require(spans.first)
            #expect(spans.count == 1)
            #expect(span.file == catalog)
            #expect(span.start == Self.workspace.files["/repo/lib/catalog.baton"]?.offsets[0])
            #expect(text(span) == "Orders")
        }
        // From the scenario's fault line too, and from the declaration itself.
        let fromFault = Definition.definition(analysis, index: index, at: Self.workspace.cursor("/repo/main.baton", 2, in: analysis))
        #expect(fromFault.map(\.file) == [catalog])
        let fromDeclaration = Definition.definition(analysis, index: index, at: Self.workspace.cursor("/repo/lib/catalog.baton", 0, in: analysis))
        #expect(fromDeclaration.map(\.file) == [catalog])
        // A name used in an attribute value.
        let dead = Definition.definition(analysis, index: index, at: Self.workspace.cursor("/repo/lib/catalog.baton", 1, in: analysis))
        #expect(dead.map(text) == ["Dead"])
        #expect(dead.first?.start != Self.workspace.files["/repo/lib/catalog.baton"]?.offsets[1])
        // An undeclared name has no definition.
        #expect(Definition.definition(analysis, index: index, at: Self.workspace.cursor("/repo/main.baton", 3, in: analysis)).isEmpty)
    }

    @Test func cursorRightAfterANameStillFindsIt() {
        var cursor = Self.workspace.cursor("/repo/main.baton", 0, in: analysis)
        cursor.offset += "Orders".utf8.count
        #expect(index.occurrence(at: cursor)?.name == "Orders")
        cursor.offset += 1
        #expect(index.occurrence(at: cursor) == nil)
    }

    @Test func referencesSpanBothFiles() {
        let cursor = Self.workspace.cursor("/repo/main.baton", 0, in: analysis)
        let all = References.references(analysis, index: index, at: cursor, includeDeclaration: true)
        #expect(all.count == 6)
        #expect(all.allSatisfy { text($0) == "Orders" })
        #expect(Set(all.map(\.file)) == [FileID(0), catalog])
        let uses = References.references(analysis, index: index, at: cursor, includeDeclaration: false)
        #expect(uses.count == 5)
        #expect(!uses.contains(analysis.model.participant(named: "Orders")?.nameSpan ?? all[0]))
        // The uses of an undeclared name.
        let missing = References.references(analysis, index: index, at: Self.workspace.cursor("/repo/main.baton", 3, in: analysis),
                                            includeDeclaration: true)
        #expect(missing.count == 2)
        // reply-to= and the expect line both reference Replies.
        let replies = References.references(analysis, index: index, at: Self.workspace.cursor("/repo/main.baton", 1, in: analysis),
                                            includeDeclaration: true)
        #expect(replies.count == 3)
    }
}
