extension SyntaxFile {
    /// The head span of every statement of the file (nested ones included), sorted by start:
    /// what a `# baton:ignore` comment targets. A walk over syntax, not the model: directives are
    /// placed by what was written, including statements the model leaves out (declarations,
    /// groups, steps that failed to resolve).
    public func statementHeads() -> [Span] {
        var spans: [Span] = []
        func visit(_ step: StepSyntax) {
            spans.append(step.span)
            switch step {
            case .interaction(let interaction):
                interaction.block?.steps.forEach(visit)
            case .fragment(let fragment):
                for branch in fragment.branches { branch.block.steps.forEach(visit) }
            case .note:
                break
            }
        }
        func visitGroup(_ group: GroupSyntax) {
            spans.append(group.span)
            for member in group.members {
                switch member {
                case .declaration(let declaration): spans.append(declaration.span)
                case .group(let nested): visitGroup(nested)
                }
            }
        }
        for statement in statements {
            switch statement {
            case .group(let group): visitGroup(group)
            case .flow(let flow):
                spans.append(flow.span)
                flow.steps.forEach(visit)
            case .step(let step): visit(step)
            default: spans.append(statement.span)
            }
        }
        return spans.sorted { $0.start < $1.start }
    }
}
