import BatonJSON
import BatonSyntax

/// `textDocument/foldingRange`: every brace block (groups, flows, interaction blocks, each
/// branch of a fragment, scenarios), runs of comment lines and runs of imports, from the syntax
/// alone. A fold ends on the line before its closing brace, so the brace stays visible, as
/// editors fold code.
public enum FoldingRanges {
    public struct Fold: Hashable, Sendable {
        /// Zero-based lines.
        public var startLine: Int
        public var endLine: Int
        /// "comment", "imports" or nil for a region of code.
        public var kind: String?

        public var json: JSONValue {
            var members: [(String, JSONValue)] = [("startLine", .int(startLine)), ("endLine", .int(endLine))]
            if let kind { members.append(("kind", .string(kind))) }
            return .object(members)
        }
    }

    public static func folds(of bytes: [UInt8]) -> [Fold] {
        let source = SourceFile(id: FileID(0), path: "<document>", bytes: bytes)
        return folds(of: BatonParser.parse(source).syntax, lines: LineIndex(source: source))
    }

    public static func folds(of syntax: SyntaxFile, lines: LineIndex) -> [Fold] {
        var folds: [Fold] = []
        /// A block from `start` to its closing brace at `end - 1`.
        func block(from start: Int, closingAt end: Int, kind: String? = nil) {
            let first = lines.line(containing: start)
            let closing = lines.line(containing: max(start, end - 1))
            // The closing brace's line stays visible; a brace on the last content line folds it too.
            let last = closing - 1
            if last > first { folds.append(Fold(startLine: first, endLine: last, kind: kind)) }
        }
        func walk(_ steps: [StepSyntax]) {
            for step in steps {
                switch step {
                case .interaction(let interaction):
                    if let body = interaction.block {
                        block(from: interaction.span.start, closingAt: body.span.end)
                        walk(body.steps)
                    }
                case .fragment(let fragment):
                    for branch in fragment.branches {
                        block(from: branch.keywordSpan.start, closingAt: branch.block.span.end)
                        walk(branch.block.steps)
                    }
                case .note:
                    continue
                }
            }
        }
        func fold(_ group: GroupSyntax) {
            block(from: group.span.start, closingAt: group.fullSpan.end)
            for case .group(let inner) in group.members { fold(inner) }
        }
        var importLines: [Int] = []
        for statement in syntax.statements {
            switch statement {
            case .group(let syntax): fold(syntax)
            case .flow(let flow):
                block(from: flow.span.start, closingAt: flow.fullSpan.end)
                walk(flow.steps)
            case .scenario(let scenario): block(from: scenario.span.start, closingAt: scenario.fullSpan.end)
            case .step(let step): walk([step])
            case .importFile(let statement): importLines.append(lines.line(containing: statement.span.start))
            case .title, .declaration: continue
            }
        }
        folds += runs(of: importLines, kind: "imports")
        folds += runs(of: syntax.comments.filter(\.isOwnLine).map { lines.line(containing: $0.span.start) }, kind: "comment")
        return folds.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
    }

    /// Runs of two or more consecutive lines.
    static func runs(of lineNumbers: [Int], kind: String) -> [Fold] {
        var folds: [Fold] = []
        var start: Int?
        var previous = Int.min
        for line in lineNumbers.sorted() {
            if line == previous { continue }
            if line != previous + 1 {
                if let start, previous > start { folds.append(Fold(startLine: start, endLine: previous, kind: kind)) }
                start = line
            }
            previous = line
        }
        if let start, previous > start { folds.append(Fold(startLine: start, endLine: previous, kind: kind)) }
        return folds
    }
}
