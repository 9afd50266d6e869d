// What a newcomer runs into in the first hour, each tried the way they would try it (options
// typed before the command, a brace on its own line, a number out of range, a path that is not
// a readable design), and the message that says what is wrong and what to do instead.

import BatonTestSupport
import Foundation
import Testing

@Suite struct FirstStepsTests {
    static let design = "service A\nservice B\nA -> B : x\n"

    // MARK: - A brace on its own line

    @Test func aBraceOnTheNextLineSaysWhereItBelongs() throws {
        let text = "service A\nservice B\nservice C\nA -> B : x\n{\n  B -> D : y\n}\n"
        let result = try BatonExecutable.run(["check", "-"], input: Data(text.utf8))
        #expect(result.status == 1)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.contains("<stdin>:5:1: error[syntax]: '{' must be on the same line as its interaction"))
        #expect(result.standardOutput.contains("= help: a block starts on the same line as its interaction: A -> B : x {"))
        // The block is read as the interaction's: the undeclared D inside it is found too.
        #expect(result.standardOutput.contains("<stdin>:6:8: error[undeclared-name]"))
        #expect(result.standardOutput.contains("2 errors in 1 file"))
    }

    // MARK: - Numbers out of range

    /// Attribute values name the bound they cross: "at most" when too large, "at least" when
    /// too small, and a fraction is not a count whatever its size.
    @Test(arguments: [
        ("service A [availability=150%]", "'availability' must be at most 100%, not 150%"),
        ("service A [availability=0%]", "'availability' must be above 0%, not 0%"),
        ("service A [concurrency=0]", "'concurrency' must be at least 1, not 0"),
        ("service A [concurrency=1000000000000]", "'concurrency' must be at most 999999999999"),
        ("queue Q [capacity=0]", "'capacity' must be at least 1, not 0"),
        ("queue Q [capacity=2.5]", "'capacity' takes a whole number or 'unbounded', not 2.5"),
    ])
    func attributeBoundsAreTheOnesCrossed(_ declaration: String, _ message: String) throws {
        let result = try BatonExecutable.run(["check", "-"], input: Data((declaration + "\n").utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error[invalid-attribute-value]: \(message)\n"), "\(result.standardOutput)")
    }
}
