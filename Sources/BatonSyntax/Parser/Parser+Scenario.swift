// Scenarios: `scenario "Name" [duration=10m] { … }` and its `load`, `fault` and `expect` lines.
//
// The words of a scenario line (`load`, `from`, `down`, `goodput`, …) are not keywords: they are
// names the parser recognises by position, so they stay free as participant names everywhere
// (`fault load down …` is a fault on a participant called `load`). After the first word each
// line is lexed in `.scenario` mode, where quantities, signs and comparisons are tokens.
//
// Values are checked here only for their kind (a rate, a time, a percentage); whether they are
// in range, and whether names exist, is the model builder's business, so that a scenario given
// on the command line gets the same messages.

extension BatonParser {
    /// The words that start a scenario line (not keywords: see above), for editors that
    /// complete them.
    public static var scenarioLineWords: [String] { Parser.scenarioLineWords }
    /// What a fault does to its participant.
    public static var faultEffectWords: [String] { Parser.faultEffectWords }
    /// What an `expect` line measures.
    public static var expectationWords: [String] { Parser.expectationWords }
}

extension Parser {
    /// The words that start a scenario line.
    static let scenarioLineWords = ["load", "fault", "expect"]
    /// What a fault does to its participant.
    static let faultEffectWords = ["down", "hang", "slow", "errors", "capacity"]
    /// What an `expect` line measures.
    static var expectationWords: [String] {
        ["goodput"] + ExpectSyntax.percentiles.map(\.word) + ["amplification", "recovers", "queue"]
    }

    mutating func parseScenario() -> ScenarioSyntax? {
        let start = token.start
        advance()
        guard let name = parseQuotedName(of: "scenario", example: "scenario \"Peak hour\" [duration=10m] { load 40/s }")
        else { return nil }
        let attributes = parseOptionalAttributes()
        let headSpan = span(from: start)
        guard !panicking else { return nil }
        guard token.kind == .leftBrace
            || braceOnNextLine(after: headSpan, of: "scenario", "scenario \"\(name.value)\" … {")
        else {
            failExpected("'{' to open the scenario", help: "scenario \"\(name.value)\" [duration=10m] { load 40/s }")
            return nil
        }
        var lines: [ScenarioLineSyntax] = []
        parseBraces { parser in
            if let line = parser.parseScenarioLine() { lines.append(line) }
        }
        return ScenarioSyntax(name: name, attributes: attributes, lines: lines, span: headSpan, fullSpan: span(from: start))
    }

    mutating func parseScenarioLine() -> ScenarioLineSyntax? {
        let help = "a scenario holds 'load', 'fault' and 'expect' lines, such as: load 40/s from 1m to 2m"
        guard case .identifier = token.kind else {
            failExpected("'load', 'fault' or 'expect'", help: help)
            return nil
        }
        let word = tokenText
        switch word {
        case "load": return parseLoad().map(ScenarioLineSyntax.load)
        case "fault": return parseFaultLine().map(ScenarioLineSyntax.fault)
        case "expect": return parseExpect().map(ScenarioLineSyntax.expect)
        default:
            if let suggestion = Suggestion.closest(to: word, in: Self.scenarioLineWords) {
                fail("unknown scenario line '\(word)'; did you mean '\(suggestion)'?", help: help)
            } else {
                fail("expected 'load', 'fault' or 'expect', found \(tokenSummary)",
                     help: help + "; interactions belong at the top level or in a flow")
            }
            return nil
        }
    }

    // MARK: - load

