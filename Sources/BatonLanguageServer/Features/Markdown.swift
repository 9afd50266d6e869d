import BatonSyntax

/// Markdown for hovers, where names, labels and attribute values come from the file being
/// edited: any of them could hold `*`, `[link](…)`, `<img …>` or a backtick, and an editor
/// renders hover text as Markdown (often with HTML). Every piece of such text goes through
/// `escape` so it shows as written and cannot add markup.
enum Markdown {
    /// `text` escaped for Markdown (`MarkdownText.escape`, shared with `baton diff`'s report).
    static func escape(_ text: String) -> String {
        MarkdownText.escape(text)
    }

    /// Our own text (numbers, kinds, keys the schema knows) in a code span; never untrusted text,
    /// which cannot be escaped inside one.
    static func code(_ text: String) -> String {
        "`\(text)`"
    }
}
