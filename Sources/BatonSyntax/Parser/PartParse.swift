/// A large file's top-level statements parsed in parts, on several threads, with exactly the
/// result of one parse from the start (`BatonParser.sequential`) — or no result, and the caller
/// parses from the start.
///
/// The file is cut just after a line break, where a line starts, in its first column, with a
/// word that begins a top-level statement (`flow`, `group`, `scenario`, `title`, `import`, a
/// participant kind, or a name: a top-level interaction) followed by a blank. Each part is
/// parsed on its own, by a parser whose lexer starts at the part's start and takes its end for
/// the end of the file.
/// A part is accepted only if its parse reported nothing at all and ended at the top level
/// (not panicking, no block open, every token up to the part's end consumed). If one part is
/// not accepted, the caller parses the whole file from the start, so a file with an error
/// anywhere is parsed, and reported, exactly as before. Otherwise the parts' statements,
/// comments and interaction counts are joined in order, and the encoding problems are found
/// over the whole file as the one parse finds them.
///
/// Why accepted parts give exactly the one parse's result. Take the one parse arriving at a
/// cut `E` (the start of the next part) in the state a part's parser starts in, and show it
/// leaves the part's range in that state again, having made what the part's parser made:
///
/// - The same tokens. No token crosses the line break just before `E`: words, numbers, units,
///   arrows, labels, comments and strings all stop at a line break (a string left open there is
///   an error), and every look past a token's last byte (`->` after `-`, a unit after digits,
///   the next byte of a name or escape) reads a byte of the same line or that line break itself.
///   Only trivia can cross it, in brackets (`[...]` over several lines, where line breaks are
///   blanks), and `firstByteAfterLineBreaks`. So both lexers, started at the same offset in the
///   same mode, make the same tokens (kinds, offsets, `followsNewline`, comments, decoded
///   strings) up to the break, and differ only at `E`: the part's lexer says `endOfFile`, the
///   whole file's the cut's word, a name or a keyword (followed by a blank: no longer word, and
///   no error), neither `else` nor `and`.
/// - The same decisions until the parser looks at `E`. The parser is a function of the tokens
///   it has read and its own state, which is the same at the part's start: depth 0, not
///   panicking, the cut's word lexed in statement mode as the current token (the one parse
///   lexed it after the line break, which is never trivia outside brackets). What it remembers
///   from before — the end of the previous token, a `{` after an unquoted label, the lexer's
///   last string value and problem (read for a string token or a token with a problem, which
///   sets them) — is only read
///   for spans of a statement once its first token is consumed, or for errors, and an accepted
///   part has none.
/// - The same decision where it does look at `E`. In brackets a token at `E` follows skipped
///   line breaks: the part's parser sees `endOfFile` there and reports the missing `]` (or a
///   missing value), so the part is not accepted. Outside brackets the parser reaches `E` only
///   after the line break token before it; what takes a line break and looks on is: the
///   separators skipped between statements (at the top level the part's parse ends, as the one
///   parse's next statement begins at `E`; inside a block the part's parser reports the missing
///   `}`), recovery after an error (not in an accepted part: every way into panic mode reports
///   first), and the two looks past line breaks after a head or a branch, which ask the next
///   byte first: a `{` on the next line (the cut's word starts with a letter, and the part's
///   parser sees nothing: neither takes it), and `else` or `and` after a `}` (the one parse may
///   lex the cut's word to see, finds neither, and puts everything back; the part's parser
///   sees nothing). A UTF-8 byte order mark can only be at offset 0, where the first part starts
///   as the one parse does.
///
/// So the statements, comments and interactions of the accepted parts, joined in order, are
/// the one parse's, with no parse diagnostics; the encoding diagnostics do not depend on the
/// parse. A cut before a word that in fact sits inside the statement before (a declaration in
/// an unindented group, an interaction in an unindented flow, an attribute on a line of its
/// own) leaves a part that ends inside a block or a list, which is an error: the cuts are
/// chosen for speed, and the acceptance alone makes the result right.
enum PartParse {
    /// Files below this size are parsed in one piece: threads cost more than they save there.
    static let minimumBytes = 512 * 1024