    /// `load RATE [flow "Name"] [from T to T]`; the flow and the window may come in either order.
    /// Also the text of `baton simulate --load`, where the word `load` may be left out.
    mutating func parseLoad() -> LoadSyntax? {
        let start = token.start
        if tokenIsIdentifier("load") { advance(.scenario) }
        guard let rate = quantity("a rate such as 40/s after 'load'", { kind in
            if case .rate(let value) = kind { return value }
            return nil
        }, unitHelp: { "add a time unit: load \($0)/s" }) else { return nil }
        var flow: StringLiteral?
        var window: WindowSyntax?
        while !isAtStatementEnd {
            if token.kind == .keyword(.flow), flow == nil {
                advance(.scenario)
                switch token.kind {
                case .string:
                    flow = StringLiteral(value: tokenString, span: tokenSpan)
                    advance(.scenario)
                case .identifier:
                    let value = tokenText
                    report("a flow name is a string", at: tokenSpan, help: "write it in quotes: flow \"\(value)\"")
                    flow = StringLiteral(value: value, span: tokenSpan)
                    advance(.scenario)
                default:
                    failExpected("a quoted flow name after 'flow'", help: "load 20/s flow \"Refunds\"")
                    return nil
                }
            } else if tokenIsIdentifier("from"), window == nil {
                guard let parsed = parseWindow() else { return nil }
                window = parsed
            } else {
                var expected: [String] = []
                if flow == nil { expected.append("'flow \"Name\"'") }
                if window == nil { expected.append("'from … to …'") }
                failExpected((expected + ["the end of the line"]).joined(separator: ", "))
                return nil
            }
        }
        return LoadSyntax(rate: rate, flow: flow, window: window, span: span(from: start))
    }

    // MARK: - fault

    /// `fault NAME down|hang|slow xK|errors P%|capacity P% from T to T`. Also the whole text of
    /// `baton simulate --fault`, where the word `fault` may be left out.
    mutating func parseFaultLine() -> FaultSyntax? {
        let start = token.start
        if tokenIsIdentifier("fault") { advance(.scenario) }
        guard let participant = parseName("the name of the participant the fault acts on", next: .scenario) else { return nil }
        let effectStart = token.start
        let help = "a fault is down, hang, slow x10, errors 30% or capacity 25%, then its window: fault \(participant.name) down from 4m to 5m"
        guard case .identifier = token.kind else {
            failExpected("what happens to '\(participant.name)': down, hang, slow, errors or capacity", help: help)
            return nil
        }
        let word = tokenText
        let effect: FaultSyntax.Effect
        switch word {
        case "down":
            advance(.scenario)
            effect = .down
        case "hang":
            advance(.scenario)
            effect = .hang
        case "slow":
            advanceToFactor()
            guard let factor = quantity("a factor such as x10 after 'slow'", { kind in
                if case .number(let value) = kind { return value }
                return nil
            }) else { return nil }
            effect = .slow(factor)
        case "errors", "capacity":
            advance(.scenario)
            let example = word == "errors" ? "30" : "25"
            guard let percent = quantity("a percentage such as \(example)% after '\(word)'", { kind in
                if case .percent(let value) = kind { return value }
                return nil
            }, unitHelp: { "write it as a percentage: \(word) \($0)%" }) else { return nil }
            effect = word == "errors" ? .errors(percent) : .capacity(percent)
        default:
            if let suggestion = Suggestion.closest(to: word, in: Self.faultEffectWords) {
                fail("unknown fault '\(word)'; did you mean '\(suggestion)'?", help: help)
            } else {
                failExpected("what happens to '\(participant.name)': down, hang, slow, errors or capacity", help: help)
            }
            return nil
        }
        let effectSpan = span(from: effectStart)
        guard tokenIsIdentifier("from") else {
            let written = String(decoding: lexer.bytes[effectSpan.start..<effectSpan.end], as: UTF8.self)
            failExpected("'from' and the fault's window", help: "a fault has a window: fault \(participant.name) \(written) from 4m to 5m")
            return nil
        }
        guard let window = parseWindow() else { return nil }
        return FaultSyntax(participant: participant, effect: effect, effectSpan: effectSpan, window: window,
                           span: span(from: start))
    }

