// Steps: interactions, fragments and notes.

extension Parser {
    /// Parses a step and appends it to `steps`: an interaction goes into the array as it is
    /// made, where returning it through optionals and enums copied it three times more.
    mutating func parseStep(in context: Context, into steps: inout [StepSyntax]) {
        if case .identifier = token.kind {
            if let interaction = parseInteraction() { steps.append(.interaction(interaction)) }
        } else if let step = parseStep(in: context) {
            steps.append(step)
        }
    }

    mutating func parseStep(in context: Context) -> StepSyntax? {
        switch token.kind {
        case .identifier:
            return parseInteraction().map(StepSyntax.interaction)
        case .keyword(.loop): return parseFragment(.loop).map(StepSyntax.fragment)
        case .keyword(.opt): return parseFragment(.opt).map(StepSyntax.fragment)
        case .keyword(.alt): return parseFragment(.alt).map(StepSyntax.fragment)
        case .keyword(.par): return parseFragment(.par).map(StepSyntax.fragment)
        case .keyword(.note): return parseNote().map(StepSyntax.note)
        case .keyword(.else):
            fail("'else' must follow the closing '}' of an 'alt' branch")
        case .keyword(.and):
            fail("'and' must follow the closing '}' of a 'par' branch")
        case .keyword(let keyword):
            if context == .block {
                if keyword == .group || ParticipantKind(keyword: keyword) != nil {
                    fail("declarations belong at the top level or inside a group, not inside a flow or block",
                         help: "move '\(keyword.rawValue)' out to the top level of the file")
                    return nil
                }
                switch keyword {
                case .flow:
                    fail("flows cannot be nested", help: "close the current flow before starting another")
                    return nil
                case .title, .import, .scenario:
                    fail("'\(keyword.rawValue)' belongs at the top level of the file")
                    return nil
                default: break
                }
            }
            failExpected("a statement")
        case .string:
            failExpected("a statement", help: "an interaction starts with a participant name: A -> B : label")
        default:
            failExpected("a statement")
        }
        return nil
    }

    // MARK: - Interactions

    mutating func parseInteraction() -> InteractionSyntax? {
        let start = token.start
        guard case .identifier = token.kind else { return nil }
        let fromName = tokenText
        let from = Identifier(name: fromName, span: tokenSpan)
        advance()
        guard case .arrow(let arrow) = token.kind else {
            if token.kind.isIdentifierOrString,
               let keyword = Suggestion.closest(to: fromName, in: Keyword.allCases.map(\.rawValue))
            {
                report("unknown keyword '\(fromName)'; did you mean '\(keyword)'?", at: from.span)
                panicking = true
            } else if case .colon = token.kind {
                failExpected("an arrow ('->', '->>', '<-' or '~>') between two participants")
            } else {
                failExpected("an arrow ('->', '->>', '<-' or '~>') after '\(fromName)'",
                             help: "an interaction reads: Initiator -> Receiver : label")
            }
            return nil
        }
        let arrowSpan = tokenSpan
        advance()
        guard let to = parseName("the participant at the other end") else { return nil }
        var label: LabelSyntax?
        if case .colon = token.kind {
            let colon = tokenSpan
            advanceToLabel()
            switch token.kind {
            case .string:
                label = LabelSyntax(text: tokenString, isQuoted: true, span: tokenSpan)
                advance()
            case .text:
                let labelSpan = tokenSpan
                label = LabelSyntax(text: tokenText, isQuoted: false, span: labelSpan)
                advance()
                noteLabelBrace(label: labelSpan, opensBlock: true)
            default:
                report("expected a label after ':'", at: colon,
                       help: "write the message or operation name after the colon, or remove the colon")
            }
        }
        let attributes = parseOptionalAttributes()
        let headSpan = span(from: start)
        var block: BlockSyntax?
        if !panicking, token.kind.isLeftBrace
            || braceOnNextLine(after: headSpan, of: "interaction", "\(fromName) \(arrow.rawValue) \(to.name) … {")
        {
            block = parseBlock()
        }
        interactionCount += 1
        return InteractionSyntax(from: from, arrow: arrow, arrowSpan: arrowSpan, to: to, label: label,
                           attributes: attributes, block: block, span: headSpan)
    }

    mutating func parseBlock() -> BlockSyntax {
        var steps: [StepSyntax] = []
        let blockSpan = parseBraces { parser in
            parser.parseStep(in: .block, into: &steps)
        }
        return BlockSyntax(steps: steps, span: blockSpan)
    }

    // MARK: - Fragments