    /// The words a cut may stand before: each begins a top-level statement only.
    static let cutKeywords: Set<Keyword> = [.title, .import, .group, .flow, .scenario,
                                            .client, .service, .external, .queue, .topic, .store, .driver]

    /// `source` parsed in about `parts` parts on `jobs` threads, or nil when it has no cut or a
    /// part is not accepted (then only the one parse from the start gives the result).
    static func parse(_ source: SourceFile, maxDepth: Int, parts: Int, jobs: Int) -> ParseResult? {
        let cuts = cuts(in: source.bytes, parts: parts)
        guard !cuts.isEmpty else { return nil }
        let bounds = [0] + cuts + [source.bytes.count]
        let rooms = rooms(for: estimatedStatements(in: source.bytes, around: cuts), bounds: bounds)
        var parsed = ParallelWork.map(count: bounds.count - 1, jobs: jobs) { index in
            parsePart(source, bounds[index]..<bounds[index + 1], maxDepth: maxDepth, room: rooms[index])
        }
        guard !parsed.contains(where: { $0 == nil }) else { return nil }
        // The encoding problems are looked for over the whole file on another thread while
        // this one joins the parts; that thread then takes half of the join's first move.
        let scan = Partner<[Diagnostic], Void>({ BatonParser.encodingDiagnostics(source) })
        let joined = join(&parsed, sharingWith: scan)
        let encoding = scan.finish().first ?? BatonParser.encodingDiagnostics(source)
        var diagnostics = CappedDiagnostics()
        diagnostics.append(contentsOf: encoding)
        return ParseResult(syntax: SyntaxFile(file: source.id, statements: joined.statements, comments: joined.comments),
                           diagnostics: diagnostics.diagnostics, omittedErrors: diagnostics.omittedErrors(in: source.id),
                           interactionCount: joined.interactionCount, interactionsBefore: joined.interactionsBefore,
                           importCount: joined.importCount)
    }

    /// The accepted parts joined in order into one, each taken out of `parsed` as it is joined.
    /// The first part moved in is moved half on `partner`'s thread (a partner takes one piece
    /// of work; with more parts, the others are moved on this thread).
    private static func join(_ parsed: inout [Part?], sharingWith partner: Partner<[Diagnostic], Void>) -> Part {
        var partner = Optional(partner)
        let count = parsed.reduce(0) { $0 + ($1?.statements.count ?? 0) }
        var joined = Part(statements: [], comments: [], interactionCount: 0, interactionsBefore: [], importCount: 0)
        joined.interactionsBefore.reserveCapacity(count)
        for index in parsed.indices {
            guard var part = parsed[index] else { continue }
            parsed[index] = nil
            if index == 0 {
                // The first part's array, held once, grows in place, and the other parts'
                // statements are moved into it, not copied (each copy retained every array and
                // string inside, and freeing the part released them all again).
                joined.statements = part.statements
                part.statements = []
                joined.statements.reserveCapacity(count)
            } else if let sharing = partner.take() {
                // Half on the partner's thread, which had only the scan to do: at 16 MB (a
                // single flow, 92,000 statements moved) the move took 8.5 ms on this thread
                // alone, and 5.4 ms shared.
                joined.statements.append(moving: &part.statements, leaving: .vacated, sharingWith: sharing)
            } else {
                joined.statements.append(moving: &part.statements, leaving: .vacated)
            }
            joined.comments.append(contentsOf: part.comments)
            let offset = Int32(truncatingIfNeeded: joined.interactionCount)
            joined.interactionsBefore.append(contentsOf: part.interactionsBefore.lazy.map { $0 + offset })
            joined.interactionCount += part.interactionCount
            joined.importCount += part.importCount
        }
        return joined
    }

    /// What one accepted part made.
    struct Part: Sendable {
        var statements: [Statement]
        var comments: [Comment]
        var interactionCount: Int
        var interactionsBefore: [Int32]
        var importCount: Int
    }

