// Turns ```baton fences in a Markdown document into diagrams.
//
// Two ways to use it:
// - build mode: the fences are replaced by the diagrams (image references or inline SVG) in
//   an output document, the source stays untouched (a documentation build step);
// - in-place mode: the fences stay, and each is followed by a generated block with its
//   picture, refreshed on every run (a README on GitHub, which renders no custom fences).
//
// Diagnostics point at the Markdown file's own lines and columns: each fence is compiled from
// its own lines, indentation kept, numbered from the fence's place in the page (a line offset,
// not a line break per line before it: that made a page's work grow with its square).
//
// In place, a generated block runs from its start marker to its end marker. Baton never writes
// a blank line or a fence into one, so the end marker must come before either, and before the
// next Baton fence: a block whose end marker is gone is refused, never guessed at (a guess
// deleted the prose up to some later end marker).

import BatonLayout
import BatonModel
import BatonRender
import BatonReport
import BatonSyntax

public struct MarkdownOptions: Sendable {
    public enum Output: Sendable {
        /// SVG files in `directory` (a file-system path), referenced as `linkPrefix/<name>`.
        case images(directory: String, linkPrefix: String)
        /// The SVG itself in the page.
        case inline
    }

    public enum OnError: String, Sendable, CaseIterable {
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
    public var inlineTheme: Theme.Name
    public var version: String

