import BatonTestSupport
import Foundation
import Testing

/// docs/diff.md shows real output: each block marked `<!-- output of: baton diff … -->` is what
/// that command prints in docs/images, and the pictures are what `--to svg` draws there.
@Suite struct DiffDocsTests {
    static let page = Golden.packageRoot().appendingPathComponent("docs/diff.md")
    static let images = Golden.packageRoot().appendingPathComponent("docs/images")

    /// Each marked command and the fenced block after it.
    static func examples() throws -> [(arguments: [String], shown: String)] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var examples: [(arguments: [String], shown: String)] = []
        let lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("<!-- output of: baton diff ") {
            let command = line.dropFirst("<!-- output of: baton ".count).dropLast(" -->".count)
            guard index + 1 < lines.count, lines[index + 1].hasPrefix("```") else { continue }
            let body = lines[(index + 2)...].prefix { $0 != "```" }
            examples.append((command.split(separator: " ").map(String.init), body.joined(separator: "\n") + "\n"))
        }
        return examples
    }

    @Test func theExamplesAreWhatTheCommandPrints() throws {
        let examples = try Self.examples()
        #expect(examples.map { $0.arguments.dropLast(2).joined(separator: " ") } == ["diff", "diff --format markdown", "diff --format json"])
        for example in examples {
            let result = try BatonExecutable.run(example.arguments, directory: Self.images)
            #expect(result.status == 1, "the example designs differ")
            #expect(result.standardOutput == example.shown, "docs/diff.md does not show the output of baton \(example.arguments.joined(separator: " "))")
        }
    }

    @Test(arguments: ["light", "dark"])
    func thePicturesAreWhatTheDiagramDraws(_ theme: String) throws {
        let file = "diff-checkout\(theme == "dark" ? ".dark" : "").svg"
        let result = try BatonExecutable.run(["diff", "diff-before.baton", "diff-after.baton", "--to", "svg", "--theme", theme],
                                             directory: Self.images)
        #expect(result.status == 1)
        let committed = try String(contentsOf: Self.images.appendingPathComponent(file), encoding: .utf8)
        #expect(committed == result.standardOutput, "docs/images/\(file) is stale: run scripts/render-docs-images.sh")
        #expect(try String(contentsOf: Self.page, encoding: .utf8).contains("images/\(file)"))
    }
}
