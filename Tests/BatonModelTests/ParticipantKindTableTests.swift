import BatonModel
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

/// The kind table (`ParticipantKind.traits`) is what every stage reads about a kind; these tests
/// tie it to the keywords and to the two tables of docs/language.md that describe it to readers.
@Suite struct ParticipantKindTableTests {
    /// The body rows of the Markdown table of docs/language.md whose header row starts with
    /// `header`, as trimmed cells.
    static func docsTable(header: String) throws -> [[String]] {
        let url = Golden.packageRoot().appendingPathComponent("docs/language.md")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix(header) }, "no table starting with \(header)")
        var rows: [[String]] = []
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            rows.append(line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return rows
    }

    static func unquoted(_ cell: String) -> String {
        cell.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
    }

    @Test func everyKindHasItsOwnKeyword() {
        for kind in ParticipantKind.allCases {
            #expect(kind.keyword.rawValue == kind.rawValue)
            #expect(ParticipantKind(keyword: kind.keyword) == kind)
        }
        #expect(Keyword.allCases.filter { ParticipantKind(keyword: $0) != nil }.count == ParticipantKind.allCases.count)
        #expect(ParticipantKind(keyword: .group) == nil)
    }

    @Test func theDocsKindsTableSaysWhoMayInitiateAndWhoMayBeCalled() throws {
        let rows = try Self.docsTable(header: "| kind | what it is | may initiate | may be the passive end |")
        #expect(rows.map { Self.unquoted($0[0]) } == ParticipantKind.allCases.map(\.rawValue))
        for row in rows {
            let kind = try #require(ParticipantKind(rawValue: Self.unquoted(row[0])))
            let initiation: ParticipantRole.Initiation? = switch row[2] {
            case "yes": .always
            case "only with `push`": .withPush
            case "no": .never
            default: nil
            }
            #expect(kind.initiation == initiation, "may \(kind.rawValue) initiate? the docs say \(row[2])")
            #expect(kind.mayBePassive == (row[3] == "yes"), "may \(kind.rawValue) be called? the docs say \(row[3])")
        }
    }

    @Test func theDocsAttributeTableSaysWhichKindsTakeEachAttribute() throws {
        let rows = try Self.docsTable(header: "| key | applies to | value |")
        #expect(rows.map { Self.unquoted($0[0]) } == AttributeSchema.participant.map(\.key))
        for row in rows {
            let key = Self.unquoted(row[0])
            let spec = try #require(AttributeSchema.participant.first { $0.key == key })
            let documented = row[1] == "any" ? Set(ParticipantKind.allCases)
                : Set(row[1].split(separator: ",").compactMap { ParticipantKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
            #expect(Set(spec.kinds) == documented, "'\(key)' applies to \(row[1]) in the docs")
        }
    }

    @Test func aChannelMayInitiateOnlyWithPushAndAStoreNever() {
        let model = compileClean("""
            queue Polled
            topic Pushed [push]
            store Db
            driver Pump
            client App
            """)
        let mayInitiate = model.participants.map(\.mayInitiate)
        #expect(mayInitiate == [false, true, false, true, true])
        #expect(model.participants.map(\.kind.isChannel) == [true, true, false, false, false])
    }

    @Test func theAttributesAKindTakesAreItsFamiliesAndTheCommonOnes() {
        let common = ["availability", "slo", "latency", "owner"]
        for kind in ParticipantKind.allCases {
            let keys = AttributeSchema.specs(for: .participant(kind)).map(\.key)
            for key in common { #expect(keys.contains(key), "\(kind.rawValue) takes \(key)") }
            #expect(keys.contains("timeout") == kind.takes(.defaultTimeout))
            #expect(keys.contains("push") == kind.takes(.channel))
            #expect(keys.contains("interval") == kind.takes(.polling))
        }
        #expect(ParticipantKind.taking(.idempotence) == [.client, .service, .external])
    }
}