    public init(output: Output, onError: OnError = .fail, inPlace: Bool = false, inlineTheme: Theme.Name = .light, version: String) {
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
    static let generatedStartBytes = Array(generatedStart.utf8)
    static let generatedEndBytes = Array(generatedEnd.utf8)
    static let knownOptions = ["flow", "view", "direction", "findings", "legend", "numbers", "timing", "alt", "theme", "id"]

    public static func process(_ bytes: [UInt8], displayPath: String, resolvedPath: String, options: MarkdownOptions,
                               render: DiagramRenderer) -> MarkdownResult {
        let fences = MarkdownFences.find(in: bytes)
        var result = MarkdownResult(text: String(decoding: bytes, as: UTF8.self), files: [], diagnostics: [], failed: false,
                                    diagramCount: fences.count)
        // An unclosed Baton fence runs to the end of the document: a diagram in its place would
        // swallow the rest of the page, and a generated block after it would land inside the
        // fence (and break the next run). Refuse the document in every mode, whatever `onError`
        // says, before drawing anything.
        if let unclosed = fences.first(where: { !$0.isClosed }) {
            var diagnostic = atFence(unclosed, in: bytes, displayPath: displayPath, code: "unclosed-fence",
                                     message: "unclosed fence at line \(unclosed.line): the baton code block runs to the end of the document")
            diagnostic.help = "end the design with a line of \(unclosed.marker) (at least as long as the opening fence)"
            result.diagnostics.append(diagnostic)
            result.failed = true
            return result
        }
        // In place, where each fence's old generated block ends — found before anything is
        // drawn, so that a block without its end refuses the document as a whole.
        var ends = fences.map(\.range.upperBound)
        if options.inPlace {
            for (index, fence) in fences.enumerated() {
                let limit = index + 1 < fences.count ? fences[index + 1].range.lowerBound : bytes.count
                switch generatedBlock(in: bytes, at: fence.range.upperBound, limit: limit) {
                case .none:
                    break
                case .complete(let end):
                    ends[index] = end
                case .unterminated(let indent):
                    result.diagnostics.append(unterminated(after: fence, indent: indent, in: bytes, displayPath: displayPath))
                    result.failed = true
                }
            }
            if result.failed { return result }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for (index, fence) in fences.enumerated() {
            // Fences come in document order, each after the last one's generated block (which
            // ends before the next fence); `max` keeps every range the right way round anyway.
            let start = max(cursor, fence.range.lowerBound)
            output += bytes[cursor..<start]
            cursor = max(start, ends[index])
            let replacement = diagram(for: fence, in: bytes, displayPath: displayPath, resolvedPath: resolvedPath,
                                      options: options, render: render, result: &result)
            if options.inPlace {
                output += bytes[start..<max(start, fence.range.upperBound)]
                if !output.isEmpty, output.last != 0x0A { output.append(0x0A) }
                // The previous run's generated block (up to `cursor`) is dropped.
                if let replacement {
                    output += Array(indented(generatedStart + "\n" + replacement + "\n" + generatedEnd + "\n", by: fence.indent).utf8)
                }
            } else if let replacement {
                output += Array(indented(replacement + "\n", by: fence.indent).utf8)
            } else {
                output += bytes[start..<cursor]
            }
        }
        output += bytes[cursor...]
        result.text = String(decoding: output, as: UTF8.self)
        return result
    }

    /// The HTML for one fence, or nil when it failed and the fence should stay as it is.
    static func diagram(for fence: MarkdownFence, in bytes: [UInt8], displayPath: String, resolvedPath: String,
                        options: MarkdownOptions, render: DiagramRenderer, result: inout MarkdownResult) -> String? {
        for option in fence.options where !knownOptions.contains(option.key) {
            var diagnostic = atFence(fence, in: bytes, displayPath: displayPath, code: "fence-option", severity: .warning,
                                     message: "unknown option '\(option.key)' on the baton fence (known: \(knownOptions.joined(separator: ", ")))")
            diagnostic.help = Suggestion.closest(to: option.key, in: knownOptions).map { "did you mean '\($0)'?" }
            result.diagnostics.append(diagnostic)
        }
        func failed(_ failure: DiagramFailure) -> String? {
            Self.failed(failure, fence: fence, in: bytes, displayPath: displayPath, options: options, result: &result)
        }
        // The fence's words, read into the render stage's values before anything is compiled:
        // one Baton does not have fails the fence. Inline diagrams take the fence's theme; image
        // mode draws both.
        let view: RenderView
        let direction: LayoutDirection?
        let findings: Bool
        let explanations: DiagramExplanations
        var inlineTheme = options.inlineTheme
        do throws(DiagramFailure) {
            view = try DiagramSetting.view(fence.option("view"))
            if case .inline = options.output, let word = fence.option("theme") { inlineTheme = try DiagramSetting.theme(word) }
            direction = try DiagramSetting.direction(fence.option("direction"))
            findings = try DiagramSetting.findings(fence.option("findings"))
            explanations = try DiagramExplanations.read { fence.option($0) }
        } catch {
            return failed(error)
        }
        let flow = fence.option("flow")
        let content = dedented(bytes[fence.contentRange], by: fence.indent)
        let hash = DiagramName.hash(source: content, flow: flow, view: view, direction: direction, findings: findings,
                                   explanations: explanations, version: options.version)
        // The content as written, indentation kept (so columns are the page's), numbered from
        // the line after the opening fence.
        let input = SourceInput(displayPath: displayPath, resolvedPath: resolvedPath, bytes: Array(bytes[fence.contentRange]),
                                lineOffset: fence.line)
        func idPrefix(_ theme: Theme.Name) -> String { fence.option("id") ?? DiagramName.idPrefix(hash: hash) + (theme == .dark ? "d" : "") }
        func draw(_ theme: Theme.Name, variant: DiagramVariant? = nil) -> Result<RenderedDiagram, DiagramFailure> {
            render(DiagramRequest(input: input, flow: flow, view: view, theme: theme, idPrefix: idPrefix(theme), direction: direction,
                                  variant: variant, findings: findings, explanations: explanations))
        }
        switch options.output {
        case .inline:
            switch draw(inlineTheme) {
            case .success(let diagram):
                return "<div class=\"baton-diagram\">" + diagram.svg.trimmingWhitespace() + "</div>"
            case .failure(let failure):
                return failed(failure)
            }
        case .images(let directory, let linkPrefix):
            // Both pictures from one compilation; a renderer that draws no variant is asked again.
            let light: RenderedDiagram
            switch draw(.light, variant: DiagramVariant(theme: .dark, idPrefix: idPrefix(.dark))) {
            case .success(let diagram): light = diagram
            case .failure(let failure): return failed(failure)
            }
            let dark: String
            if let variant = light.variantSVG {
                dark = variant
            } else {
                switch draw(.dark) {
                case .success(let diagram): dark = diagram.svg
                case .failure(let failure): return failed(failure)
                }
            }
            let lightName = DiagramName.file(hash: hash, theme: .light)
            let darkName = DiagramName.file(hash: hash, theme: .dark)
            result.files.append(GeneratedFile(path: PathName.join(directory, lightName), contents: light.svg))
            result.files.append(GeneratedFile(path: PathName.join(directory, darkName), contents: dark))
            let alt = XMLEscaping.escape(fence.option("alt") ?? light.description)
            return """
                <picture>
                <source media="(prefers-color-scheme: dark)" srcset="\(XMLEscaping.escape(PathName.join(linkPrefix, darkName)))">
                <img alt="\(alt)" src="\(XMLEscaping.escape(PathName.join(linkPrefix, lightName)))">
                </picture>
                """
        }
    }

    static func failed(_ failure: DiagramFailure, fence: MarkdownFence, in bytes: [UInt8], displayPath: String, options: MarkdownOptions,
                       result: inout MarkdownResult) -> String? {
        if failure.diagnostics.isEmpty {
            // A problem with the request itself (an unknown flow): report it at the fence.
            result.diagnostics.append(atFence(fence, in: bytes, displayPath: displayPath, code: "render", message: failure.message))
        }
        result.diagnostics += failure.diagnostics
        switch options.onError {
        case .fail:
            result.failed = true
            return nil
        case .placeholder:
            var lines = failure.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue)[\($0.code)]: \($0.message)" }
            if lines.isEmpty { lines = [failure.message] }
            // No blank line: a generated block never holds one (that is how a refresh finds
            // where a block without its end marker stops).
            let body = lines.map(XMLEscaping.text).joined(separator: "\n").split(separator: "\n")
                .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
            return "<pre class=\"baton-error\" role=\"alert\">Baton could not draw this diagram:\n\(body)</pre>"
        }
    }

    /// A diagnostic at a fence's opening marker, its line shown as the snippet.
    static func atFence(_ fence: MarkdownFence, in bytes: [UInt8], displayPath: String, code: String, severity: Severity = .error,
                        message: String) -> ReportedDiagnostic {
        atLine(fence.line, startingAt: fence.range.lowerBound, columns: fence.indent..<(fence.indent + fence.marker.utf8.count),
               in: bytes, displayPath: displayPath, code: code, severity: severity, message: message)
    }

    /// A diagnostic on one line of the page (`line` starts at byte `lineStart`), over the bytes
    /// `columns` of that line: only that line is turned into a source, numbered as in the page.
    static func atLine(_ line: Int, startingAt lineStart: Int, columns: Range<Int>, in bytes: [UInt8], displayPath: String,
                       code: String, severity: Severity, message: String) -> ReportedDiagnostic {
        let lineStart = min(max(0, lineStart), bytes.count)
        let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
        var sources = SourceMap()
        let file = sources.add(path: displayPath, bytes: Array(bytes[lineStart..<lineEnd]), lineOffset: line - 1)
        let start = min(columns.lowerBound, lineEnd - lineStart)
        let end = min(columns.upperBound, lineEnd - lineStart)
        return ReportedDiagnostic(Diagnostic(code: code, severity: severity, message: message, span: Span(file: file, start: start, end: end)),
                                  sources: sources)
    }

    /// The error for a generated block after `fence` that has no end marker (its start marker
    /// is the line after the fence, `indent` spaces in).
    static func unterminated(after fence: MarkdownFence, indent: Int, in bytes: [UInt8], displayPath: String) -> ReportedDiagnostic {
        let line = fence.line + bytes[fence.range].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        var diagnostic = atLine(line, startingAt: fence.range.upperBound, columns: indent..<(indent + generatedStartBytes.count),
                                in: bytes, displayPath: displayPath, code: "unclosed-generated-block", severity: .error,
                                message: "the generated block after the fence at line \(fence.line) has no end marker before "
                                    + "the next blank line, fence or the end of the document")
        diagnostic.help = "put back the line \(generatedEnd) where the old picture ends, or delete the old block from this "
            + "line to the end of its picture; the next run writes a fresh one"
        return diagnostic
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

    /// What follows a fence, in place.
    enum GeneratedBlock: Equatable {
        /// No generated block.
        case none
        /// A generated block; `end` is just past its end marker's line.
        case complete(end: Int)
        /// A start marker (`indent` spaces in) without an end marker.
        case unterminated(indent: Int)
    }

    /// The generated block that starts at `offset` (just after a fence), if any. Its end marker
    /// must start a line (after the block's indentation) before `limit` (the next Baton fence),
    /// and before any blank line or fence line, which Baton never writes into a block: past
    /// those, an end marker belongs to another block, and what lies between is the author's.
    static func generatedBlock(in bytes: [UInt8], at offset: Int, limit: Int) -> GeneratedBlock {
        let limit = min(max(offset, limit), bytes.count)
        var index = offset
        while index < limit, bytes[index] == 0x20 { index += 1 }
        guard bytes[index..<limit].starts(with: generatedStartBytes) else { return .none }
        var lineStart = (bytes[index..<limit].firstIndex(of: 0x0A) ?? limit) + 1
        while lineStart < limit {
            let lineEnd = bytes[lineStart..<limit].firstIndex(of: 0x0A) ?? limit
            let line = bytes[lineStart..<lineEnd]
            let text = line.drop { $0 == 0x20 || $0 == 0x09 }
            if text.starts(with: generatedEndBytes),
               text.dropFirst(generatedEndBytes.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                return .complete(end: min(lineEnd + 1, limit))
            }
            if text.allSatisfy({ $0 == 0x0D }) || MarkdownFences.fenceMarker(line) != nil { break }
            lineStart = lineEnd + 1
        }
        return .unterminated(indent: index - offset)
    }
}
