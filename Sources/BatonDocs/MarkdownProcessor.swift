// Turns ```baton fences in a Markdown document into diagrams.
//
// Two ways to use it:
// - build mode: the fences are replaced by the diagrams (image references or inline SVG) in
//   an output document, the source stays untouched (a documentation build step);
// - in-place mode: the fences stay, and each is followed by a generated block with its
//   picture, refreshed on every run (a README on GitHub, which renders no custom fences).
//
// Diagnostics point at the Markdown file's own lines: each fence is compiled from a copy of
// the whole document with everything outside the fence blanked out.

import BatonModel
import BatonRender
import BatonSyntax

public struct MarkdownOptions: Sendable {
    public enum Output: Sendable {
        /// SVG files in `directory` (a file-system path), referenced as `linkPrefix/<name>`.
        case images(directory: String, linkPrefix: String)
        /// The SVG itself in the page.
        case inline
    }

    public enum OnError: String, Sendable {
        /// Leave the fence as it is and fail the run.
        case fail
        /// Put an error box in the page and carry on.
        case placeholder
    }

    public var output: Output
    public var onError: OnError
    /// Keep the fences and put the generated picture after each one.
    public var inPlace: Bool
    /// Theme of inline diagrams (image mode always writes a light and a dark file).
    public var inlineTheme: String
    public var version: String

    public init(output: Output, onError: OnError = .fail, inPlace: Bool = false, inlineTheme: String = "light", version: String) {
        self.output = output
        self.onError = onError
        self.inPlace = inPlace
        self.inlineTheme = inlineTheme
        self.version = version
    }
}

public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    public var contents: String
}

public struct MarkdownResult: Sendable {
    public var text: String
    public var files: [GeneratedFile]
    public var diagnostics: [ReportedDiagnostic]
    /// A diagram failed and `onError` is `.fail`.
    public var failed: Bool
    public var diagramCount: Int
}

public enum MarkdownProcessor {
    static let generatedStart = "<!-- baton:generated (do not edit: run baton markdown --in-place to refresh) -->"
    static let generatedEnd = "<!-- /baton:generated -->"
    static let knownOptions = ["flow", "view", "direction", "alt", "theme", "id"]

    public static func process(_ bytes: [UInt8], displayPath: String, resolvedPath: String, options: MarkdownOptions,
                               render: DiagramRenderer) -> MarkdownResult {
        let fences = MarkdownFences.find(in: bytes)
        var result = MarkdownResult(text: "", files: [], diagnostics: [], failed: false, diagramCount: fences.count)
        // An unclosed Baton fence runs to the end of the document: a diagram in its place would
        // swallow the rest of the page, and a generated block after it would land inside the
        // fence (and break the next run). Refuse the document in every mode, whatever `onError`
        // says, before drawing anything.
        if let unclosed = fences.first(where: { !$0.isClosed }) {
            var diagnostic = atFence(unclosed, code: "unclosed-fence",
                                     message: "unclosed fence at line \(unclosed.line): the baton code block runs to the end of the document")
            diagnostic.file = displayPath
            diagnostic.help = "end the design with a line of \(unclosed.marker) (at least as long as the opening fence)"
            result.diagnostics.append(diagnostic)
            result.failed = true
            result.text = String(decoding: bytes, as: UTF8.self)
            return result
        }
        var output: [UInt8] = []
        var cursor = 0
        for fence in fences {
            output += bytes[cursor..<fence.range.lowerBound]
            cursor = fence.range.upperBound
            let replacement = diagram(for: fence, in: bytes, displayPath: displayPath, resolvedPath: resolvedPath,
                                      options: options, render: render, result: &result)
            if options.inPlace {
                output += bytes[fence.range]
                if !output.isEmpty, output.last != 0x0A { output.append(0x0A) }
                // Drop the previous run's generated block.
                cursor = skipGeneratedBlock(in: bytes, at: cursor)
                if let replacement {
                    output += Array(indented(generatedStart + "\n" + replacement + "\n" + generatedEnd + "\n", by: fence.indent).utf8)
                }
            } else if let replacement {
                output += Array(indented(replacement + "\n", by: fence.indent).utf8)
            } else {
                output += bytes[fence.range]
            }
        }
        output += bytes[cursor...]
        result.text = String(decoding: output, as: UTF8.self)
        return result
    }

