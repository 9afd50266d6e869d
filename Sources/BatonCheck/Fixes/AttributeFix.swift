import BatonModel
import BatonSyntax

/// Edits that give a statement attributes, written the way `baton fmt` writes them.
///
/// A statement with a list gets `, key=value` after its last attribute, and an attribute it
/// already has with another value is replaced in place (`backoff=fixed` becomes
/// `backoff=exponential`, never a second `backoff`). A statement without a list gets
/// ` [key=value]` after its label (or name); a declaration in a run `baton fmt` aligns gets
/// the list in the run's column. A fixed file that was formatted stays formatted, except that
/// a list on a declaration whose name is longer than every other listed name in its run moves
/// the run's column, which `baton fmt` then realigns as after any hand edit.
public enum AttributeFix {
    /// One attribute to write: `key` alone is a flag, else `key=value`.
    public struct Attribute: Hashable, Sendable {
        public var key: String
        public var value: String?

        public init(_ key: String, _ value: String? = nil) {
            self.key = key
            self.value = value
        }

        public var text: String {
            guard value != nil else { return key }
            var parts = FindingText.Parts(literalCapacity: 0, interpolationCount: 2)
            write(into: &parts)
            return FindingText(stringInterpolation: consume parts).string
        }

        /// `text`, written into a text being made (no string of its own).
        func write(into parts: inout FindingText.Parts) {
            parts.appendInterpolation(key)
            if let value {
                parts.appendLiteral("=")
                parts.appendInterpolation(value)
            }
        }
    }

    /// `prefix`, the attributes' texts with `separator` between them, and `suffix`, in one
    /// string: the list a fix adds, written without making a string of each attribute first.
    static func text(of attributes: [Attribute], prefix: String, separator: String, suffix: String) -> String {
        var parts = FindingText.Parts(literalCapacity: 0, interpolationCount: 2 * attributes.count)
        parts.appendLiteral(prefix)
        parts.appendList(attributes, separator: separator) { $1.write(into: &$0) }
        parts.appendLiteral(suffix)
        return FindingText(stringInterpolation: consume parts).string
    }

    /// The edits that give interaction `id` the attributes; empty when it has them already or
    /// when the check has no source text. Most are one insertion, held without an array
    /// (`FixEdits`): a large design makes thousands.
    public static func edits(adding attributes: [Attribute], to id: InteractionID, in context: CheckContext) -> FixEdits {
        guard let source = context.fixSource else { return FixEdits() }
        // Fields are read in place: binding the interaction copied its label, block and attributes.
        // The model has where each attribute of the list is written (every one of them, the
        // design having compiled without errors): `FixSource` keeps no interaction's list.
        if let listSpan = context.model.interactions[id.rawValue].attributeListSpan {
            return edits(adding: attributes, toListAt: listSpan,
                         written: context.model.interactions[id.rawValue].attributes.spans.written, source: source)
        }
        let text = Self.text(of: attributes, prefix: " [", separator: ", ", suffix: "]")
        let span = context.model.interactions[id.rawValue].span
        return FixEdits(.insert(text, at: span.end, in: span.file))
    }

    /// The edits that give participant `id` the attributes (see `edits(adding:to:in:)`).
    public static func edits(adding attributes: [Attribute], to id: ParticipantID, in context: CheckContext) -> FixEdits {
        guard let source = context.fixSource else { return FixEdits() }
        let participant = context.model[id]
        if let listSpan = participant.attributeListSpan, let list = source.list(listSpan) {
            return edits(adding: attributes, toListAt: list.span, written: list.attributes.map { ($0.key, $0.span) },
                         source: source)
        }
        let list = Self.text(of: attributes, prefix: "[", separator: ", ", suffix: "]")
        var gap = " "
        if let (declaration, run) = source.declaration(participant.span), declaration.label == nil, run.count > 1 {
            // The formatter pads names to the longest one with something after it.
            let width = max(run.nameWidth, declaration.name.name.count)
            gap = String(repeating: " ", count: max(1, width + 1 - declaration.name.name.count))
        }
        return FixEdits(.insert(gap + list, at: participant.span.end, in: participant.span.file))
    }

    /// Edits of an existing list, at `listSpan`, whose attributes are `written` (each key
    /// with its attribute's span, in order): replace what conflicts, append what is missing.
    /// What is appended is written straight into one text (`FindingText.Parts`): most fixes add
    /// one attribute, and a list of texts and its join were two allocations each.
    static func edits(adding attributes: [Attribute], toListAt listSpan: Span, written: [(key: String, span: Span)],
                      source: FixSource) -> FixEdits {
        // Replacements are rare: the array is made for the first one.
        var replacements: [TextEdit] = []
        var appended = FindingText.Parts(literalCapacity: 0, interpolationCount: attributes.count)
        var appendsAny = false
        for index in attributes.indices {
            let attribute = attributes[index]
            if let existing = written.first(where: { $0.key == attribute.key }) {
                let text = attribute.text
                guard !source.text(of: existing.span, is: text) else { continue }
                replacements.append(TextEdit(existing.span, text))
            } else if !attributes[..<index].contains(attribute) {
                // After the list's last attribute, or between two appended ones.
                if appendsAny || !written.isEmpty { appended.appendLiteral(", ") }
                attribute.write(into: &appended)
                appendsAny = true
            }
        }
        guard appendsAny else { return FixEdits(replacements) }
        let text = FindingText(stringInterpolation: consume appended).string
        let insertion: TextEdit = written.last.map { .insert(text, at: $0.span.end, in: listSpan.file) }
            ?? .insert(text, at: listSpan.start + 1, in: listSpan.file)
        guard !replacements.isEmpty else { return FixEdits(insertion) }
        replacements.append(insertion)
        return FixEdits(replacements)
    }

    /// The unsafe fix that gives interaction `id` the attributes, titled "add …" unless given a
    /// title; none when there is nothing to edit.
    public static func fix(adding attributes: [Attribute], to id: InteractionID, in context: CheckContext,
                           title: String? = nil) -> [Fix] {
        unsafeFix(edits(adding: attributes, to: id, in: context), title: title ?? Self.title(attributes))
    }

    /// The unsafe fix that gives participant `id` the attributes (see `fix(adding:to:in:title:)`).
    public static func fix(adding attributes: [Attribute], to id: ParticipantID, in context: CheckContext,
                           title: String? = nil) -> [Fix] {
        unsafeFix(edits(adding: attributes, to: id, in: context), title: title ?? Self.title(attributes, on: "'\(context.name(id))'"))
    }

    /// The unsafe fix of `edits`, none when there are none (its title is then not made).
    private static func unsafeFix(_ edits: FixEdits, title: @autoclosure () -> String) -> [Fix] {
        edits.isEmpty ? [] : [Fix(title(), safety: .unsafe, edits: edits)]
    }

    /// "add backoff=exponential and jitter"
    public static func title(_ attributes: [Attribute], on what: String? = nil) -> String {
        var parts = FindingText.Parts(literalCapacity: 0, interpolationCount: 2 * attributes.count + 1)
        parts.appendLiteral("add ")
        parts.appendList(attributes, separator: ", ", lastSeparator: " and ") { $1.write(into: &$0) }
        if let what {
            parts.appendLiteral(" to ")
            parts.appendInterpolation(what)
        }
        return FindingText(stringInterpolation: consume parts).string
    }
}
