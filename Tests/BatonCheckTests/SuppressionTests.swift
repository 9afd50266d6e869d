import BatonCheck
import BatonSyntax
import BatonTestSupport
import Testing

struct SuppressionTests {
    static let design = """
        service A
        service B [timeout=1s]
        """

    func codes(_ source: String, configuration: Configuration = .defaults) -> [String] {
        let (compilation, diagnostics) = check(source, configuration: configuration)
        return expectations(diagnostics, compilation)
    }

    @Test func ownLineCommentSuppressesTheNextStatement() {
        let source = """
            service A
            service B
            # baton:ignore missing-timeout -- B answers from memory
            A -> B : first
            A -> B : second
            """
        #expect(codes(source) == ["missing-timeout @ 5"])
    }

    @Test func ownLineCommentSkipsFurtherComments() {
        let source = """
            service A
            service B
            # baton:ignore missing-timeout -- B answers from memory
            # (measured in production)

            A -> B : first
            """
        #expect(codes(source) == [])
    }

    @Test func trailingCommentSuppressesItsStatement() {
        let source = """
            service A
            service B
            A -> B : first  # baton:ignore missing-timeout -- reason
            A -> B : second
            """
        #expect(codes(source) == ["missing-timeout @ 4"])
    }

    @Test func trailingCommentOnTheLastLineOfAMultiLineStatement() {
        let source = """
            service A
            service B
            A -> B : first [latency=1s,
                            budget=2s]  # baton:ignore missing-timeout
            """
        #expect(codes(source) == [])
    }

    @Test func trailingCommentOnAStatementWithABlock() {
        let source = """
            service A
            service B
            service C
            A -> B : outer {  # baton:ignore missing-timeout
              B -> C : inner
            }
            """
        #expect(codes(source) == ["missing-timeout @ 5"])
    }

    @Test func severalRulesInOneComment() {
        let source = """
            service A
            external B
            # baton:ignore missing-timeout, external-without-breaker -- a test double
            A -> B : call
            """
        #expect(codes(source) == [])
    }

    @Test func fileLevelSuppression() {
        let source = """
            # baton:ignore-file missing-timeout -- latency does not matter here
            service A
            service B
            A -> B : first
            A -> B : second
            """
        #expect(codes(source) == [])
    }

    @Test func participantFindingsAreSuppressedAtTheDeclaration() {
        let source = """
            service A
            service B [timeout=1s]
            # baton:ignore unused-participant -- kept for the next release
            service Later
            A -> B : call
            """
        #expect(codes(source) == [])
    }

    @Test func unusedSuppressionIsReportedAtTheRuleId() throws {
        let source = """
            service A
            service B [timeout=1s]
            # baton:ignore missing-timeout -- stale
            A -> B : call
            """
        let (compilation, diagnostics) = check(source)
        #expect(expectations(diagnostics, compilation) == ["unused-suppression @ 3"])
        let diagnostic = try #require(diagnostics.first)
        #expect(compilation.sources[diagnostic.span.file].text(of: diagnostic.span) == "missing-timeout")
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("suppresses nothing"))
    }

    @Test func onlyTheUnusedRuleOfAListIsReported() {
        let source = """
            service A
            service B
            # baton:ignore missing-timeout, fan-out -- one of them is stale
            A -> B : call
            """
        #expect(codes(source) == ["unused-suppression @ 3"])
    }

    @Test func unknownRuleGetsADidYouMean() throws {
        let source = """
            service A
            service B
            A -> B : call  # baton:ignore missing-timout
            """
        let (compilation, diagnostics) = check(source)
        #expect(expectations(diagnostics, compilation) == ["missing-timeout @ 3", "unused-suppression @ 3"])
        let unknown = try #require(diagnostics.first { $0.code == "unused-suppression" })
        #expect(unknown.message.contains("unknown rule 'missing-timout'"))
        #expect(unknown.help == "did you mean 'missing-timeout'?")
    }

    @Test func misspeltDirective() throws {
        let source = """
            service A
            service B [timeout=1s]
            A -> B : call  # baton:ignroe missing-timeout
            """
        let (_, diagnostics) = check(source)
        let problem = try #require(diagnostics.first)
        #expect(problem.code == "unused-suppression")
        #expect(problem.help == "did you mean 'baton:ignore'?")
    }

    @Test func ordinaryCommentsAreNotDirectives() {
        let source = """
            # baton: this design shows the checkout
            # the baton:ignore syntax is described in docs/configuration.md
            service A
            service B [timeout=1s]
            A -> B : call
            """
        #expect(codes(source) == [])
    }

    @Test func compileErrorsCannotBeSuppressed() {
        let source = """
            service A
            # baton:ignore undeclared-name
            A -> Nobody : call
            """
        let (compilation, diagnostics) = check(source)
        #expect(expectations(diagnostics, compilation) == ["undeclared-name @ 3"])
    }

    @Test func namingACompileErrorOrUnusedSuppressionIsReported() {
        let source = """
            service A
            service B [timeout=1s]
            A -> B : call  # baton:ignore syntax, unused-suppression
            """
        #expect(codes(source) == ["unused-suppression @ 3", "unused-suppression @ 3"])
    }

    @Test func unusedSuppressionIsConfigurable() {
        let source = """
            service A
            service B [timeout=1s]
            A -> B : call  # baton:ignore missing-timeout
            """
        #expect(codes(source, configuration: Configuration(rules: ["unused-suppression": .init(severity: .off)])) == [])
        let (_, diagnostics) = check(source, configuration: Configuration(rules: ["unused-suppression": .init(severity: .error)]))
        #expect(diagnostics.map(\.severity) == [.error])
    }

    @Test func suppressionsOfRulesTurnedOffAreNotUnused() {
        let source = """
            service A
            service B
            A -> B : call  # baton:ignore missing-timeout
            """
        #expect(codes(source, configuration: Configuration(rules: ["missing-timeout": .init(severity: .off)])) == [])
    }

    @Test func directiveWithoutRules() {
        let source = """
            service A
            service B [timeout=1s]
            A -> B : call  # baton:ignore -- no rule given
            """
        #expect(codes(source) == ["unused-suppression @ 3"])
    }
}