    /// `from T to T`, at `from`.
    mutating func parseWindow() -> WindowSyntax? {
        let start = token.start
        advance(.scenario)
        guard let from = time(after: "from") else { return nil }
        guard tokenIsIdentifier("to") else {
            failExpected("'to' and the end of the window", help: "a window reads: from 4m to 5m")
            return nil
        }
        advance(.scenario)
        guard let to = time(after: "to") else { return nil }
        return WindowSyntax(from: from, to: to, span: span(from: start))
    }

    // MARK: - expect

    mutating func parseExpect() -> ExpectSyntax? {
        let start = token.start
        advance(.scenario)
        let help = "expect goodput, a percentile (p50, p90, p95, p99, p999), amplification, recovers or queue, such as: expect p99 <= 2s"
        let word: String
        switch token.kind {
        case .identifier: word = tokenText
        case .keyword(.queue): word = "queue"
        default:
            failExpected("what to expect after 'expect'", help: help)
            return nil
        }
        let measure: ExpectSyntax.Measure
        switch word {
        case "goodput":
            advance(.scenario)
            guard let comparison = comparison(),
                  let percent = quantity("a percentage such as 95% after '\(comparison.comparison.rawValue)'", { kind in
                      if case .percent(let value) = kind { return value }
                      return nil
                  }, unitHelp: { "write it as a percentage: \($0)%" })
            else { return nil }
            var after: QuantitySyntax?
            if tokenIsIdentifier("after") {
                advance(.scenario)
                guard let time = time(after: "after") else { return nil }
                after = time
            }
            measure = .goodput(comparison, percent: percent, after: after)
        case "amplification":
            advance(.scenario)
            var initiator: Identifier?
            if case .identifier = token.kind {
                let name = tokenText
                initiator = Identifier(name: name, span: tokenSpan)
                advance(.scenario)
                guard case .string = token.kind else {
                    failExpected("the quoted label of an interaction '\(name)' initiates",
                                 help: "name an interaction by its label, and its initiator if the label is shared: expect amplification \(name) \"createPayment\" <= 1.5")
                    return nil
                }
            }
            let label = parseOptionalString(next: .scenario)
            guard let comparison = comparison(),
                  let value = quantity("a number such as 1.5 after '\(comparison.comparison.rawValue)'", { kind in
                      if case .number(let value) = kind { return value }
                      return nil
                  })
            else { return nil }
            measure = .amplification(initiator: initiator, label: label, comparison, value: value)
        case "recovers":
            advance(.scenario)
            guard tokenIsIdentifier("within") else {
                failExpected("'within' and a duration", help: "expect recovers within 30s")
                return nil
            }
            advance(.scenario)
            guard let within = time(after: "within") else { return nil }
            measure = .recovers(within: within)
        case "queue":
            advance(.scenario)
            guard let channel = parseName("the name of a queue or topic", next: .scenario) else { return nil }
            guard tokenIsIdentifier("max") else {
                failExpected("'max' and a number", help: "expect queue \(channel.name) max 100")
                return nil
            }
            advance(.scenario)
            guard let max = quantity("a number of messages after 'max'", { kind in
                if case .number(let value) = kind { return value }
                return nil
            }) else { return nil }
            measure = .queueMax(channel, max: max)
        default:
            guard ExpectSyntax.percentiles.contains(where: { $0.word == word }) else {
                if let suggestion = Suggestion.closest(to: word, in: Self.expectationWords) {
                    fail("cannot expect '\(word)'; did you mean '\(suggestion)'?", help: help)
                } else {
                    fail("cannot expect '\(word)'", help: help)
                }
                return nil
            }
            let percentile = Identifier(name: word, span: tokenSpan)
            advance(.scenario)
            let flow = parseOptionalString(next: .scenario)
            guard let comparison = comparison(),
                  let seconds = quantity("a duration such as 2s after '\(comparison.comparison.rawValue)'", { kind in
                      if case .duration(let value) = kind { return value }
                      return nil
                  }, unitHelp: { "add a unit: \($0)s or \($0)ms" })
            else { return nil }
            measure = .percentile(percentile, flow: flow, comparison, seconds: seconds)
        }
        return ExpectSyntax(measure: measure, span: span(from: start))
    }

