import BatonDiff
import BatonJSON
import BatonLayout
import BatonRender
import Testing

/// The writers and the diagram, on one small pair worked out by hand.
@Suite struct DiffOutputTests {
    static let old = """
        client Shopper
        service Shop [timeout=5s]
        service Payments [timeout=2s]
        queue Legacy [ttl=1h]
        store Books
        Shopper -> Shop : checkout {
          Shop -> Payments : charge [retries=3]
          Shop <- Books : read stock [timeout=1s]
          Shop ->> Legacy : order placed
        }
        Shop <- Legacy : replay [timeout=1s]
        """
    static let new = """
        client Shopper
        service Shop [timeout=5s]
        service Payments [timeout=1s]
        service Fraud [timeout=1s]
        store Ledger
        Shopper -> Shop : checkout {
          Shop -> Payments : charge [retries=3]
          Shop -> Fraud : score
          Shop <- Ledger : read stock [timeout=1s]
        }
        """

    static var pair: (old: DesignSide, new: DesignSide, diff: DesignDiff) {
        let old = side(Self.old, path: "old.baton"), new = side(Self.new, path: "new.baton")
        return (old, new, Differ.diff(old: old, new: new, workingDirectory: "/t"))
    }

    /// Worked out by hand: Payments' timeout changed, Fraud came, Books was renamed Ledger (same
    /// kind, attributes and interactions), Legacy and its two interactions went. The charge
    /// still retries without backoff (the same finding, not reported); the timeout inversion
    /// under `checkout` changed its numbers (9s → 6s, so one resolved and one new), and the
    /// queue's two findings went with it.
    @Test func theTextReport() {
        let text = DiffTextWriter().write(Self.pair.diff)
        #expect(text == """
            diff old.baton new.baton

            Participants
              ~ service Payments  new.baton:3
                  timeout: 2s → 1s
              + service Fraud  new.baton:4
                  timeout: 1s
              > store Ledger (was Books)  new.baton:5
              - queue Legacy  old.baton:4
                  ttl: 1h

            Interactions
              + Shop -> Fraud : score  new.baton:8
                  flow: (top-level steps)
                  inside: Shopper -> Shop : checkout
              - Shop ->> Legacy : order placed  old.baton:9
                  flow: (top-level steps)
                  inside: Shopper -> Shop : checkout
              - Shop <- Legacy : replay  old.baton:11
                  flow: (top-level steps)
                  timeout: 1s

            Findings
              new warning[timeout-inversion] new.baton:9:3: worst-case wait 6s of the block of 'Shopper -> Shop : checkout' exceeds its timeout 5s (the timeout of 'Shop'): 'Shop <- Ledger : read stock' waits 1s (the timeout) after 5s of earlier steps
              resolved warning[missing-dead-letter] old.baton:4:1: queue 'Legacy' delivers at least once to 'Shop' but has no dead-letter queue: a message that always fails is redelivered forever
              resolved warning[timeout-inversion] old.baton:7:3: worst-case wait 9s of the block of 'Shopper -> Shop : checkout' exceeds its timeout 5s (the timeout of 'Shop'): 'Shop -> Payments : charge' waits 4 attempts × 2s timeout of 'Payments' = 8s
              resolved warning[duplicate-delivery] old.baton:11:1: 'Legacy' delivers at least once, but 'Shop' handles 'replay' without being idempotent: a redelivered message is processed twice

            1 participant added, 1 removed, 1 renamed, 1 changed; 1 interaction added, 2 removed; 1 new finding, 3 resolved

            """)
        #expect(!text.contains("\u{1B}["))
        let colored = DiffTextWriter(color: true).write(Self.pair.diff)
        #expect(colored.contains("\u{1B}[32m+ service Fraud\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[31m- queue Legacy\u{1B}[0m"))
    }

    @Test func equalDesignsSaySo() {
        let same = Differ.diff(old: side(Self.old, path: "a.baton"), new: side(Self.old, path: "b.baton"), workingDirectory: "/t")
        #expect(DiffTextWriter().write(same) == "diff a.baton b.baton\nno semantic differences\n")
        #expect(DiffMarkdownWriter.write(same) == "## Design changes: a\\.baton → b\\.baton\n\nNo semantic differences.\n")
    }

    @Test func theMarkdownReportHasATablePerSection() {
        let markdown = DiffMarkdownWriter.write(Self.pair.diff)
        #expect(markdown.hasPrefix("## Design changes: old\\.baton → new\\.baton\n\n**1 participant added, 1 removed, 1 renamed, 1 changed;"))
        #expect(markdown.contains("### Participants\n\n| Change | Participant | Kind | Details |\n|---|---|---|---|\n"))
        #expect(markdown.contains("| renamed | Ledger (was Books) | store |   |\n"))
        #expect(markdown.contains("| changed | Payments | service | timeout: 2s → 1s |\n"))
        #expect(markdown.contains("### Interactions\n\n| Change | Interaction | Details |\n"))
        #expect(markdown.contains("| added | Shop \\-\\> Fraud \\: score | flow: \\(top\\-level steps\\)<br>inside: Shopper \\-\\> Shop \\: checkout |"))
        #expect(markdown.contains("### Findings\n"))
        #expect(!markdown.contains("<details>"), "short tables are not folded")
    }

    /// Long tables fold into <details>; text from the design cannot add markup or break a cell.
    @Test func longTablesFoldAndTextIsEscaped() {
        let many = (1...12).map { "service S\($0)" }.joined(separator: "\n")
        let tricky = "service A \"a | b <img src=x> *bold* [l](u)\"\nservice B [timeout=1s]\nA -> B : \"`x` | y\"\n"
        let result = Differ.diff(old: side(tricky, path: "o.baton"), new: side(tricky.replacingOccurrences(of: "timeout=1s", with: "timeout=2s") + many, path: "n.baton"),
                                 workingDirectory: "/t")
        let markdown = DiffMarkdownWriter.write(result)
        #expect(markdown.contains("<details><summary>13 participants</summary>\n\n| Change |"))
        #expect(markdown.contains("\n</details>\n"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("| b"))
        let text = DiffTextWriter().write(result)
        #expect(text.contains("+ service S12"))
    }

    @Test func theJSONReportKeepsItsShape() throws {
        let json = try JSONValue.parse(DiffJSONWriter.write([Self.pair.diff]))
        #expect(json["version"]?.numberValue == 1)
        #expect(json["equal"]?.boolValue == false)
        let design = try #require(json["designs"]?.arrayValue?.first)
        #expect(design.objectValue?.map(\.0) == ["old", "new", "equal", "summary", "design", "participants", "interactions", "groups",
                                                 "flows", "scenarios", "findings", "metrics"])
        let payments = try #require(design["participants"]?.arrayValue?.first)
        #expect(payments.objectValue?.map(\.0) == ["change", "name", "oldName", "kind", "occurrence", "attributes", "oldLocation", "newLocation"])
        #expect(payments["change"]?.stringValue == "changed")
        #expect(payments["attributes"]?.arrayValue?.first?["old"]?.stringValue == "2s")
        #expect(payments["newLocation"]?["line"]?.numberValue == 3)
        #expect(design["summary"]?["participants"]?["renamed"]?.numberValue == 1)
        let finding = try #require(design["findings"]?["new"]?.arrayValue?.first)
        let fingerprint = try #require(finding["fingerprint"]?.stringValue)
        #expect(fingerprint.count == 18 && fingerprint.hasSuffix(":1"), "\(fingerprint)")
    }

    /// Infinite numbers are "unbounded" in JSON and text.
    @Test func unboundedNumbers() throws {
        let old = "service A\nservice B [timeout=1s, idempotent]\nA -> B : call [retries=2, backoff=exponential, jitter]\n"
        let new = old.replacingOccurrences(of: "retries=2", with: "retries=unbounded")
        let result = Differ.diff(old: side(old, path: "o.baton"), new: side(new, path: "n.baton"), workingDirectory: "/t")
        let metrics = result.metrics.map { "\($0.metric.rawValue) \($0.oldText) → \($0.newText)" }
        #expect(metrics == ["worstCaseWait 3s → unbounded", "amplification 3 → unbounded"])
        let json = try JSONValue.parse(DiffJSONWriter.write([result]))
        let first = try #require(json["designs"]?.arrayValue?.first?["metrics"]?.arrayValue?.first)
        #expect(first["old"]?.numberValue == 3)
        #expect(first["new"]?.stringValue == "unbounded")
    }

    // MARK: - The diagram

    @Test func theDiagramMarksEveryElement() throws {
        let (old, new, diff) = Self.pair
        let scene = try DiffDiagram.scene(old: old, new: new, diff: diff, options: DiffDiagram.Options())
        var classes: [String: String] = [:]
        func visit(_ items: [SceneItem]) {
            for case .group(let group) in items {
                if let id = group.id, group.marker != nil { classes[id] = group.classes }
                visit(group.items)
            }
        }
        visit(scene.items)
        // Participants: the new design's five, then the removed queue.
        #expect(classes["p0"] == "participant client diff-unchanged")
        #expect(classes["p2"] == "participant service diff-changed")
        #expect(classes["p3"] == "participant service diff-added")
        #expect(classes["p4"] == "participant store diff-changed", "renamed")
        #expect(classes["p5"] == "participant queue diff-removed")
        let edges = classes.filter { $0.key.hasPrefix("e") }.values.sorted()
        #expect(edges == [
            "interaction send diff-removed", "interaction call diff-added", "interaction call diff-unchanged",
            "interaction call diff-unchanged", "interaction fetch diff-removed", "interaction fetch diff-unchanged",
        ].sorted(), "\(edges)")
        // The renamed store says what it was called; the title names both designs.
        #expect(scene.textBlocks.contains { $0.lines.joined(separator: " ").contains("Ledger (was Books)") })
        #expect(scene.textBlocks.first?.lines.joined(separator: " ") == "new: old.baton → new.baton")
        // The roles are the diff's own, so the theme paints them.
        #expect(scene.shapes.contains { $0.role == .diffParticipant(.removed, .queue) })
        #expect(scene.lines.contains { $0.role == .diffLine(.added, .call) })
        #expect(scene.textBlocks.contains { $0.role == .legendTitle && $0.lines == ["Key: what changed from the old design to the new one"] })
        // Everything lies on the canvas.
        for item in scene.items {
            #expect(item.bounds.maxX <= scene.size.width + 0.5 && item.bounds.maxY <= scene.size.height + 0.5)
        }
    }

    @Test(arguments: Theme.Name.allCases)
    func theSVGPaintsTheMarksInBothThemes(_ theme: Theme.Name) throws {
        let (old, new, diff) = Self.pair
        let svg = try DiffDiagram.svg(old: old, new: new, diff: diff, options: DiffDiagram.Options(theme: theme))
        let colors = Theme.named(theme).diff
        for mark in DiffMark.allCases {
            #expect(svg.contains("stroke=\"\(colors[mark].stroke)\""), "\(theme) \(mark)")
        }
        #expect(svg.contains("fill=\"\(colors.removed.fill)\""))
        #expect(svg.contains("stroke-dasharray=\"4 3\""), "removed lines and outlines are dashed")
        #expect(svg.contains("class=\"participant queue diff-removed\""))
        // Deterministic, and the two themes get different ids.
        #expect(svg == (try DiffDiagram.svg(old: old, new: new, diff: diff, options: DiffDiagram.Options(theme: theme))))
        let other = try DiffDiagram.svg(old: old, new: new, diff: diff, options: DiffDiagram.Options(theme: theme == .light ? .dark : .light))
        #expect(svg.split(separator: "\n").first != other.split(separator: "\n").first)
    }
}
