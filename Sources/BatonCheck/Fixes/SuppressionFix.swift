import BatonSyntax

/// Fixes that add or remove `# baton:ignore` comments.
public enum SuppressionFix {
    /// The placeholder reason of an added suppression: a suppression without a reason is a
    /// finding hidden for no recorded cause, so the person who accepts the fix must write one.
    static let reasonPlaceholder = "TODO: why this finding is acceptable"

    /// The fix that adds `# baton:ignore RULE -- …` on its own line above the statement
    /// `diagnostic` belongs to, indented like it (see `Diagnostic.suppressionLineStart`); nil
    /// when it offers none.
    public static func fix(for diagnostic: Diagnostic, in sources: SourceMap) -> Fix? {
        var texts = Texts()
        return texts.fix(for: diagnostic, in: sources)
    }

    /// The title of the fix that suppresses a finding of `rule`.
    public static func title(for rule: String) -> String {
        "suppress this \(rule) finding with a # baton:ignore comment"
    }

    /// The title and the comment of the suppressions of a report, each made once and shared
    /// by every fix that has it: a large design has one finding per few statements, all
    /// offered a suppression, whose texts differ only by rule and indentation. Sharing the
    /// texts also lets a JSON report know a fix it wrote before by where they are stored
    /// (`SuppressionLayouts`).
    public struct Texts: Sendable {
        private struct Made: Sendable {
            var rule: String
            var indentation: [UInt8]
            var title: String
            var comment: String
        }

        /// Few: the rules that found something, at the indentations of their statements.
        private var made: [Made] = []
        /// The one found last, looked at first: a report's findings come by rule and line.
        private var last = 0

        public init() {}

        /// The fix that suppresses `diagnostic` (see `SuppressionFix.fix(for:in:)`).
        public mutating func fix(for diagnostic: Diagnostic, in sources: SourceMap) -> Fix? {
            guard let start = diagnostic.suppressionLineStart else { return nil }
            let file = diagnostic.span.file
            guard file.rawValue >= 0, file.rawValue < sources.files.count else { return nil }
            let texts = texts(rule: diagnostic.code, lineStart: Int(start), in: sources[file])
            return Fix(texts.title, safety: Self.safety, edit: .insert(texts.comment, at: Int(start), in: file), isSuppression: true)
        }

        /// How safe a suppression is: it changes nothing of the design, but hides a finding for
        /// a reason only a person can give, so no flag applies it.
        public static let safety = Fix.Safety.unsafe

        /// The title and the comment of the suppression of a `rule` finding whose statement's
        /// line starts at `lineStart` of `source`: the comment is indented like the line.
        public mutating func texts(rule: String, lineStart: Int, in source: borrowing SourceFile) -> (title: String, comment: String) {
            source.bytes.withUnsafeBufferPointer { bytes in
                let start = min(max(0, lineStart), bytes.count)
                var end = start
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                let indentation = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if last < made.count, made[last].rule == rule, made[last].indentation.elementsEqual(indentation) {
                    return (made[last].title, made[last].comment)
                }
                if let index = made.firstIndex(where: { $0.rule == rule && $0.indentation.elementsEqual(indentation) }) {
                    last = index
                    return (made[index].title, made[index].comment)
                }
                let title = SuppressionFix.title(for: rule)
                let comment = String(decoding: indentation, as: UTF8.self) + "# baton:ignore \(rule) -- \(SuppressionFix.reasonPlaceholder)\n"
                made.append(Made(rule: rule, indentation: Array(indentation), title: title, comment: comment))
                last = made.count - 1
                return (title, comment)
            }
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

extension Diagnostic {
    /// `fixes`, then the suppression the finding offers (see `suppressionLineStart`): every
    /// fix an editor or a report shows for it.
    public func allFixes(in sources: SourceMap) -> [Fix] {
        guard let suppression = SuppressionFix.fix(for: self, in: sources) else { return fixes }
        return fixes + [suppression]
    }
}
