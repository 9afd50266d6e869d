extension SyntaxFile {
    /// The head span of every statement of the file (nested ones included), sorted by start:
    /// what a `# baton:ignore` comment targets. A walk over syntax, not the model: directives are
    /// placed by what was written, including statements the model leaves out (declarations,
    /// groups, steps that failed to resolve).
    public func statementHeads() -> [Span] {
        var spans: [Span] = []
        // Steps are read where they are, a block's array at a time: handing each step on
        // copied it (retaining its names, label and lists) for every statement of a design.
        func visit(_ steps: some RandomAccessCollection<StepSyntax>) {
            for index in steps.indices {
                spans.append(steps[index].span)
                switch steps[index] {
                case .interaction(let interaction):
                    if let block = interaction.block { visit(block.steps) }
                case .fragment(let fragment):
                    for branch in fragment.branches { visit(branch.block.steps) }
                case .note:
                    break
                }
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
        // The top-level statements too, read where they are (a design's steps are statements of
        // their own when they are outside any flow).
        for index in statements.indices {
            switch statements[index] {
            case .group(let group): visitGroup(group)
            case .flow(let flow):
                spans.append(flow.span)
                visit(flow.steps)
            case .step(let step): visit(CollectionOfOne(step))
            default: spans.append(statements[index].span)
            }
        }
        return spans.sorted { $0.start < $1.start }
    }
}