    // MARK: - Pieces

    mutating func comparison() -> ComparisonSyntax? {
        guard case .comparison(let comparison) = token.kind else {
            failExpected("a comparison: '<=', '<', '>=' or '>'")
            return nil
        }
        let result = ComparisonSyntax(comparison: comparison, span: tokenSpan)
        advance(.scenario)
        return result
    }

    /// A time after `word` (`from`, `to`, `after`, `within`): a duration.
    mutating func time(after word: String) -> QuantitySyntax? {
        quantity("a time such as 4m or 3m5s after '\(word)'", { kind in
            if case .duration(let value) = kind { return value }
            return nil
        }, unitHelp: { "add a unit: \(word) \($0)s or \(word) \($0)m" })
    }

    /// The current token as a quantity that `pick` accepts, consumed. Otherwise one error (none
    /// more when the token's own lexical error was reported) and nil. `unitHelp` turns the text
    /// of a plain number into the help for a missing unit.
    mutating func quantity(_ expected: String, _ pick: (LexedKind) -> Double?,
                           unitHelp: ((String) -> String)? = nil) -> QuantitySyntax? {
        guard !token.hasError, let value = pick(token.kind) else {
            if case .number(let number) = token.kind, let unitHelp {
                failExpected(expected, help: unitHelp(LiteralFormat.number(number)))
            } else {
                failExpected(expected)
            }
            return nil
        }
        let quantity = QuantitySyntax(value: value, span: tokenSpan)
        advance(.scenario)
        return quantity
    }

    /// Consumes the word `slow` and lexes the factor after it (`x10`).
    mutating func advanceToFactor() {
        previousEnd = token.end
        token = lexer.lexFactor()
        if let message = tokenError { report(message, at: tokenSpan) }
    }
}

// MARK: - Command-line pieces

extension BatonParser {
    /// What `baton simulate --fault` says: one fault line, with or without the word `fault`
    /// (`Stripe down from 1m to 2m`). Nil with the syntax errors when it is not one.
    public static func parseFault(_ source: SourceFile) -> (fault: FaultSyntax?, diagnostics: [Diagnostic]) {
        parsePiece(source, "fault") { $0.parseFaultLine() }
    }

    /// What `baton simulate --load` says: a rate, optionally with a flow and a window
    /// (`40/s`, `20/s flow "Refunds"`), with or without the word `load`.
    public static func parseLoad(_ source: SourceFile) -> (load: LoadSyntax?, diagnostics: [Diagnostic]) {
        parsePiece(source, "load") { $0.parseLoad() }
    }

    /// What `baton simulate --duration` says: a duration such as `10m` or `1h30m`.
    public static func parseDuration(_ source: SourceFile) -> (duration: QuantitySyntax?, diagnostics: [Diagnostic]) {
        parsePiece(source, "duration") { parser in
            parser.quantity("a duration such as 10m", { kind in
                if case .duration(let value) = kind { return value }
                return nil
            }, unitHelp: { "add a unit: \($0)s or \($0)m" })
        }
    }

    /// Parses a whole source as one scenario piece: lexed as a scenario line from its first
    /// token, and nothing may follow.
    static func parsePiece<Piece>(_ source: SourceFile, _ what: String,
                                  _ parse: (inout Parser) -> Piece?) -> (Piece?, [Diagnostic]) {
        var parser = Parser(source: source, maxDepth: defaultMaxDepth, mode: .scenario)
        var piece: Piece?
        if parser.token.kind == .endOfFile {
            parser.failExpected("a \(what)")
        } else {
            piece = parse(&parser)
            if !parser.panicking, parser.token.kind != .endOfFile {
                parser.failExpected("the end of the \(what)")
            }
        }
        var diagnostics = parser.diagnostics.diagnostics
        diagnostics.append(contentsOf: encodingDiagnostics(source))
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : piece, diagnostics)
    }
}
