/// A compact, readable, indented text form of a syntax tree, for golden tests and debugging
/// (`baton dump --ast`). One node per line with its line:column range.
public enum SyntaxDump {
    public static func dump(_ syntax: SyntaxFile, source: SourceFile) -> String {
        var printer = Printer(source: source)
        for statement in syntax.statements { printer.statement(statement) }
        for comment in syntax.comments {
            printer.line("comment\(comment.isOwnLine ? "" : " trailing") \(LiteralFormat.string(comment.text))", comment.span)
        }
        return printer.output
    }



    struct Printer {
        let source: SourceFile
        var output = ""
        var indent = 0

        mutating func line(_ text: String, _ span: Span) {
            let start = source.location(of: span.start)
            let end = source.location(of: span.end)
            output += String(repeating: "  ", count: indent) + text + " @\(start)-\(end)\n"
        }

        mutating func nested(_ body: (inout Printer) -> Void) {
            indent += 1
            body(&self)
            indent -= 1
        }

        mutating func statement(_ statement: Statement) {
            switch statement {
            case .title(let title): line("title \(LiteralFormat.string(title.text.value))", title.span)
            case .importFile(let file): line("import \(LiteralFormat.string(file.path.value))", file.span)
            case .declaration(let declaration): self.declaration(declaration)
            case .group(let group): self.group(group)
            case .flow(let flow):
                line("flow \(LiteralFormat.string(flow.name.value))", flow.span)
                nested { printer in
                    printer.attributes(flow.attributes)
                    for step in flow.steps { printer.step(step) }
                }
            case .scenario(let scenario): self.scenario(scenario)
            case .step(let step): self.step(step)
            }
        }

        mutating func scenario(_ scenario: ScenarioSyntax) {
            line("scenario \(LiteralFormat.string(scenario.name.value))", scenario.span)
            nested { printer in
                printer.attributes(scenario.attributes)
                for line in scenario.lines { printer.scenarioLine(line) }
            }
        }

        mutating func scenarioLine(_ scenarioLine: ScenarioLineSyntax) {
            func seconds(_ quantity: QuantitySyntax) -> String { LiteralFormat.number(quantity.value) + "s" }
            func window(_ window: WindowSyntax?) -> String {
                window.map { " from=\(seconds($0.from)) to=\(seconds($0.to))" } ?? ""
            }
            switch scenarioLine {
            case .load(let load):
                var text = "load rate=\(LiteralFormat.number(load.rate.value))/s"
                if let flow = load.flow { text += " flow=\(LiteralFormat.string(flow.value))" }
                line(text + window(load.window), load.span)
            case .fault(let fault):
                var text = "fault \(fault.participant.name) \(fault.effect.keyword)"
                switch fault.effect {
                case .down, .hang: break
                case .slow(let factor): text += " x\(LiteralFormat.number(factor.value))"
                case .errors(let percent), .capacity(let percent): text += " \(LiteralFormat.number(percent.value))%"
                }
                line(text + window(fault.window), fault.span)
            case .expect(let expect):
                var text = "expect "
                switch expect.measure {
                case .goodput(let comparison, let percent, let after):
                    text += "goodput \(comparison.comparison.rawValue) \(LiteralFormat.number(percent.value))%"
                    if let after { text += " after=\(seconds(after))" }
                case .percentile(let percentile, let flow, let comparison, let value):
                    text += percentile.name
                    if let flow { text += " flow=\(LiteralFormat.string(flow.value))" }
                    text += " \(comparison.comparison.rawValue) \(seconds(value))"
                case .amplification(let initiator, let label, let comparison, let value):
                    text += "amplification"
                    if let initiator { text += " initiator=\(initiator.name)" }
                    if let label { text += " label=\(LiteralFormat.string(label.value))" }
                    text += " \(comparison.comparison.rawValue) \(LiteralFormat.number(value.value))"
                case .recovers(let within):
                    text += "recovers within=\(seconds(within))"
                case .queueMax(let channel, let max):
                    text += "queue \(channel.name) max=\(LiteralFormat.number(max.value))"
                }
                line(text, expect.span)
            }
        }

        mutating func declaration(_ declaration: DeclarationSyntax) {
            var text = "\(declaration.kind.rawValue) \(declaration.name.name)"
            if let label = declaration.label { text += " label=\(LiteralFormat.string(label.value))" }
            line(text, declaration.span)
            nested { $0.attributes(declaration.attributes) }
        }

        mutating func group(_ group: GroupSyntax) {
            var text = "group \(group.name.name)"
            if let label = group.label { text += " label=\(LiteralFormat.string(label.value))" }
            line(text, group.span)
            nested { printer in
                printer.attributes(group.attributes)
                for member in group.members {
                    switch member {
                    case .declaration(let declaration): printer.declaration(declaration)
                    case .group(let nestedGroup): printer.group(nestedGroup)
                    }
                }
            }
        }

        mutating func step(_ step: StepSyntax) {
            switch step {
            case .interaction(let interaction):
                var text = "\(interaction.from.name) \(interaction.arrow.rawValue) \(interaction.to.name)"
                if let label = interaction.label {
                    text += " label\(label.isQuoted ? "" : "(free)")=\(LiteralFormat.string(label.text))"
                }
                line(text, interaction.span)
                nested { printer in
                    printer.attributes(interaction.attributes)
                    if let block = interaction.block { printer.block(block) }
                }
            case .fragment(let fragment):
                line(fragment.kind.rawValue, fragment.span)
                nested { printer in
                    printer.attributes(fragment.attributes)
                    for branch in fragment.branches {
                        var text = "branch"
                        if let label = branch.label { text += " \(LiteralFormat.string(label.value))" }
                        printer.line(text, branch.keywordSpan)
                        printer.nested { printer in
                            printer.attributes(branch.attributes)
                            printer.block(branch.block)
                        }
                    }
                }
            case .note(let note):
                line("note over \(note.over.map(\.name).joined(separator: ", ")) text=\(LiteralFormat.string(note.text.text))", note.span)
            }
        }

        mutating func block(_ block: BlockSyntax) {
            line("block", block.span)
            nested { printer in
                for step in block.steps { printer.step(step) }
            }
        }

        mutating func attributes(_ list: AttributeListSyntax?) {
            guard let list else { return }
            for attribute in list.attributes {
                var text = "attr \(attribute.key)"
                if let value = attribute.value {
                    switch value.kind {
                    case .word(let word): text += " = word \(word)"
                    case .string(let string): text += " = string \(LiteralFormat.string(string))"
                    case .number(let value): text += " = number \(LiteralFormat.number(value))"
                    case .duration(let seconds): text += " = duration \(LiteralFormat.number(seconds))s"
                    case .percent(let percent): text += " = percent \(LiteralFormat.number(percent))"
                    case .rate(let rate): text += " = rate \(LiteralFormat.number(rate))/s"
                    case .unbounded: text += " = unbounded"
                    }
                }
                line(text, attribute.span)
            }
        }
    }
}
