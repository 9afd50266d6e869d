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
}
