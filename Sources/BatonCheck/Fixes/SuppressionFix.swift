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
        /// What a slot's texts are for, compared as numbers in place: the rule's id as its
        /// string holds it (its bytes when they are few, else where they are stored: the
        /// findings of one rule share the string), and the indentation's bytes, packed. The
        /// same id in another string is another key, whose texts are made again: never mixed up,
        /// since a slot keeps its rule's string, so no other is stored where it is meanwhile.
        /// Compared as text, each key took a few hundred instructions per finding.
        private struct Key: Equatable, Sendable {
            var rule: UInt64
            var ruleRest: UInt64
            var indentation: UInt64
            var indentationCount: Int

            /// The `probe`th slot of `count` (a power of two) where the key may be held: from
            /// the one it picks first, on, `slotsPerKey` in all.
            func slot(_ probe: Int, of count: Int) -> Int {
                let mixed = (rule ^ (ruleRest &>> 3) ^ indentation ^ UInt64(indentationCount)) &* 0x9E37_79B9_7F4A_7C15
                return (Int(truncatingIfNeeded: mixed >> 32) + probe) & (count - 1)
            }
        }

        /// The slots, a power of two: made for the first key, and doubled (up to `mostSlots`)
        /// when a key finds its `slotsPerKey` taken, rather than take another's: a report has
        /// its rules at a few indentations each (a 1 MB design nests a few levels deep, and 64
        /// fixed slots missed 326 times in its 15,300 findings), a small design's file a few.
        static let firstSlots = 16
        static let mostSlots = 1_024
        static let slotsPerKey = 4

        /// The slots, made for the first key.
        private var keys: [Key?] = []
        /// Each slot's rule (held, see `Key`), title and comment. Arrays of their own beside the
        /// keys, not one array of slots: reading a key through an optional slot copied the
        /// whole slot, its three strings retained and released (4M instructions more at 1 MB).
        private var rules: [String] = []
        private var titles: [String] = []
        private var comments: [String] = []

        public init() {}

        /// The fix that suppresses `diagnostic` (see `SuppressionFix.fix(for:in:)`).
        public mutating func fix(for diagnostic: Diagnostic, in sources: SourceMap) -> Fix? {
            guard let start = diagnostic.suppressionLineStart else { return nil }
            let file = diagnostic.span.file
            guard file.rawValue >= 0, file.rawValue < sources.files.count else { return nil }
            return fix(rule: diagnostic.code, lineStart: start, in: sources[file])
        }

        /// The fix that suppresses a `rule` finding whose statement's line starts at
        /// `lineStart` of `source` (the finding's file).
        public mutating func fix(rule: String, lineStart: Int32, in source: borrowing SourceFile) -> Fix {
            let offset = Int(lineStart)
            let texts = texts(rule: rule, lineStart: offset, in: source)
            return Fix(texts.title, safety: Self.safety, edit: .insert(texts.comment, at: offset, in: source.id), isSuppression: true)
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
                return texts(rule: rule, indentation: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }

        private mutating func texts(rule: String, indentation: UnsafeBufferPointer<UInt8>) -> (title: String, comment: String) {
            guard let key = Self.key(rule: rule, indentation: indentation) else { return Self.made(rule: rule, indentation: indentation) }
            if keys.isEmpty { makeSlots(Self.firstSlots) }
            while true {
                var free: Int?
                for probe in 0..<Self.slotsPerKey {
                    let slot = key.slot(probe, of: keys.count)
                    guard let held = keys[slot] else {
                        if free == nil { free = slot }
                        continue
                    }
                    if held == key { return (titles[slot], comments[slot]) }
                }
                if let free {
                    let texts = Self.made(rule: rule, indentation: indentation)
                    keys[free] = key
                    rules[free] = rule
                    titles[free] = texts.title
                    comments[free] = texts.comment
                    return texts
                }
                guard keys.count < Self.mostSlots else { return Self.made(rule: rule, indentation: indentation) }
                makeSlots(2 * keys.count)
            }
        }

        /// `count` slots, holding the texts made so far.
        private mutating func makeSlots(_ count: Int) {
            let held = zip(keys, zip(rules, zip(titles, comments)))
            keys = Array(repeating: nil, count: count)
            rules = Array(repeating: "", count: count)
            titles = rules
            comments = rules
            for (key, (rule, (title, comment))) in held {
                // Put where the key now points: a free slot, or left out (made again if asked for).
                guard let key, let slot = (0..<Self.slotsPerKey).lazy.map({ key.slot($0, of: count) })
                    .first(where: { self.keys[$0] == nil }) else { continue }
                keys[slot] = key
                rules[slot] = rule
                titles[slot] = title
                comments[slot] = comment
            }
        }

        /// The key of these texts; nil when the indentation is longer than a key holds (its
        /// texts are then made each time).
        private static func key(rule: String, indentation: UnsafeBufferPointer<UInt8>) -> Key? {
            guard indentation.count <= 8, MemoryLayout<String>.size == 16 else { return nil }
            var packed: UInt64 = 0
            for byte in indentation { packed = packed << 8 | UInt64(byte) }
            return withUnsafeBytes(of: rule) { raw in
                Key(rule: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), ruleRest: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    indentation: packed, indentationCount: indentation.count)
            }
        }

        private static func made(rule: String, indentation: UnsafeBufferPointer<UInt8>) -> (title: String, comment: String) {
            (SuppressionFix.title(for: rule),
             String(decoding: indentation, as: UTF8.self) + "# baton:ignore \(rule) -- \(SuppressionFix.reasonPlaceholder)\n")
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
