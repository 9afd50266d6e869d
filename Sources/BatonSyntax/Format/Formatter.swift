// The formatter (`baton fmt`): prints a syntax tree in Baton's canonical layout.
//
// Canonical means: one statement per line (except statements that share a trailing
// `# baton:ignore`, which applies to all of them), two spaces per block level, `{` at the end of the
// line that opens it, `} else {` / `} and {` joined, single spaces around arrows and colons,
// attribute lists on one line as `[key=value, flag]`, consecutive declarations aligned in
// columns, at most one blank line where the source had any. Literal numbers keep their text
// (`1.5m` stays `1.5m`); strings are re-escaped canonically.
//
// Nothing is lost: every comment is printed, own-line comments before the statement that
// follows them, trailing comments at the end of the line they trailed. Formatting is
// idempotent: formatting the output again changes nothing. Files with syntax errors are not
// formatted (the tree would not be the whole file).

public enum Formatter {
    /// The canonical text of a file that parsed without errors.
    public static func format(_ syntax: SyntaxFile, source: SourceFile) -> String {
        var printer = FormatPrinter(source: source, comments: syntax.comments)
        printer.statements(syntax.statements)
        printer.finish()
        return printer.output
    }

    /// One scenario line as `baton fmt` writes it (`expect goodput >= 95% after 6m`): what
    /// reports quote, so a report reads the same before and after formatting.
    public static func text(of line: ScenarioLineSyntax, source: SourceFile) -> String {
        FormatPrinter(source: source, comments: []).scenarioLineText(line)
    }

    /// Parses and formats; nil (with the diagnostics) when the source has syntax errors.
    public static func format(_ source: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let parsed = BatonParser.parse(source)
        guard parsed.diagnostics.isEmpty else { return (nil, parsed.diagnostics) }
        return (format(parsed.syntax, source: source), [])
    }
}

/// A statement's first line: its text and, last, its attribute list (which may wrap).
struct Head {
    var text: String
    var attributes: [String]?

    init(_ text: String, _ attributes: [String]? = nil) {
        self.text = text
        self.attributes = attributes
    }
}

struct FormatPrinter {
    /// Lines longer than this wrap their attribute list after a comma, continuing under the
    /// first attribute.
    static let width = 120

    let source: SourceFile
    let comments: [Comment]
    var output = ""
    var indent = 0
    /// The next comment not yet printed.
    var nextComment = 0
    /// The source line of the last thing printed (for blank-line preservation).
    var lastSourceLine = 0
    /// Whether the next item opens a block (no blank line allowed before it).
    var atBlockStart = true
    /// Whether the next statement continues the current line after `; ` (see
    /// `sharesSuppressedLine`).
    var joining = false
    /// For the comment at index `comment`: the offset just after the last `{` or `}` before it
    /// on its line (the line's start when there is none).
    var lastBrace: (comment: Int, after: Int)?

    init(source: SourceFile, comments: [Comment]) {
        self.source = source
        self.comments = comments
    }

    func line(of offset: Int) -> Int { source.line(of: offset) }

    var pad: String { String(repeating: "  ", count: indent) }

    // MARK: - Blank lines and comments

    /// Emits one blank line when the source had at least one blank line before `sourceLine`.
    mutating func separate(before sourceLine: Int) {
        defer { atBlockStart = false }
        guard !atBlockStart, sourceLine > lastSourceLine + 1 else { return }
        for line in (lastSourceLine + 1)..<sourceLine where source.lineText(line).allSatisfy({ $0 == " " || $0 == "\t" }) {
            output += "\n"
            return
        }
    }

    /// Prints the own-line comments that start before `offset` (and any trailing comment that
    /// could not be attached, on its own line).
    mutating func comments(before offset: Int) {
        while nextComment < comments.count, comments[nextComment].span.start < offset {
            let comment = comments[nextComment]
            let commentLine = line(of: comment.span.start)
            separate(before: commentLine)
            output += pad + "#" + Self.trimmedTrailing(comment.text) + "\n"
            lastSourceLine = commentLine
            nextComment += 1
        }
    }

