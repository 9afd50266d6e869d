// A pandoc JSON filter: pandoc writes its document tree as JSON to our stdin and reads the
// changed tree from our stdout (`pandoc --filter baton-pandoc` or `pandoc -t json | baton
// pandoc html | pandoc -f json`). Code blocks with the class `baton` become diagrams: inline
// SVG for HTML outputs, SVG files referenced as images for every other format (pandoc converts
// SVG for PDF and Word itself, through rsvg-convert).
//
// Everything else passes through untouched: the tree is walked generically, so node types
// added by future pandoc versions survive, and `pandoc-api-version` is echoed back as received.

import BatonJSON
import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax

public struct PandocOptions: Sendable {
    /// Where image files go for non-HTML formats (created by the caller).
    public var imageDirectory: String
    public var onError: MarkdownOptions.OnError
    public var theme: Theme.Name
    public var version: String
    /// Whether a block's imports may resolve next to the document its `data-pos` names (the
    /// path as written there). The name alone cannot tell — `docs/x.md` is inside the working
    /// directory by its text even when `docs` is a link to `/etc` — so the caller decides, on
    /// real paths. Otherwise, and by default, imports resolve from the working directory.
    public var importsMayResolveNextTo: @Sendable (String) -> Bool

    public init(imageDirectory: String, onError: MarkdownOptions.OnError, theme: Theme.Name, version: String,
                importsMayResolveNextTo: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.imageDirectory = imageDirectory
        self.onError = onError
        self.theme = theme
        self.version = version
        self.importsMayResolveNextTo = importsMayResolveNextTo
    }
}

public struct PandocResult: Sendable {
    public var document: JSONValue
    public var files: [GeneratedFile]
    public var diagnostics: [ReportedDiagnostic]
    public var failed: Bool
}

public enum PandocFilter {
    /// Output formats that take inline SVG.
    static let htmlFormats: Set<String> = ["html", "html4", "html5", "revealjs", "slidy", "slideous", "s5", "dzslides", "epub", "epub2", "epub3", "chunkedhtml"]

    /// The metadata field that names the image directory.
    public static let directoryField = "baton-dir"

    /// Document metadata overrides the options: `baton-on-error: placeholder`, `baton-theme: dark`,
    /// `baton-dir: images`. A theme Baton does not have refuses the document: every diagram would
    /// fail on it.
    public static func options(from document: JSONValue, defaults: PandocOptions) throws(DocsSettingError) -> PandocOptions {
        var options = defaults
        let meta = document["meta"]
        if let value = meta?["baton-on-error"].flatMap(metaString), let onError = MarkdownOptions.OnError(rawValue: value) {
            options.onError = onError
        }
        if let value = meta?["baton-theme"].flatMap(metaString) {
            options.theme = try DocsSettingError.reading(value, as: "theme", from: "the metadata field baton-theme")
        }
        if let value = requestedDirectory(in: document) { options.imageDirectory = value }
        return options
    }

    /// The image directory the document's metadata asks for, if any. A document is not trusted
    /// to write anywhere it likes: the caller confines this directory (see `baton pandoc`).
    public static func requestedDirectory(in document: JSONValue) -> String? {
        document["meta"]?[directoryField].flatMap(metaString)
    }

    public static func run(_ document: JSONValue, format: String, options: PandocOptions, render: @escaping DiagramRenderer) -> PandocResult {
        var state = State(format: format.split(separator: "+").first.map(String.init) ?? format, options: options, render: render)
        let transformed = state.walk(document)
        return PandocResult(document: transformed, files: state.files, diagnostics: state.diagnostics, failed: state.failed)
    }

    struct State {
        let format: String
        let options: PandocOptions
        let render: DiagramRenderer
        var files: [GeneratedFile] = []
        var diagnostics: [ReportedDiagnostic] = []
        var failed = false
        var blockNumber = 0

        var isHTML: Bool { PandocFilter.htmlFormats.contains(format) }

