import BatonSyntax

/// Fixes that add or remove `# baton:ignore` comments.
enum SuppressionFix {
    /// The placeholder reason of an added suppression: a suppression without a reason is a
    /// finding hidden for no recorded cause, so the person who accepts the fix must write one.
    static let reasonPlaceholder = "TODO: why this finding is acceptable"

    /// `# baton:ignore RULE -- …` on its own line above the statement the finding belongs to,
    /// indented like it; nil when that statement does not start its line (a comment above it
    /// would name the statement before it on the line too).
    static func suppress(_ rule: String, at span: Span, source: FixSource) -> Fix? {
        var maker = Maker(rule)
        return maker.suppress(at: span, source: source)
    }

    /// `suppress` for the findings of one rule. A large design has one finding per few
    /// statements, each offered this fix: the title and the comment for each indentation are
    /// made once per rule and shared by every fix (which also keeps one copy of each text in
    /// memory rather than one per finding), and the statement head is looked up once per finding,
    /// its line and indentation found with it (`FixSource.suppressionLine`).
    struct Maker {
        let rule: String
        /// Made with the first fix: a rule finds nothing in most small designs, and `check DIR`
        /// makes a maker per rule per design.
        private var title: String?
        /// The comment line for each indentation met so far, at the indentation's number in the
        /// fix source (`FixSource.suppressionLine`), which numbers them densely from 0: a
        /// design has a few, and each comment is made at its first finding.
        private var comments: [String?] = []
        /// Where the last finding's statement head was found: a rule meets its findings mostly
        /// in source order, so the next are looked for from there.
        private var headHint = -1

        init(_ rule: String) {
            self.rule = rule
        }

        mutating func suppress(at span: Span, source: FixSource) -> Fix? {
            guard let line = source.suppressionLine(containing: span, from: &headHint) else { return nil }
            if line.indentation >= comments.count { comments += Array(repeating: nil, count: line.indentation + 1 - comments.count) }
            let comment: String
            if let made = comments[line.indentation] {
                comment = made
            } else {
                comment = source.indentation(line.indentation) + "# baton:ignore \(rule) -- \(SuppressionFix.reasonPlaceholder)\n"
                comments[line.indentation] = comment
            }
            let title = title ?? "suppress this \(rule) finding with a # baton:ignore comment"
            self.title = title
            return Fix(title, safety: .unsafe, edit: .insert(comment, at: line.start, in: line.file), isSuppression: true)
        }
    }

    /// Removes the whole directive: its line when it is alone on it, else the comment and the
    /// spaces before it.
    static func removeComment(_ directive: Span, source: FixSource) -> Fix {
        let file = source.source(directive.file)
        let deletion: Span
        if let start = source.lineStart(ifStartingLine: directive.start, in: directive.file) {
            deletion = Span(file: directive.file, start: start, end: source.nextLineStart(after: directive.start, in: directive.file).offset)
        } else {
            var start = directive.start
            while start > 0, file.bytes[start - 1] == 0x20 || file.bytes[start - 1] == 0x09 { start -= 1 }
            deletion = Span(file: directive.file, start: start, end: directive.end)
        }
        return Fix("remove the unused suppression comment", safety: .safe, edit: TextEdit(deletion, ""))
    }

    /// Removes rule `index` from the directive's list, with the separator next to it.
    static func removeRule(_ index: Int, of directive: SuppressionDirective, source: FixSource) -> Fix {
        let rules = directive.rules
        let deletion = index + 1 < rules.count
            ? Span(file: directive.span.file, start: rules[index].span.start, end: rules[index + 1].span.start)
            : Span(file: directive.span.file, start: rules[index - 1].span.end, end: rules[index].span.end)
        return Fix("remove '\(rules[index].id)' from the suppression comment", safety: .safe, edit: TextEdit(deletion, ""))
    }
}
