@testable import BatonSyntax
import Testing

/// `CompileError.isCompileError` answers from the codes' lengths first: every compile-error
/// code is one, and no other code is, whether or not a compile-error code has its length.
struct CompileErrorCodeTests {
    @Test func everyCodeAndNoOtherIsACompileError() {
        for code in CompileError.all {
            #expect(code.utf8.count < 64)
            #expect(CompileError.isCompileError(code), "\(code)")
            // The same text stored apart, and one byte changed.
            #expect(CompileError.isCompileError(String(decoding: Array(code.utf8), as: UTF8.self)))
            #expect(!CompileError.isCompileError(String(code.dropLast()) + "#"))
        }
        // Lengths of compile-error codes ("undeclared-name" is 15 bytes too) and others.
        for code in ["missing-timeout", "fan-out", "sync-cycle", "", "s", String(repeating: "x", count: 64),
                     String(repeating: "x", count: 200), "callback-without-registration", "SYNTAX"] {
            #expect(!CompileError.isCompileError(code), "\(code)")
        }
        #expect(CompileError.lengths.nonzeroBitCount == Set(CompileError.all.map(\.utf8.count)).count)
    }
}
