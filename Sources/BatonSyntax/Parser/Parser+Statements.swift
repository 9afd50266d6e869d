// Top-level statements, declarations, groups and flows.

extension Parser {
    /// Where a statement appears decides what it may be.
    enum Context {
        case topLevel, group, block
    }

    mutating func parseFile() -> [Statement] {
        var statements: [Statement] = []
        statements.reserveCapacity(statementsRoom)
        interactionsBefore.reserveCapacity(statementsRoom)
        while true {
            skipSeparators()
            if case .endOfFile = token.kind { break }
            if case .rightBrace = token.kind {
                report("unexpected '}': no block is open here", at: tokenSpan)
                advance()
                continue
            }
            let before = Int32(truncatingIfNeeded: interactionCount)
            if case .identifier = token.kind {
                // A top-level step (the default flow, a design's longest list) goes into the
                // array as it is made, as in `parseStep(in:into:)`.
                if let interaction = parseInteraction() {
                    statements.append(.step(.interaction(interaction)))
                    interactionsBefore.append(before)
                }
            } else if let statement = parseTopLevelStatement() {
                if case .importFile = statement { importCount += 1 }
                statements.append(statement)
                interactionsBefore.append(before)
            }
            endStatement()
        }
        return statements
    }

    mutating func parseTopLevelStatement() -> Statement? {
        switch token.kind {
        case .keyword(.title): return parseTitle().map(Statement.title)
        case .keyword(.import): return parseImport().map(Statement.importFile)
        case .keyword(.group): return parseGroup().map(Statement.group)
        case .keyword(.flow): return parseFlow().map(Statement.flow)
        case .keyword(.scenario): return parseScenario().map(Statement.scenario)
        default:
            if let kind = participantKind(token.kind) { return parseDeclaration(kind).map(Statement.declaration) }
            return parseStep(in: .topLevel).map(Statement.step)
        }
    }

    func participantKind(_ kind: LexedKind) -> ParticipantKind? {
        if case .keyword(let keyword) = kind { return ParticipantKind(keyword: keyword) }
        return nil
    }

    // MARK: - title, import

    mutating func parseTitle() -> TitleSyntax? {
        let start = token.start
        advance()
        guard case .string = token.kind else {
            failExpected("a quoted title", help: "write the title as a string: title \"Card payments\"")
            return nil
        }
        let text = StringLiteral(value: tokenString, span: tokenSpan)
        advance()
        return TitleSyntax(text: text, span: span(from: start))
    }

    mutating func parseImport() -> ImportSyntax? {
        let start = token.start
        advance()
        guard case .string = token.kind else {
            failExpected("a quoted path", help: "write the path as a string: import \"catalog.baton\"")
            return nil
        }
        let path = StringLiteral(value: tokenString, span: tokenSpan)
        advance()
        return ImportSyntax(path: path, span: span(from: start))
    }

    // MARK: - Declarations

    /// Parses a name where a participant or group name is required; the token after it is
    /// lexed in `mode`.
    mutating func parseName(_ what: String, next mode: Lexer.Mode = .statement) -> Identifier? {
        switch token.kind {
        case .identifier:
            let identifier = Identifier(name: tokenText, span: tokenSpan)
            advance(mode)
            return identifier
        case .keyword(let keyword):
            fail("'\(keyword.rawValue)' is a keyword and cannot be \(what)",
                 help: "choose another name, for example '\(keyword.rawValue.prefix(1).uppercased())\(keyword.rawValue.dropFirst())'")
            return nil
        case .string:
            failExpected(what, help: "names are written without quotes; a quoted label may follow the name")
            return nil
        default:
            failExpected(what)
            return nil
        }
    }

    mutating func parseDeclaration(_ kind: ParticipantKind) -> DeclarationSyntax? {
        let start = token.start
        let kindSpan = tokenSpan
        advance()
        guard let name = parseName("a participant name") else { return nil }
        var label: StringLiteral?
        if case .string = token.kind {
            label = StringLiteral(value: tokenString, span: tokenSpan)
            advance()
        }
        let attributes = parseOptionalAttributes()
        if !panicking, token.kind == .leftBrace {
            fail("a participant declaration has no block",
                 help: "groups hold declarations: group Name { \(kind.rawValue) \(name.name) }")
        }
        return DeclarationSyntax(kind: kind, kindSpan: kindSpan, name: name, label: label, attributes: attributes,
                           span: span(from: start))
    }