        mutating func walk(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let values):
                return .array(values.map { walk($0) })
            case .object(let members):
                if value["t"]?.stringValue == "CodeBlock", let replacement = codeBlock(value) {
                    return replacement
                }
                return .object(members.map { ($0.0, walk($0.1)) })
            default:
                return value
            }
        }

        /// `{"t":"CodeBlock","c":[[id,[classes],[[key,value]]], text]}` with class `baton`.
        mutating func codeBlock(_ node: JSONValue) -> JSONValue? {
            guard let content = node["c"]?.arrayValue, content.count == 2,
                  let attr = content[0].arrayValue, attr.count == 3,
                  let classes = attr[1].arrayValue?.compactMap(\.stringValue), classes.contains(MarkdownFences.language),
                  let text = content[1].stringValue
            else { return nil }
            blockNumber += 1
            var attributes: [(String, String)] = []
            for pair in attr[2].arrayValue ?? [] {
                if let pair = pair.arrayValue, pair.count == 2, let key = pair[0].stringValue, let value = pair[1].stringValue {
                    attributes.append((key, value))
                }
            }
            func attribute(_ key: String) -> String? { attributes.last { $0.0 == key }?.1 }
            // With `+sourcepos`, pandoc says where the block starts: keep Markdown line numbers
            // (the block's text numbered from there, nothing compiled before it).
            let (path, fenceLine) = Self.position(attribute("data-pos"), blockNumber: blockNumber)
            // Imports resolve next to the document pandoc named — but only where the caller
            // allows: a document cannot name its way to other places on disk.
            let resolved = options.importsMayResolveNextTo(path) ? path : "<code block \(blockNumber)>"
            let input = SourceInput(displayPath: path, resolvedPath: resolved, bytes: Array(text.utf8), lineOffset: fenceLine)
            let flow = attribute("flow")
            let drawn: Result<(diagram: RenderedDiagram, hash: String, theme: Theme.Name), DiagramFailure>
            do throws(DiagramFailure) {
                let view = try DiagramSetting.view(attribute("view"))
                let theme = try attribute("theme").map(DiagramSetting.theme) ?? options.theme
                let direction = try DiagramSetting.direction(attribute("direction"))
                let findings = try DiagramSetting.findings(attribute("findings"))
                let explanations = try DiagramExplanations.read { attribute($0) }
                let hash = DiagramName.hash(source: text, flow: flow, view: view, direction: direction, findings: findings,
                                            explanations: explanations, version: options.version)
                let request = DiagramRequest(input: input, flow: flow, view: view, theme: theme,
                                             idPrefix: attribute("id") ?? DiagramName.idPrefix(hash: hash), direction: direction,
                                             findings: findings, explanations: explanations)
                drawn = render(request).map { ($0, hash, theme) }
            } catch {
                drawn = .failure(error)
            }
            switch drawn {
            case .success(let (diagram, hash, theme)):
                if isHTML {
                    let html = "<div class=\"baton-diagram\">" + diagram.svg.trimmingWhitespace() + "</div>"
                    return .object([("t", .string("RawBlock")), ("c", .array([.string("html"), .string(html)]))])
                }
                let name = DiagramName.file(hash: hash, theme: theme)
                let file = PathName.join(options.imageDirectory, name)
                files.append(GeneratedFile(path: file, contents: diagram.svg))
                let alt = attribute("alt") ?? diagram.description
                let image: JSONValue = .object([
                    ("t", .string("Image")),
                    ("c", .array([
                        .array([.string(""), .array([]), .array([])]),
                        .array([.object([("t", .string("Str")), ("c", .string(alt))])]),
                        .array([.string(file), .string("")]),
                    ])),
                ])
                return .object([("t", .string("Para")), ("c", .array([image]))])
            case .failure(var failure):
                if resolved != path {
                    // The usual advice ("relative to 'docs/x.md'") would be wrong here.
                    for index in failure.diagnostics.indices where failure.diagnostics[index].code == CompileError.importNotFound {
                        failure.diagnostics[index].help = "'\(path)' is outside the working directory (symbolic links followed), "
                            + "so this block's imports are read from the working directory"
                    }
                }
                diagnostics += failure.diagnostics
                guard options.onError == .placeholder else {
                    failed = true
                    return nil
                }
                let lines = failure.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
                let message = "Baton could not draw this diagram:\n" + (lines.isEmpty ? failure.message : lines.joined(separator: "\n"))
                if isHTML {
                    return .object([("t", .string("RawBlock")), ("c", .array([.string("html"),
                        .string("<pre class=\"baton-error\" role=\"alert\">\(XMLEscaping.text(message))</pre>")]))])
                }
                return .object([("t", .string("CodeBlock")), ("c", .array([
                    .array([.string(""), .array([.string("baton-error")]), .array([])]), .string(message),
                ]))])
            }
        }

        /// The largest line number taken from `data-pos`: a line number costs nothing (it only
        /// numbers the block's lines), but no real document has more lines, so a larger one is
        /// forged, and ignored.
        static let maximumLine = 1_000_000_000

        /// `data-pos` is `file.md@12:1-16:4` or `12:1-16:4`: the file and the fence's line (0 when
        /// it is missing or past `maximumLine`).
        static func position(_ dataPos: String?, blockNumber: Int) -> (path: String, firstLine: Int) {
            guard let dataPos else { return ("<code block \(blockNumber)>", 0) }
            var path = "<code block \(blockNumber)>"
            var rest = Substring(dataPos)
            if let at = rest.lastIndex(of: "@") {
                path = String(rest[..<at])
                rest = rest[rest.index(after: at)...]
            }
            let line = Int(rest.prefix { $0.isASCII && $0.isNumber }) ?? 0
            return (path, line <= maximumLine ? line : 0)
        }
    }

    /// The text of a metadata value (MetaString, MetaInlines of Str/Space, MetaBool).
    static func metaString(_ value: JSONValue) -> String? {
        switch value["t"]?.stringValue {
        case "MetaString": return value["c"]?.stringValue
        case "MetaBool": return value["c"]?.boolValue.map { $0 ? "true" : "false" }
        case "MetaInlines", "MetaBlocks":
            var text = ""
            func collect(_ node: JSONValue) {
                switch node["t"]?.stringValue {
                case "Str": text += node["c"]?.stringValue ?? ""
                case "Space", "SoftBreak": text += " "
                default: for child in node["c"]?.arrayValue ?? [] { collect(child) }
                }
            }
            for node in value["c"]?.arrayValue ?? [] { collect(node) }
            return text
        default: return nil
        }
    }
}