    /// The part `range` of `source` parsed alone; nil unless accepted (see the type's comment).
    /// `room`: how many top-level statements its array makes room for at once.
    static func parsePart(_ source: SourceFile, _ range: Range<Int>, maxDepth: Int, room: Int = 0) -> Part? {
        var parser = Parser(source: source, part: range, maxDepth: maxDepth)
        parser.statementsRoom = room
        let statements = parser.parseFile()
        guard parser.diagnostics.isEmpty, !parser.panicking, parser.depth == 0, parser.token.kind == .endOfFile,
              parser.lexer.position == range.upperBound
        else { return nil }
        return Part(statements: statements, comments: parser.lexer.comments, interactionCount: parser.interactionCount,
                    interactionsBefore: parser.interactionsBefore, importCount: parser.importCount)
    }

    /// How many statements each part's array makes room for at once, given `estimate` for the
    /// whole file and the parts' `bounds` (offsets, from 0 to the file's size): the first part
    /// room for the whole file, so that the other parts' statements are moved into room it has
    /// already (moved again to a new array of the whole count, their pages were touched for the
    /// first time: a tenth of a second's parse at 16 MB when a design's steps are top-level
    /// statements), and each other part room for its share of the bytes (grown by doubling,
    /// every step a copy to new pages: about a tenth of a 4 MB single flow's page faults).
    static func rooms(for estimate: Int, bounds: [Int]) -> [Int] {
        guard bounds.count > 1, let size = bounds.last, size > 0 else { return [] }
        return (0..<(bounds.count - 1)).map { index in
            index == 0 ? estimate : Int(Double(estimate) * Double(bounds[index + 1] - bounds[index]) / Double(size))
        }
    }

    /// About how many top-level statements the whole file has, judged from the bytes around
    /// the cuts (a design's declarations, at its start, are denser than what follows them), with
    /// a fifth more for safety: what the parts make room for (`rooms`). A top-level statement
    /// starts a line with a letter; a guess too small only leaves an array to grow as it would
    /// have, and room never written to is never touched.
    static func estimatedStatements(in bytes: [UInt8], around cuts: [Int]) -> Int {
        let window = 32 * 1024
        var lineStarts = 0
        var sampled = 0
        bytes.withUnsafeBufferPointer { buffer in
            for cut in cuts {
                let range = max(1, cut - window)..<min(buffer.count, cut + window)
                sampled += range.count
                for index in range where buffer[index - 1] == 0x0A && ASCIIByte.isLetter(buffer[index]) { lineStarts += 1 }
            }
        }
        guard sampled > 0 else { return 0 }
        return Int(Double(lineStarts) / Double(sampled) * Double(bytes.count) * 1.2)
    }

    /// Up to `parts - 1` cuts, increasing, each the first one at or after an equal share of the
    /// bytes (fewer when the file has fewer).
    static func cuts(in bytes: [UInt8], parts: Int) -> [Int] {
        var cuts: [Int] = []
        guard parts > 1 else { return cuts }
        var from = 1
        for part in 1..<parts {
            let share = Int((Double(bytes.count) * Double(part) / Double(parts)).rounded(.down))
            guard let cut = nextCut(in: bytes, from: max(from, share)) else { break }
            cuts.append(cut)
            from = cut + 1
        }
        return cuts
    }

    /// The first offset at or after `start` where a cut may be made (see `isCut`).
    static func nextCut(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = max(1, start)
            let count = buffer.count
            while index < count {
                if buffer[index - 1] == 0x0A, isCut(bytes, at: index) { return index }
                index += 1
            }
            return nil
        }
    }

    /// Whether a line starts at `offset` with a word and a blank after it, the word either one
    /// of `cutKeywords` or a name (the first participant of a top-level interaction: the
    /// default flow's steps, a design's longest list, are statements of their own).
    static func isCut(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset > 0, offset < bytes.count, bytes[offset - 1] == 0x0A, ASCIIByte.isLetter(bytes[offset]) else { return false }
        var end = offset + 1
        while end < bytes.count, ASCIIByte.isNameContinue(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 else { return false }
        guard let keyword = Keyword.spelled(by: bytes, from: offset, to: end) else { return true }
        return cutKeywords.contains(keyword)
    }
}