    // MARK: - Groups

    mutating func parseGroup() -> GroupSyntax? {
        let start = token.start
        advance()
        guard let name = parseName("a group name") else { return nil }
        var label: StringLiteral?
        if case .string = token.kind {
            label = StringLiteral(value: tokenString, span: tokenSpan)
            advance()
        }
        let attributes = parseOptionalAttributes()
        let headSpan = span(from: start)
        guard !panicking else { return nil }
        guard token.kind == .leftBrace || braceOnNextLine(after: headSpan, of: "group", "group \(name.name) … {") else {
            failExpected("'{' to open the group", help: "a group lists its members in braces: group \(name.name) { service A }")
            return nil
        }
        var members: [GroupSyntax.GroupMember] = []
        parseBraces { parser in
            switch parser.token.kind {
            case .keyword(.group):
                if let group = parser.parseGroup() { members.append(.group(group)) }
            default:
                if let kind = parser.participantKind(parser.token.kind) {
                    if let declaration = parser.parseDeclaration(kind) { members.append(.declaration(declaration)) }
                } else {
                    parser.fail("a group holds participant declarations and groups only",
                                help: "write interactions at the top level or inside a flow")
                }
            }
        }
        return GroupSyntax(name: name, label: label, attributes: attributes, members: members, span: headSpan,
                     fullSpan: span(from: start))
    }

    // MARK: - Flows

    /// The quoted name after `flow` or `scenario`. A bare word is reported and taken as if
    /// quoted (the intent is clear); anything else fails the statement.
    mutating func parseQuotedName(of keyword: String, example: String) -> StringLiteral? {
        switch token.kind {
        case .string:
            defer { advance() }
            return StringLiteral(value: tokenString, span: tokenSpan)
        case .identifier:
            let value = tokenText
            report("a \(keyword) name is a string", at: tokenSpan, help: "write it in quotes: \(keyword) \"\(value)\"")
            defer { advance() }
            return StringLiteral(value: value, span: tokenSpan)
        default:
            failExpected("a quoted \(keyword) name", help: example)
            return nil
        }
    }

    mutating func parseFlow() -> FlowSyntax? {
        let start = token.start
        advance()
        guard let name = parseQuotedName(of: "flow", example: "flow \"Checkout\" { … }") else { return nil }
        let attributes = parseOptionalAttributes()
        let headSpan = span(from: start)
        guard !panicking else { return nil }
        guard token.kind == .leftBrace || braceOnNextLine(after: headSpan, of: "flow", "flow \"\(name.value)\" … {") else {
            failExpected("'{' to open the flow")
            return nil
        }
        var steps: [StepSyntax] = []
        parseBraces { parser in
            parser.parseStep(in: .block, into: &steps)
        }
        return FlowSyntax(name: name, attributes: attributes, steps: steps, span: headSpan, fullSpan: span(from: start))
    }

    // MARK: - Braces

    /// Parses `{ … }` with `statement` for each statement inside, enforcing the depth bound.
    /// The current token must be `{`. Returns the span from `{` to `}`.
    @discardableResult
    mutating func parseBraces(_ statement: (inout Parser) -> Void) -> Span {
        let open = tokenSpan
        if depth >= maxDepth {
            report("blocks are nested more than \(maxDepth) levels deep", at: open, code: CompileError.nestingTooDeep,
                   help: "flatten the design: split deep call trees into separate flows")
            skipBalancedBraces()
            return span(from: open.start)
        }
        depth += 1
        defer { depth -= 1 }
        advance()
        while true {
            skipSeparators()
            switch token.kind {
            case .rightBrace:
                advance()
                return span(from: open.start)
            case .endOfFile:
                report("missing '}' to close the block", at: tokenSpan, notes: [.init("'{' opened here", at: open)],
                       help: "add '}' after the last statement of the block")
                return span(from: open.start)
            default:
                statement(&self)
                endStatement()
            }
        }
    }

    /// Skips a whole `{ … }` without recursion (used when nesting is too deep).
    mutating func skipBalancedBraces() {
        let wasPanicking = panicking
        panicking = true
        var braces = 0
        repeat {
            switch token.kind {
            case .leftBrace: braces += 1
            case .rightBrace: braces -= 1
            case .endOfFile: braces = 0
            default: break
            }
            if token.kind != .endOfFile { advance() }
        } while braces > 0
        panicking = wasPanicking
    }
}
