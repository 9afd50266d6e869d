// AttributeSyntax lists: `[key=value, flag, …]`. Inside brackets line breaks are insignificant and
// words may contain `-`, so tokens there are lexed in `.attributes` mode.

extension Parser {
    mutating func parseOptionalAttributes() -> AttributeListSyntax? {
        guard !panicking, case .leftBracket = token.kind else { return nil }
        return parseAttributes()
    }

    mutating func parseAttributes() -> AttributeListSyntax {
        let open = tokenSpan
        advance(.attributes)
        if case .rightBracket = token.kind {
            // The grammar wants at least one attribute between the brackets.
            report("an attribute list cannot be empty", at: open.through(tokenSpan), help: "remove the brackets, or add an attribute")
        }
        var attributes: [AttributeSyntax] = []
        while true {
            switch token.kind {
            case .rightBracket:
                advance()
                return AttributeListSyntax(attributes: attributes, span: span(from: open.start))
            case .word:
                if let attribute = parseAttribute(tokenText) { attributes.append(attribute) }
            default:
                if unexpected("expected an attribute name, found \(tokenSummary)", open: open) {
                    return AttributeListSyntax(attributes: attributes, span: span(from: open.start))
                }
                continue
            }
            // After an attribute: ',' or ']'.
            switch token.kind {
            case .comma:
                advance(.attributes)
            case .rightBracket:
                continue
            default:
                if unexpected("expected ',' or ']' after the attribute, found \(tokenSummary)", open: open) {
                    return AttributeListSyntax(attributes: attributes, span: span(from: open.start))
                }
            }
        }
    }

    /// Something that does not belong where it stands: either the list clearly ended without
    /// `]`, or an error to report and skip past. Returns whether the list has ended.
    private mutating func unexpected(_ message: String, open: Span) -> Bool {
        if missingCloseBracket(open: open) { return true }
        reportInAttributes(message)
        return recoverInAttributes(open: open)
    }

    private mutating func parseAttribute(_ key: String) -> AttributeSyntax? {
        let keySpan = tokenSpan
        advance(.attributes)
        guard case .equals = token.kind else {
            return AttributeSyntax(key: key, keySpan: keySpan, value: nil, span: keySpan)
        }
        advance(.attributes)
        let valueSpan = tokenSpan
        let kind: AttributeValueSyntax.Kind
        switch token.kind {
        case .word: kind = .word(tokenText)
        case .string: kind = .string(tokenString)
        case .number(let number): kind = .number(number)
        case .duration(let seconds): kind = .duration(seconds)
        case .percent(let percent): kind = .percent(percent)
        case .rate(let rate): kind = .rate(rate)
        case .keyword(.unbounded): kind = .unbounded
        default:
            reportInAttributes("expected a value after '\(key)=', found \(tokenSummary)")
            return nil
        }
        advance(.attributes)
        return AttributeSyntax(key: key, keySpan: keySpan, value: AttributeValueSyntax(kind: kind, span: valueSpan),
                         span: keySpan.through(valueSpan))
    }

    /// The list clearly ended without `]`: a line break before something that cannot continue
    /// it, a brace, `;` or the end of the file. Reports it and re-lexes the token as a statement.
    private mutating func missingCloseBracket(open: Span) -> Bool {
        let ends: Bool
        switch token.kind {
        case .leftBrace, .rightBrace, .semicolon, .endOfFile: ends = true
        default: ends = token.followsNewline
        }
        guard ends else { return false }
        if !panicking {
            report("missing ']' to close the attribute list", at: open,
                   help: "add ']' after the last attribute")
        }
        if token.followsNewline {
            // The line break that ends the statement was skipped in bracket mode: lex again from
            // the last attribute so the parser sees it.
            lexer.reset(to: previousEnd)
            token = lexer.nextLexed(.statement)
        } else {
            relex(.statement)
        }
        return true
    }

    private mutating func reportInAttributes(_ message: String) {
        if token.kind != .invalid { report(message, at: tokenSpan) }
    }

    /// Skips to the next `,` (continue) or `]` (end); returns true when the list has ended.
    private mutating func recoverInAttributes(open: Span) -> Bool {
        while true {
            switch token.kind {
            case .comma:
                advance(.attributes)
                return false
            case .rightBracket:
                advance()
                return true
            case .leftBrace, .rightBrace, .semicolon, .endOfFile:
                relex(.statement)
                return true
            default:
                if token.followsNewline {
                    _ = missingCloseBracket(open: open)
                    return true
                }
                let wasPanicking = panicking
                panicking = true  // stray characters in the rest of the list are the same mistake
                advance(.attributes)
                panicking = wasPanicking
            }
        }
    }
}