    /// The HTML for one fence, or nil when it failed and the fence should stay as it is.
    static func diagram(for fence: MarkdownFence, in bytes: [UInt8], displayPath: String, resolvedPath: String,
                        options: MarkdownOptions, render: DiagramRenderer, result: inout MarkdownResult) -> String? {
        var sources = SourceMap()
        let file = sources.add(path: displayPath, bytes: bytes)
        for option in fence.options where !knownOptions.contains(option.key) {
            var diagnostic = ReportedDiagnostic(
                Diagnostic(code: "fence-option", severity: .warning,
                           message: "unknown option '\(option.key)' on the baton fence (known: \(knownOptions.joined(separator: ", ")))",
                           span: Span(file: file, start: fence.range.lowerBound, end: fence.range.lowerBound)),
                sources: sources)
            diagnostic.help = Suggestion.closest(to: option.key, in: knownOptions).map { "did you mean '\($0)'?" }
            result.diagnostics.append(diagnostic)
        }
        let view = fence.option("view") ?? "sequence"
        let flow = fence.option("flow")
        let direction = fence.option("direction")
        let content = dedented(bytes[fence.contentRange], by: fence.indent)
        let hash = DiagramName.hash(source: content, flow: flow, view: view, direction: direction, version: options.version)
        let masked = SourceInput(displayPath: displayPath, resolvedPath: resolvedPath, bytes: mask(bytes, keeping: fence.contentRange))
        func draw(_ theme: String) -> Result<RenderedDiagram, DiagramFailure> {
            render(DiagramRequest(input: masked, flow: flow, view: view, theme: theme,
                                  idPrefix: fence.option("id") ?? "b\(hash.prefix(10))\(theme == "dark" ? "d" : "")",
                                  direction: direction))
        }
        switch options.output {
        case .inline:
            switch draw(fence.option("theme") ?? options.inlineTheme) {
            case .success(let diagram):
                return "<div class=\"baton-diagram\">" + diagram.svg.trimmingWhitespace() + "</div>"
            case .failure(let failure):
                return failed(failure, fence: fence, displayPath: displayPath, options: options, result: &result)
            }
        case .images(let directory, let linkPrefix):
            let light = draw("light")
            let dark = draw("dark")
            switch (light, dark) {
            case (.success(let light), .success(let dark)):
                let lightName = DiagramName.file(hash: hash, theme: "light")
                let darkName = DiagramName.file(hash: hash, theme: "dark")
                result.files.append(GeneratedFile(path: PathName.join(directory, lightName), contents: light.svg))
                result.files.append(GeneratedFile(path: PathName.join(directory, darkName), contents: dark.svg))
                let alt = XMLEscaping.escape(fence.option("alt") ?? light.description)
                return """
                    <picture>
                    <source media="(prefers-color-scheme: dark)" srcset="\(XMLEscaping.escape(PathName.join(linkPrefix, darkName)))">
                    <img alt="\(alt)" src="\(XMLEscaping.escape(PathName.join(linkPrefix, lightName)))">
                    </picture>
                    """
            case (.failure(let failure), _), (_, .failure(let failure)):
                return failed(failure, fence: fence, displayPath: displayPath, options: options, result: &result)
            }
        }
    }

    static func failed(_ failure: DiagramFailure, fence: MarkdownFence, displayPath: String, options: MarkdownOptions,
                       result: inout MarkdownResult) -> String? {
        if failure.diagnostics.isEmpty {
            // A problem with the request itself (an unknown flow): report it at the fence.
            var diagnostic = atFence(fence, code: "render", message: failure.message)
            diagnostic.file = displayPath
            result.diagnostics.append(diagnostic)
        }
        result.diagnostics += failure.diagnostics
        switch options.onError {
        case .fail:
            result.failed = true
            return nil
        case .placeholder:
            var lines = failure.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue)[\($0.code)]: \($0.message)" }
            if lines.isEmpty { lines = [failure.message] }
            let body = lines.map(XMLEscaping.text).joined(separator: "\n")
            return "<pre class=\"baton-error\" role=\"alert\">Baton could not draw this diagram:\n\(body)</pre>"
        }
    }

    /// A diagnostic at a fence's opening line (positions come from `fence.line`).
    static func atFence(_ fence: MarkdownFence, code: String, message: String, severity: Severity = .error) -> ReportedDiagnostic {
        var sources = SourceMap()
        let text = String(repeating: "\n", count: fence.line - 1) + String(repeating: " ", count: fence.indent) + "```"
        let file = sources.add(path: "", bytes: Array(text.utf8))
        let start = text.utf8.count - 3
        return ReportedDiagnostic(Diagnostic(code: code, severity: severity, message: message,
                                             span: Span(file: file, start: start, end: start + 3)), sources: sources)
    }

    /// The fence's content preceded by one line break per line before it, so positions inside
    /// the fence keep their Markdown line and column (the content starts at a line's start) and
    /// nothing else of the document is compiled.
    static func mask(_ bytes: [UInt8], keeping range: Range<Int>) -> [UInt8] {
        let linesBefore = bytes[..<range.lowerBound].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return Array(repeating: 0x0A, count: linesBefore) + bytes[range]
    }

    /// The fence content with the fence's indentation removed from each line (CommonMark).
    static func dedented(_ content: ArraySlice<UInt8>, by indent: Int) -> String {
        let text = String(decoding: content, as: UTF8.self)
        guard indent > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            var removed = 0
            while removed < indent, line.first == " " {
                line = line.dropFirst()
                removed += 1
            }
            return String(line)
        }.joined(separator: "\n")
    }

    static func indented(_ text: String, by indent: Int) -> String {
        guard indent > 0 else { return text }
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            line.isEmpty ? String(line) : pad + line
        }.joined(separator: "\n")
    }

    /// After a fence: the end of an existing generated block there, or `offset` itself.
    static func skipGeneratedBlock(in bytes: [UInt8], at offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let start = Array(generatedStart.utf8)
        guard bytes.count - index >= start.count, Array(bytes[index..<index + start.count]) == start else { return offset }
        let end = Array(generatedEnd.utf8)
        var search = index + start.count
        while search + end.count <= bytes.count {
            if Array(bytes[search..<search + end.count]) == end {
                var after = search + end.count
                if after < bytes.count, bytes[after] == 0x0A { after += 1 }
                return after
            }
            search += 1
        }
        return offset
    }
}
