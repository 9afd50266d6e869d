import Baton
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The Mermaid export: every line is a statement Mermaid's sequence grammar accepts, and no
/// label can reach its lexer (`;`, `#`, `%%`) or the browser (`<`, `>`, `&`).
@Suite struct MermaidTests {
    static func render(_ source: String, flow: String? = nil) throws -> String {
        let compilation = Baton.compile(source: source)
        try #require(!compilation.hasErrors)
        return try Baton.render(compilation, source: Array(source.utf8), options: RenderOptions(format: .mermaid, flow: flow))
    }

    /// A line with entity codes and `<br/>` removed: what Mermaid's lexer sees of the text.
    static func bare(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let hash = rest.firstIndex(of: "#") {
            out += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";"), after[..<semicolon].allSatisfy({ $0.isLetter || $0.isNumber }),
               after.startIndex < semicolon {
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "#"
                rest = after
            }
        }
        out += rest
        return out.replacingOccurrences(of: "<br/>", with: " ")
    }

    /// The user-written part of a statement: after `: `, after ` as `, or after the keyword.
    static func text(of statement: String) -> String {
        for separator in [": ", " as ", "box transparent "] {
            if let range = statement.range(of: separator) { return String(statement[range.upperBound...]) }
        }
        guard let space = statement.firstIndex(of: " ") else { return "" }
        return String(statement[statement.index(after: space)...])
    }

    static let statementPattern = (
        #"^(title .+|accTitle: .+|accDescr: .+|(participant|actor) [A-Za-z_][A-Za-z0-9_]*( as .+)?|box transparent .+|end|"#
        + #"[A-Za-z_][A-Za-z0-9_]*(->>|-\)|--\)|-->>)[A-Za-z_][A-Za-z0-9_]*: .+|(activate|deactivate) [A-Za-z_][A-Za-z0-9_]*|"#
        + #"Note over [A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)?: .+|(loop|opt|alt|else|par|and)( .+)?)$"#)
    static func isStatement(_ line: String) -> Bool {
        guard let regex = try? Regex(statementPattern) else { return false }
        return (try? regex.wholeMatch(in: line)) != nil
    }

    @Test(arguments: RenderCase.all)
    func everyLineIsAStatementAndNoTextReachesTheLexer(_ testCase: RenderCase) throws {
        let text = try testCase.render(.mermaid)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.removeFirst() == "sequenceDiagram")
        #expect(lines.removeLast() == "", "ends with a newline")
        var depth = 0
        for line in lines {
            let statement = line.drop { $0 == " " }
            #expect(Self.isStatement(String(statement)), "not a statement: \(statement)")
            let bare = Self.bare(Self.text(of: String(statement)))
            for forbidden in [";", "#", "%", "<", ">", "\"", "{", "}", "\\", "`"] {
                #expect(!bare.contains(forbidden), "\(forbidden) reaches Mermaid in: \(statement)")
            }
            if statement.hasPrefix("activate ") { depth += 1 }
            if statement.hasPrefix("deactivate ") { depth -= 1 }
            #expect(depth >= 0)
        }
        #expect(depth == 0, "activations are balanced")
    }

    @Test func arrowsMapToTheClosestMermaidArrows() throws {
        let text = try Self.render("""
            client C
            service S
            queue Q
            C -> S : call
            S ->> Q : send
            S <- Q : fetched
            S ~> C : back
            """)
        #expect(text.contains("actor C\n"))
        #expect(text.contains("    C->>S: call\n"))
        #expect(text.contains("    S-)Q: send\n"))
        #expect(text.contains("    S->>Q: fetch\n    Q-->>S: fetched\n"))
        #expect(text.contains("    S--)C: back\n"))
    }

    @Test func blocksBecomeBalancedActivations() throws {
        let text = try Self.render("service A\nservice B\nstore D\nA <- B : data {\n  B -> D : read\n}")
        #expect(text.contains("""
                A->>B: fetch
                activate B
                B->>D: read
                B-->>A: data
                deactivate B
            """))
    }

    @Test func namesMermaidWouldMistakeForKeywordsGetSafeIDs() throws {
        let text = try Self.render("service Ender\nservice Notes\nservice Partners\nservice Shop\nEnder -> Notes : a\nPartners -> Shop : b")
        #expect(text.contains("participant P1 as Ender"))
        #expect(text.contains("participant P2 as Notes"))
        #expect(text.contains("participant P3 as Partners"))
        #expect(text.contains("participant Shop\n"))
        #expect(text.contains("P1->>P2: a"))
    }

    @Test func fragmentsNotesAndGroupsMapOneToOne() throws {
        let text = try Self.render("""
            group G "Team Red" { service A
              service B }
            service C
            A -> B : go {
              loop "retry" [times=3] { B -> C : try }
              alt "ok" { B -> C : yes } else { B -> C : no }
              par { B ->> C : one } and { B ->> C : two }
              opt { B -> C : maybe }
            }
            note over C, A, B : everyone
            """)
        #expect(text.contains("box transparent Team Red\n        participant A\n        participant B\n    end\n    participant C\n"))
        #expect(text.contains("loop retry (×3)\n"))
        #expect(text.contains("alt ok\n"))
        #expect(text.contains("    else\n"))
        #expect(text.contains("par\n"))
        #expect(text.contains("    and\n"))
        #expect(text.contains("opt\n"))
        #expect(text.contains("Note over A,C: everyone\n"))
    }

    @Test func escaping() {
        #expect(MermaidEscaping.text("a;b#c%%d:e<f>g&h\"i{j}k\\l`m\nn") ==
                "a#59;b#35;c#37;#37;d#58;e#lt;f#gt;g#amp;h#quot;i#123;j#125;k#92;l#96;m<br/>n")
        #expect(MermaidEscaping.text("x\ny", lineBreaks: false) == "x y")
        #expect(MermaidEscaping.text("  padded  ") == "padded")
    }
}
