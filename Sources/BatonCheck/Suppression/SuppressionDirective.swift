import BatonSyntax

/// A `# baton:ignore` or `# baton:ignore-file` comment, parsed.
///
///     # baton:ignore RULE[, RULE] -- reason      (own line: the next statement)
///     A -> B : x  # baton:ignore RULE -- reason  (trailing: the statements of this line)
///     # baton:ignore-file RULE -- reason         (anywhere: the whole file)
public struct SuppressionDirective: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case nextStatement
        case sameStatement
        case file
    }

    public struct RuleReference: Hashable, Sendable {
        public var id: String
        public var span: Span
    }

    public var scope: Scope
    public var rules: [RuleReference]
    public var reason: String?
    /// The whole comment.
    public var span: Span

    static let ignore = "ignore"
    static let ignoreFile = "ignore-file"

    /// What a comment says, if it is meant for Baton.
    enum Parsed: Hashable, Sendable {
        case directive(SuppressionDirective)
        /// `# baton:ignroe …`: close to a directive, but not one.
        case unknownDirective(word: String, suggestion: String, span: Span)
    }

    /// The directive a comment holds, nil for any other comment (a misspelt directive too):
    /// for editors, which hover and complete the rule ids of a directive by their spans.
    public static func directive(in comment: Comment) -> SuppressionDirective? {
        guard case .directive(let directive) = parse(comment) else { return nil }
        return directive
    }

    /// Parses a comment; nil when it is an ordinary comment.
    static func parse(_ comment: Comment) -> Parsed? {
        let bytes = Array(comment.text.utf8)
        // Offsets below are into `bytes`; the comment text starts one byte after the `#`.
        let base = comment.span.start + 1
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        skipSpaces()
        let prefix = Array("baton:".utf8)
        guard bytes.count - index >= prefix.count, Array(bytes[index..<index + prefix.count]) == prefix else { return nil }
        index += prefix.count
        let wordStart = index
        while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
        let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
        let scope: Scope
        switch word {
        case ignore: scope = comment.isOwnLine ? .nextStatement : .sameStatement
        case ignoreFile: scope = .file
        default:
            guard let suggestion = Suggestion.closest(to: word, in: [ignore, ignoreFile]) else { return nil }
            let span = Span(file: comment.span.file, start: comment.span.start, end: comment.span.end)
            return .unknownDirective(word: word, suggestion: suggestion, span: span)
        }
        // The rule list runs up to `--` (the reason) or the end of the comment.
        var end = bytes.count
        var reason: String?
        var search = index
        while search + 1 < bytes.count {
            if bytes[search] == UInt8(ascii: "-"), bytes[search + 1] == UInt8(ascii: "-") {
                end = search
                let text = String(decoding: bytes[(search + 2)...], as: UTF8.self).trimmingSpaces
                reason = text.isEmpty ? nil : text
                break
            }
            search += 1
        }
        var rules: [RuleReference] = []
        var position = index
        while position < end {
            while position < end, !Self.isWordByte(bytes[position]) { position += 1 }
            let start = position
            while position < end, Self.isWordByte(bytes[position]) { position += 1 }
            guard position > start else { continue }
            let id = String(decoding: bytes[start..<position], as: UTF8.self)
            rules.append(RuleReference(id: id, span: Span(file: comment.span.file, start: base + start, end: base + position)))
        }
        return .directive(SuppressionDirective(scope: scope, rules: rules, reason: reason, span: comment.span))
    }

    /// Rule ids are kebab-case words (anything but spaces, commas and the like).
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x80...0xFF:
            true
        default:
            false
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
