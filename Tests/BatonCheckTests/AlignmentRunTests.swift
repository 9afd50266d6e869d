import Baton
@testable import BatonCheck
import BatonSyntax
import Testing

/// `FixSource.alignmentRuns` splits declarations where `baton fmt` does; an own-line comment
/// between two of them is found by a binary search over the file's comments (a pass over every
/// comment for every declaration made a design with many of both quadratic).
struct AlignmentRunTests {
    @Test func anOwnLineCommentStrictlyBetweenTwoDeclarationsSplitsTheirRun() throws {
        let text = "service A; service B; service C\n"
        let syntax = try #require(Baton.compile(source: text, path: "t.baton").syntax.first)
        let declarations = syntax.statements.compactMap { statement -> DeclarationSyntax? in
            if case .declaration(let declaration) = statement { return declaration }
            return nil
        }
        #expect(declarations.count == 3)
        let source = SourceFile(id: FileID(0), path: "t.baton", text: text)
        func sizes(_ comments: [Int]) -> [Int] {
            FixSource.alignmentRuns(declarations, source: source, ownLineComments: comments).map(\.count)
        }
        let aEnd = declarations[0].span.end, bStart = declarations[1].span.start
        let bEnd = declarations[1].span.end, cStart = declarations[2].span.start
        #expect(sizes([]) == [3])
        #expect(sizes([aEnd + 1]) == [1, 2])
        #expect(sizes([bEnd + 1]) == [2, 1])
        #expect(sizes([aEnd + 1, bEnd + 1]) == [1, 1, 1])
        // At either end of the gap, or elsewhere in the file, a comment splits nothing.
        #expect(sizes([aEnd, bStart, bEnd, cStart, cStart + 100]) == [3])
    }
}
