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
        /// The comment line for each indentation met so far (by its index in the fix source,
        /// `FixSource.suppressionLine`), in the order met. A design has a few indentations,
        /// mostly the same one finding after finding: the last one met is tried first, then a
        /// short search.
        private var comments: [(indentation: Int, comment: String)] = []
        private var lastComment = 0
        /// How many indentations `comments` holds at most.
        static let indentationsKept = 16
        /// Where the last finding's statement head was found: a rule meets its findings mostly
        /// in source order, so the next are looked for from there.
        private var headHint = -1

        init(_ rule: String) {
            self.rule = rule
        }

        mutating func suppress(at span: Span, source: FixSource) -> Fix? {
            guard let line = source.suppressionLine(containing: span, from: &headHint) else { return nil }
            let comment: String
            if lastComment < comments.count, comments[lastComment].indentation == line.indentation {
                comment = comments[lastComment].comment
            } else if let known = comments.firstIndex(where: { $0.indentation == line.indentation }) {
                comment = comments[known].comment
                lastComment = known
            } else {
                comment = source.indentation(line.indentation) + "# baton:ignore \(rule) -- \(SuppressionFix.reasonPlaceholder)\n"
                // A design indented every which way keeps the search short all the same.
                if comments.count < Self.indentationsKept {
                    lastComment = comments.count
                    comments.append((line.indentation, comment))
                }
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
