// An mdBook preprocessor: mdBook runs `baton mdbook supports RENDERER` (exit 0 when we support
// it), then `baton mdbook` with `[context, book]` as JSON on stdin, and reads the book back from
// stdout. Every chapter's ```baton fences become inline SVG.
//
// mdBook 0.4 lists chapters under `sections`, 0.5 under `items`; both are accepted, and every
// field we do not touch is written back exactly as received.

import BatonJSON
import BatonModel
import BatonRender
import BatonReport

public enum MdBookPreprocessor {
    /// Renderers whose output takes inline SVG.
    public static func supports(renderer: String) -> Bool { renderer == "html" }

    public struct Result: Sendable {
        public var book: JSONValue
        public var diagnostics: [ReportedDiagnostic]
        public var failed: Bool
    }

    /// Options from `[preprocessor.baton]` in book.toml: `on-failure = "bail" | "continue"`,
    /// `theme = "light" | "dark"`. A theme Baton does not have refuses the book: every diagram
    /// would fail on it.
    public static func options(from context: JSONValue, version: String) throws(DocsSettingError) -> MarkdownOptions {
        let config = context["config"]?["preprocessor"]?["baton"]
        let onFailure = config?["on-failure"]?.stringValue ?? "bail"
        let theme: Theme.Name = try config?["theme"]?.stringValue.map { word throws(DocsSettingError) in
            try DocsSettingError.reading(word, as: "theme", from: "book.toml's [preprocessor.baton]")
        } ?? .light
        return MarkdownOptions(output: .inline, onError: onFailure == "continue" ? .placeholder : .fail,
                               inlineTheme: theme, version: version)
    }

    /// The book with its diagrams drawn; nil when `input` is not mdBook's `[context, book]` pair.
    public static func run(_ input: JSONValue, version: String, render: @escaping DiagramRenderer) throws(DocsSettingError) -> Result? {
        guard let pair = input.arrayValue, pair.count == 2 else { return nil }
        let context = pair[0]
        let options = try options(from: context, version: version)
        let root = context["root"]?.stringValue ?? "."
        let source = context["config"]?["book"]?["src"]?.stringValue ?? "src"
        var state = Walk(options: options, render: render, sourceDirectory: PathName.join(root, source))
        let book = state.book(pair[1])
        return Result(book: book, diagnostics: state.diagnostics, failed: state.failed)
    }

    struct Walk {
        let options: MarkdownOptions
        let render: DiagramRenderer
        let sourceDirectory: String
        var diagnostics: [ReportedDiagnostic] = []
        var failed = false

        mutating func book(_ book: JSONValue) -> JSONValue {
            guard case .object(let members) = book else { return book }
            return .object(members.map { key, value in
                (key == "sections" || key == "items") ? (key, items(value)) : (key, value)
            })
        }

        mutating func items(_ value: JSONValue) -> JSONValue {
            guard case .array(let items) = value else { return value }
            return .array(items.map { item in
                guard case .object(let members) = item, let chapter = item["Chapter"] else { return item }
                return .object(members.map { key, value in key == "Chapter" ? (key, self.chapter(chapter)) : (key, value) })
            })
        }

        mutating func chapter(_ chapter: JSONValue) -> JSONValue {
            guard case .object(let members) = chapter else { return chapter }
            let path = chapter["source_path"]?.stringValue ?? chapter["path"]?.stringValue ?? chapter["name"]?.stringValue ?? "chapter"
            return .object(members.map { key, value in
                switch key {
                case "content":
                    guard let text = value.stringValue, text.contains("```") || text.contains("~~~") else { return (key, value) }
                    let result = MarkdownProcessor.process(Array(text.utf8), displayPath: path,
                                                           resolvedPath: PathName.join(sourceDirectory, path),
                                                           options: options, render: render)
                    diagnostics += result.diagnostics
                    failed = failed || result.failed
                    return (key, .string(result.text))
                case "sub_items":
                    return (key, items(value))
                default:
                    return (key, value)
                }
            })
        }
    }
}