    mutating func parseFragment(_ kind: FragmentSyntax.Kind) -> FragmentSyntax? {
        let start = token.start
        var keywordSpan = tokenSpan
        advance()
        var label = parseOptionalString()
        let attributes = parseOptionalAttributes()
        let headSpan = span(from: start)
        var branches: [FragmentSyntax.Branch] = []
        var branchAttributes: AttributeListSyntax?
        let continuation: Keyword? = switch kind {
        case .alt: .else
        case .par: .and
        case .loop, .opt: nil
        }
        while true {
            guard !panicking else { return nil }
            guard token.kind == .leftBrace
                || braceOnNextLine(after: span(from: keywordSpan.start), of: "'\(branches.isEmpty ? kind.rawValue : continuation?.rawValue ?? "")'",
                                   "\(branches.isEmpty ? kind.rawValue : continuation?.rawValue ?? "") … {")
            else {
                failExpected("'{' to open the '\(branches.isEmpty ? kind.rawValue : continuation?.rawValue ?? "")' block")
                return nil
            }
            let block = parseBlock()
            branches.append(FragmentSyntax.Branch(keywordSpan: keywordSpan, label: label, block: block,
                                                  attributes: branches.isEmpty ? nil : branchAttributes))
            guard let continuation, let next = peekContinuation() else { break }
            if next != continuation {
                report("'\(next.rawValue)' cannot continue '\(kind.rawValue)'; use '\(continuation.rawValue)'",
                       at: tokenSpan)
            }
            keywordSpan = tokenSpan
            advance()
            label = parseOptionalString()
            branchAttributes = nil
            if token.kind == .leftBracket {
                // An `else` branch declares its own chance (`} else [p=20%] {`); the model
                // builder says which keys it takes. A `par` branch has nothing to declare.
                if kind == .alt {
                    branchAttributes = parseOptionalAttributes()
                } else {
                    report("only the first branch of '\(kind.rawValue)' takes attributes", at: tokenSpan)
                    _ = parseOptionalAttributes()
                }
            }
        }
        return FragmentSyntax(kind: kind, attributes: attributes, branches: branches, span: headSpan)
    }

    /// A `{` alone on the line after the head it opens (`A -> B : x`, then `{`), a habit from
    /// C-like languages. The intent is clear, so it is reported once, saying where the brace
    /// belongs, and the block is parsed as the head's own: the steps inside are still checked.
    /// Without such a `{` nothing is consumed. `example` is the head as the help shows it when
    /// its own text is too long or spans lines; both texts are made only when there is such a
    /// `{` (made eagerly, they cost an allocation after every statement).
    mutating func braceOnNextLine(after head: Span, of what: @autoclosure () -> String, _ example: @autoclosure () -> String) -> Bool {
        guard !panicking, case .newline = token.kind, lexer.firstByteAfterLineBreaks() == UInt8(ascii: "{") else { return false }
        let saved = (lexer, token, previousEnd, diagnostics)
        while token.kind == .newline { advance() }
        guard token.kind == .leftBrace else {
            (lexer, token, previousEnd, diagnostics) = saved
            return false
        }
        let text = String(decoding: lexer.bytes[head.start..<head.end], as: UTF8.self)
        let shown = text.utf8.count <= 60 && !text.contains("\n") ? text + " {" : example()
        let what = what()
        report("'{' must be on the same line as its \(what)", at: tokenSpan,
               notes: [.init("the \(what) this block belongs to", at: head)],
               help: "a block starts on the same line as its \(what): \(shown)")
        return true
    }

    /// After a branch's `}`: is the next word (on this line or a following one) `else` or `and`?
    /// Line breaks are consumed only when it is.
    mutating func peekContinuation() -> Keyword? {
        if case .newline = token.kind {
            // Only `else` and `and` continue: anything else on the next line is left unlexed.
            let next = lexer.firstByteAfterLineBreaks()
            guard next == UInt8(ascii: "e") || next == UInt8(ascii: "a") else { return nil }
        }
        let saved = (lexer, token, previousEnd)
        while token.kind == .newline { advance() }
        if case .keyword(let keyword) = token.kind, keyword == .else || keyword == .and {
            return keyword
        }
        (lexer, token, previousEnd) = saved
        return nil
    }

    mutating func parseOptionalString(next mode: Lexer.Mode = .statement) -> StringLiteral? {
        guard case .string = token.kind else { return nil }
        let literal = StringLiteral(value: tokenString, span: tokenSpan)
        advance(mode)
        return literal
    }

    // MARK: - Notes

    mutating func parseNote() -> NoteSyntax? {
        let start = token.start
        advance()
        guard token.kind == .keyword(.over) else {
            failExpected("'over' after 'note'", help: "note over A, B : text")
            return nil
        }
        advance()
        var over: [Identifier] = []
        guard let first = parseName("a participant name") else { return nil }
        over.append(first)
        while token.kind == .comma {
            advance()
            guard let name = parseName("a participant name") else { return nil }
            over.append(name)
        }
        guard token.kind == .colon else {
            failExpected("':' and the note's text", help: "note over \(over.map(\.name).joined(separator: ", ")) : text")
            return nil
        }
        let colon = tokenSpan
        advanceToLabel()
        let text: LabelSyntax
        switch token.kind {
        case .string:
            text = LabelSyntax(text: tokenString, isQuoted: true, span: tokenSpan)
        case .text:
            text = LabelSyntax(text: tokenText, isQuoted: false, span: tokenSpan)
        default:
            report("expected the note's text after ':'", at: colon)
            panicking = true
            return nil
        }
        advance()
        if !text.isQuoted { noteLabelBrace(label: text.span, opensBlock: false) }
        return NoteSyntax(over: over, text: text, span: span(from: start))
    }
}
