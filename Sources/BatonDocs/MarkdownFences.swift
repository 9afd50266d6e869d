// Finds ```baton fenced code blocks in Markdown (CommonMark rules for fences: three or more
// backticks or tildes, indented at most three spaces, closed by a fence of the same character
// at least as long; an unclosed fence runs to the end of the document).

/// One fenced code block whose info string starts with `baton`.
public struct MarkdownFence: Hashable, Sendable {
    /// Byte range of the whole fence, opening line to closing line (including its line break).
    public var range: Range<Int>
    /// Byte range of the code inside, without the fence lines.
    public var contentRange: Range<Int>
    /// 1-based line of the opening fence.
    public var line: Int
    /// Spaces before the opening fence (removed from content lines, as CommonMark does).
    public var indent: Int
    /// The info string after `baton`, parsed as `key=value` / `key="value"` options.
    public var options: [(key: String, value: String)]
    /// The opening fence's characters (```` ``` ````, `~~~~`...): a closing fence needs as many.
    public var marker: String = "```"
    /// Whether a closing fence was found. CommonMark lets an unclosed fence run to the end of
    /// the document, but for a Baton fence that is almost always a forgotten closing line, and
    /// anything generated after it would land inside the code block.
    public var isClosed: Bool = true

    public static func == (lhs: MarkdownFence, rhs: MarkdownFence) -> Bool {
        lhs.range == rhs.range && lhs.contentRange == rhs.contentRange && lhs.line == rhs.line && lhs.indent == rhs.indent
            && lhs.options.map(\.key) == rhs.options.map(\.key) && lhs.options.map(\.value) == rhs.options.map(\.value)
            && lhs.marker == rhs.marker && lhs.isClosed == rhs.isClosed
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(range.lowerBound) }

    public func option(_ key: String) -> String? { options.last { $0.key == key }?.value }
}

public enum MarkdownFences {
    /// The language tag that marks a Baton diagram.
    public static let language = "baton"

    public static func find(in bytes: [UInt8]) -> [MarkdownFence] {
        var fences: [MarkdownFence] = []
        var lineStart = 0
        var lineNumber = 1
        // The open fence: character, length, indent, start offset, line, info.
        var open: (character: UInt8, length: Int, indent: Int, start: Int, contentStart: Int, line: Int, info: String, isBaton: Bool)?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(bytes.count, lineEnd + 1)
            let line = bytes[lineStart..<lineEnd]
            if let current = open {
                if let fence = fenceMarker(line), fence.character == current.character, fence.length >= current.length,
                   fence.rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                {
                    if current.isBaton {
                        fences.append(MarkdownFence(range: current.start..<next, contentRange: current.contentStart..<lineStart,
                                                    line: current.line, indent: current.indent, options: parseOptions(current.info),
                                                    marker: marker(current.character, current.length)))
                    }
                    open = nil
                }
            } else if let fence = fenceMarker(line) {
                let info = String(decoding: fence.rest, as: UTF8.self).trimmingWhitespace()
                // Backtick fences may not have backticks in their info string.
                if !(fence.character == UInt8(ascii: "`") && info.contains("`")) {
                    let word = info.prefix { !$0.isWhitespace && $0 != "{" }
                    let isBaton = word == language || word == "{.\(language)" || info.hasPrefix("{.\(language)")
                    open = (fence.character, fence.length, fence.indent, lineStart, next, lineNumber, info, isBaton)
                }
            }
            lineStart = next
            lineNumber += 1
        }
        // An unclosed fence of another language swallows the rest of the document (so no Baton
        // fence is found inside it); an unclosed Baton fence is returned, marked, for the caller
        // to refuse.
        if let current = open, current.isBaton {
            fences.append(MarkdownFence(range: current.start..<bytes.count, contentRange: min(current.contentStart, bytes.count)..<bytes.count,
                                        line: current.line, indent: current.indent, options: parseOptions(current.info),
                                        marker: marker(current.character, current.length), isClosed: false))
        }
        return fences
    }

    static func marker(_ character: UInt8, _ length: Int) -> String {
        String(repeating: String(UnicodeScalar(character)), count: length)
    }

    /// A fence line: up to three spaces, then three or more of one fence character.
    static func fenceMarker(_ line: ArraySlice<UInt8>) -> (character: UInt8, length: Int, indent: Int, rest: ArraySlice<UInt8>)? {
        var index = line.startIndex
        var indent = 0
        while index < line.endIndex, line[index] == 0x20, indent < 4 {
            indent += 1
            index += 1
        }
        guard indent <= 3, index < line.endIndex else { return nil }
        let character = line[index]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        var length = 0
        while index < line.endIndex, line[index] == character {
            length += 1
            index += 1
        }
        guard length >= 3 else { return nil }
        return (character, length, indent, line[index...])
    }

    /// `baton flow="Checkout" view=graph` → [("flow", "Checkout"), ("view", "graph")]. Also
    /// accepts pandoc-style `{.baton flow=Checkout}`.
    static func parseOptions(_ info: String) -> [(key: String, value: String)] {
        var text = Substring(info)
        if text.hasPrefix("{") { text = text.dropFirst() }
        if text.hasSuffix("}") { text = text.dropLast() }
        var options: [(String, String)] = []
        var scalars = Array(text.unicodeScalars)
        // Drop the language word.
        while let first = scalars.first, first != " ", first != "\t" { scalars.removeFirst() }
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        while true {
            skipSpaces()
            guard index < scalars.count else { break }
            var key = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != " ", scalars[index] != "\t" {
                key.unicodeScalars.append(scalars[index])
                index += 1
            }
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote {
                        if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < scalars.count, scalars[index] != " ", scalars[index] != "\t" {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                }
            } else {
                value = "true"
            }
            if key.hasPrefix(".") || key.hasPrefix("#") { continue }  // pandoc classes and ids
            if !key.isEmpty { options.append((key, value)) }
        }
        return options
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