    /// The trailing comment that follows the source text ending at `offset`, if it is the next
    /// comment and only blanks, `;` or an opening `{` stand between: with several statements
    /// on one line, the comment belongs to the last (a `# baton:ignore` keeps them together).
    mutating func trailingComment(after offset: Int) -> String {
        guard nextComment < comments.count else { return "" }
        let comment = comments[nextComment]
        guard !comment.isOwnLine, comment.span.start >= offset else { return "" }
        let gap = source.bytes[min(offset, comment.span.start)..<comment.span.start]
        guard gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "{") }) else {
            return ""
        }
        nextComment += 1
        return "  #" + Self.trimmedTrailing(comment.text)
    }

    /// Starts a printed line for the item at `span`: comments before it, a blank line if the
    /// source had one.
    mutating func begin(_ span: Span) {
        comments(before: span.start)
        separate(before: line(of: span.start))
    }

    /// Ends a printed line whose source ended at `offset`, attaching a trailing comment.
    mutating func end(_ head: Head, suffix: String = "", sourceEnd offset: Int) {
        let sourceLine = line(of: max(0, offset - 1))
        var text = layout(head, suffix: suffix)
        if joining {
            text.removeFirst(min(pad.count, text.count))
            joining = false
        }
        let comment = trailingComment(after: offset)
        if comment.isEmpty, suffix.isEmpty, sharesSuppressedLine(after: offset) {
            output += text + "; "
            joining = true
        } else {
            output += text + comment + "\n"
        }
        lastSourceLine = sourceLine
    }

    /// Whether the statement ending at `offset` is followed, on its line, by further statements
    /// without blocks and then a trailing `# baton:ignore` comment. That comment applies to
    /// every statement of the line, so they stay on one line: splitting them would take the
    /// suppression away from all but the last.
    mutating func sharesSuppressedLine(after offset: Int) -> Bool {
        guard nextComment < comments.count else { return false }
        let comment = comments[nextComment]
        let commentLine = line(of: comment.span.start)
        guard !comment.isOwnLine, comment.span.start > offset, commentLine == line(of: max(0, offset - 1)) else { return false }
        let text = Substring(comment.text).drop { $0 == " " || $0 == "\t" }
        guard text.hasPrefix("baton:ignore"), !text.hasPrefix("baton:ignore-") else { return false }
        // The line's last brace before the comment, found once per comment: a long line of
        // many statements is scanned once, not once per statement.
        if lastBrace?.comment != nextComment {
            let lineStart = source.lineRange(commentLine).lowerBound
            var index = comment.span.start
            while index > lineStart, source.bytes[index - 1] != UInt8(ascii: "{"), source.bytes[index - 1] != UInt8(ascii: "}") {
                index -= 1
            }
            lastBrace = (nextComment, index)
        }
        // Only statements without blocks in between: no brace from here to the comment.
        return offset >= (lastBrace?.after ?? Int.max)
    }

    /// The head at the current indentation, its attribute list wrapped when the line is too long.
    func layout(_ head: Head, suffix: String) -> String {
        guard let attributes = head.attributes else { return pad + head.text + suffix }
        let opening = pad + head.text + (head.text.isEmpty ? "[" : " [")
        let single = opening + attributes.joined(separator: ", ") + "]" + suffix
        guard single.count > Self.width, attributes.count > 1 else { return single }
        let continuation = "\n" + String(repeating: " ", count: opening.count)
        var text = opening
        var column = opening.count
        for (index, item) in attributes.enumerated() {
            let piece = item + (index == attributes.count - 1 ? "]" + suffix : ",")
            if index > 0 {
                if column + 1 + piece.count > Self.width {
                    text += continuation
                    column = opening.count
                } else {
                    text += " "
                    column += 1
                }
            }
            text += piece
            column += piece.count
        }
        return text
    }

    mutating func finish() {
        comments(before: Int.max)
        while output.hasSuffix("\n\n") { output.removeLast() }
    }

    static func trimmedTrailing(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    // MARK: - Statements

    mutating func statements(_ statements: [Statement]) {
        var index = 0
        while index < statements.count {
            if case .declaration = statements[index] {
                var run: [DeclarationSyntax] = []
                while index < statements.count, case .declaration(let declaration) = statements[index] {
                    run.append(declaration)
                    index += 1
                }
                declarations(run)
                continue
            }
            statement(statements[index])
            index += 1
        }
    }

    mutating func statement(_ statement: Statement) {
        switch statement {
        case .title(let title):
            begin(title.span)
            end(Head("title " + literal(title.text)), sourceEnd: title.span.end)
        case .importFile(let file):
            begin(file.span)
            end(Head("import " + literal(file.path)), sourceEnd: file.span.end)
        case .declaration(let declaration):
            declarations([declaration])
        case .group(let group):
            self.group(group)
        case .flow(let flow):
            begin(flow.span)
            let head = Head("flow " + literal(flow.name), flow.attributes.map(attributes))
            block(head: head, headEnd: flow.span.end, steps: flow.steps, closeEnd: flow.fullSpan.end)
        case .scenario(let scenario):
            self.scenario(scenario)
        case .step(let step):
            self.step(step)
        }
    }

    // MARK: - Scenarios

    /// `scenario "Name" [attributes] {`, one line per load, fault and expectation, `}`. Load
    /// lines put the flow before the window.
    mutating func scenario(_ scenario: ScenarioSyntax) {
        begin(scenario.span)
        let head = Head("scenario " + literal(scenario.name), scenario.attributes.map(attributes))
        braces(head: head, headEnd: scenario.span.end, closeEnd: scenario.fullSpan.end) { printer in
            for line in scenario.lines {
                printer.begin(line.span)
                printer.end(Head(printer.scenarioLineText(line)), sourceEnd: line.span.end)
            }
        }
    }

    func scenarioLineText(_ line: ScenarioLineSyntax) -> String {
        func written(_ quantity: QuantitySyntax) -> String { source.text(of: quantity.span) }
        func window(_ window: WindowSyntax) -> String { " from \(written(window.from)) to \(written(window.to))" }
        switch line {
        case .load(let load):
            var text = "load " + written(load.rate)
            if let flow = load.flow { text += " flow " + literal(flow) }
            if let loadWindow = load.window { text += window(loadWindow) }
            return text
        case .fault(let fault):
            var text = "fault \(fault.participant.name) \(fault.effect.keyword)"
            switch fault.effect {
            case .down, .hang: break
            case .slow(let quantity), .errors(let quantity), .capacity(let quantity): text += " " + written(quantity)
            }
            return text + window(fault.window)
        case .expect(let expect):
            switch expect.measure {
            case .goodput(let comparison, let percent, let after):
                return "expect goodput \(comparison.comparison.rawValue) \(written(percent))" + (after.map { " after " + written($0) } ?? "")
            case .percentile(let percentile, let flow, let comparison, let seconds):
                return "expect \(percentile.name)" + (flow.map { " " + literal($0) } ?? "")
                    + " \(comparison.comparison.rawValue) \(written(seconds))"
            case .amplification(let initiator, let label, let comparison, let value):
                return "expect amplification" + (initiator.map { " " + $0.name } ?? "") + (label.map { " " + literal($0) } ?? "")
                    + " \(comparison.comparison.rawValue) \(written(value))"
            case .recovers(let within):
                return "expect recovers within " + written(within)
            case .queueMax(let channel, let max):
                return "expect queue \(channel.name) max \(written(max))"
            }
        }
    }

    /// Declarations in a run are aligned in columns: kinds, then names (when more follows).
    mutating func declarations(_ run: [DeclarationSyntax]) {
        // A blank line or a comment in the source ends an alignment run.
        var groups: [[DeclarationSyntax]] = []
        for declaration in run {
            if let previous = groups.last?.last,
               line(of: declaration.span.start) <= line(of: previous.span.end) + 1,
               !comments.contains(where: { $0.isOwnLine && $0.span.start > previous.span.end && $0.span.start < declaration.span.start })
            {
                groups[groups.count - 1].append(declaration)
            } else {
                groups.append([declaration])
            }
        }
        for group in groups {
            // The kind column fits the longest kind keyword, so adding an `external` to a run
            // does not realign it.
            let kindWidth = ParticipantKind.allCases.map(\.rawValue.count).max() ?? 0
            // Names are padded to the longest name that has something after it.
            let nameWidth = group.filter { $0.label != nil || $0.attributes != nil }.map(\.name.name.count).max() ?? 0
            for declaration in group {
                begin(declaration.span)
                end(declarationText(declaration, kindWidth: group.count > 1 ? kindWidth : 0,
                                    nameWidth: group.count > 1 ? nameWidth : 0),
                    sourceEnd: declaration.span.end)
            }
        }
    }

    func declarationText(_ declaration: DeclarationSyntax, kindWidth: Int, nameWidth: Int) -> Head {
        let kind = declaration.kind.rawValue
        var text = kind + String(repeating: " ", count: max(1, kindWidth + 1 - kind.count)) + declaration.name.name
        guard declaration.label != nil || declaration.attributes != nil else { return Head(text) }
        text += String(repeating: " ", count: max(1, nameWidth + 1 - declaration.name.name.count))
        if let label = declaration.label {
            return Head(text + literal(label), declaration.attributes.map(attributes))
        }
        // Attributes right after the name: the list opens where the label would.
        return Head(String(text.dropLast()), declaration.attributes.map(attributes))
    }

    mutating func group(_ group: GroupSyntax) {
        begin(group.span)
        var text = "group " + group.name.name
        if let label = group.label { text += " " + literal(label) }
        let head = Head(text, group.attributes.map(attributes))
        let members: [Statement] = group.members.map { member in
            switch member {
            case .declaration(let declaration): .declaration(declaration)
            case .group(let nested): .group(nested)
            }
        }
        braces(head: head, headEnd: group.span.end, closeEnd: group.fullSpan.end) { printer in
            printer.statements(members)
        }
    }

    // MARK: - Steps

    mutating func step(_ step: StepSyntax) {
        switch step {
        case .interaction(let interaction):
            begin(interaction.span)
            var text = "\(interaction.from.name) \(interaction.arrow.rawValue) \(interaction.to.name)"
            if let label = interaction.label { text += " : " + labelText(label) }
            let head = Head(text, interaction.attributes.map(attributes))
            if let block = interaction.block {
                self.block(head: head, headEnd: interaction.span.end, steps: block.steps, closeEnd: block.span.end)
            } else {
                end(head, sourceEnd: interaction.span.end)
            }
        case .fragment(let fragment):
            begin(fragment.span)
            for (index, branch) in fragment.branches.enumerated() {
                var text: String
                if index == 0 {
                    text = fragment.kind.rawValue
                } else {
                    text = "} " + (fragment.kind == .alt ? "else" : "and")
                    // The joined `} else {` line replaces the previous block's closing line, so
                    // comments written between `}` and `else` end the previous branch.
                    indent += 1
                    comments(before: branch.keywordSpan.start)
                    indent -= 1
                }
                if let label = branch.label { text += " " + literal(label) }
                let head = Head(text, (index == 0 ? fragment.attributes : branch.attributes).map(attributes))
                let isLast = index == fragment.branches.count - 1
                let headEnd = index == 0 ? fragment.span.end : branch.block.span.start
                openBlock(head: head, headEnd: headEnd, steps: branch.block.steps, blockEnd: branch.block.span.end)
                if isLast { closeBlock(branch.block.span.end) }
            }
        case .note(let note):
            begin(note.span)
            end(Head("note over \(note.over.map(\.name).joined(separator: ", ")) : " + labelText(note.text)), sourceEnd: note.span.end)
        }
    }

    /// `head {`, the steps indented, `}`.
    mutating func block(head: Head, headEnd: Int, steps: [StepSyntax], closeEnd: Int) {
        braces(head: head, headEnd: headEnd, closeEnd: closeEnd) { printer in
            for step in steps { printer.step(step) }
        }
    }

    mutating func braces(head: Head, headEnd: Int, closeEnd: Int, body: (inout FormatPrinter) -> Void) {
        end(head, suffix: " {", sourceEnd: headEnd)
        indent += 1
        atBlockStart = true
        body(&self)
        comments(before: closeEnd - 1)
        indent -= 1
        atBlockStart = false
        closeBlock(closeEnd)
    }

    /// A fragment branch: like `braces` but the closing `}` is printed by the next branch's
    /// `} else {` line, or by `closeBlock` after the last branch.
    mutating func openBlock(head: Head, headEnd: Int, steps: [StepSyntax], blockEnd: Int) {
        end(head, suffix: " {", sourceEnd: headEnd)
        indent += 1
        atBlockStart = true
        for step in steps { self.step(step) }
        comments(before: blockEnd - 1)
        indent -= 1
        atBlockStart = false
    }

    mutating func closeBlock(_ closeEnd: Int) {
        let closeLine = line(of: max(0, closeEnd - 1))
        output += pad + "}" + trailingComment(after: closeEnd) + "\n"
        lastSourceLine = closeLine
    }

    // MARK: - Pieces

    func attributes(_ list: AttributeListSyntax) -> [String] {
        list.attributes.map { attribute -> String in
            guard let value = attribute.value else { return attribute.key }
            let text: String
            switch value.kind {
            case .unbounded: text = "unbounded"
            default: text = source.text(of: value.span)
            }
            return attribute.key + "=" + text
        }
    }

    /// A string literal exactly as written (it lexed, so it is valid; its escapes are the
    /// author's choice).
    func literal(_ string: StringLiteral) -> String { source.text(of: string.span) }

    /// Free text stays free when it can be read back unchanged; otherwise it is quoted.
    func labelText(_ label: LabelSyntax) -> String {
        if label.isQuoted { return source.text(of: label.span) }
        if !Self.isSafeFreeText(label.text) { return LiteralFormat.string(label.text) }
        return label.text
    }

    static func isSafeFreeText(_ text: String) -> Bool { LiteralFormat.isSafeFreeText(text) }
}
