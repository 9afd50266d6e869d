@testable import BatonSyntax
import BatonWorkload
import Testing

/// Line:column lookups: exact (columns count scalars the way the lenient decoder does), and
/// cheap however long the line is, because every diagnostic, suppression and formatted
/// statement asks for one.
@Suite struct SourceFileTests {
    /// The definition: line = line breaks before the offset + 1; column = non-continuation
    /// bytes between the line start and the offset + 1.
    static func naiveLocation(_ bytes: [UInt8], _ offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes[0..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    @Test(arguments: [0, 1, 255, 256, 257, 511, 512, 513, 3_000])
    func locationsMatchTheDefinition(size: Int) {
        var random = SplitMix64(seed: UInt64(size) &+ 11)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x0A], [0x0D, 0x0A], Array("é".utf8), Array("→".utf8), Array("🚀".utf8), [0xFF], [0x80]]
        var bytes: [UInt8] = []
        while bytes.count < size { bytes += random.pick(pieces) }
        bytes = Array(bytes.prefix(size))
        let source = SourceFile(id: FileID(0), path: "t", bytes: bytes)
        for offset in 0...bytes.count {
            let expected = Self.naiveLocation(bytes, offset)
            #expect(source.location(of: offset) == expected, "offset \(offset) of \(bytes.count)")
            #expect(source.line(of: offset) == expected.line)
        }
        #expect(source.location(of: -5) == SourcePosition(line: 1, column: 1))
        #expect(source.location(of: bytes.count + 5) == Self.naiveLocation(bytes, bytes.count))
    }

    /// Without continuation bytes (ASCII, and stray lead bytes) every byte is a scalar: the
    /// column is a subtraction, and must still match the definition.
    @Test(arguments: [0, 1, 255, 256, 257, 3_000])
    func textsWithoutMultiByteCharactersMatchTheDefinition(size: Int) {
        var random = SplitMix64(seed: UInt64(size) &+ 29)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x09], [0x0A], [0x0D, 0x0A], [0xFF], [0xC3]]
        var bytes: [UInt8] = []
        while bytes.count < size { bytes += random.pick(pieces) }
        bytes = Array(bytes.prefix(size))
        let source = SourceFile(id: FileID(0), path: "t", bytes: bytes)
        for offset in 0...bytes.count {
            #expect(source.location(of: offset) == Self.naiveLocation(bytes, offset), "offset \(offset) of \(bytes.count)")
        }
        #expect(source.location(of: bytes.count + 5) == Self.naiveLocation(bytes, bytes.count))
    }

    /// The line table is read eight bytes at a time, with the last few bytes one at a time: a
    /// line break (or a multi-byte character) in either part, at every position, is found.
    @Test(arguments: Array(0...19))
    func lineStartsMatchTheDefinitionWhereverTheBreaksFall(size: Int) {
        var random = SplitMix64(seed: UInt64(size) &+ 41)
        for _ in 0..<40 {
            let bytes = (0..<size).map { _ in random.pick([0x61, 0x0A, 0x0A, 0xC3, 0xA9, 0x20] as [UInt8]) }
            let source = SourceFile(id: FileID(0), path: "t", bytes: bytes)
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(source.lineStarts == expected, "\(bytes)")
            let last = bytes.count
            #expect(source.location(of: last) == Self.naiveLocation(bytes, last), "\(bytes)")
        }
    }

    /// Whether a text has multi-byte characters is read from whole words: every byte value, at
    /// every place in a word and in the bytes after the last whole word, is told apart exactly
    /// as a continuation byte (`10xxxxxx`) or not, beside line breaks, letters, or bytes whose
    /// high bits a shift could carry into the next byte.
    @Test(arguments: [0x0A, 0x61, 0xC3, 0xFF] as [UInt8])
    func continuationBytesAreFoundAtEveryPlace(neighbour: UInt8) {
        for value in 0...255 {
            for place in 0..<13 {
                var bytes = [UInt8](repeating: neighbour, count: 13)
                bytes[place] = UInt8(value)
                let source = SourceFile(id: FileID(0), path: "t", bytes: bytes)
                #expect(source.scalarsAreBytes == (value & 0xC0 != 0x80), "byte \(value) at \(place)")
                #expect(source.lineStarts == [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 })
            }
        }
    }

    /// The line table is made with room for a line per 24 bytes and kept as long as the file:
    /// a large file of longer lines has it copied at its size, the same starts in less room.
    @Test(arguments: [23, 100, 400])
    func theLineTableKeepsLittleUnusedRoom(lineLength: Int) {
        let line = Array(repeating: UInt8(ascii: "x"), count: lineLength - 1) + [0x0A]
        let bytes = Array([[UInt8]](repeating: line, count: 3_000).joined())
        let file = SourceFile(id: FileID(0), path: "long.baton", bytes: bytes)
        #expect(file.lineStarts == (0...3_000).map { $0 * lineLength })
        #expect(file.lineStarts.capacity - file.lineStarts.count < 8_192)
    }

    /// A large file's line table is made in two halves, one on another thread: a line break
    /// just before, at and just after the middle, and a multi-byte character in either half
    /// only, give the table and the answer of one pass.
    @Test(arguments: [-2, -1, 0, 1] as [Int])
    func aLargeFileIsReadInHalvesAsInOnePass(breakAtMiddle: Int) {
        var random = SplitMix64(seed: UInt64(breakAtMiddle + 10))
        let size = SourceFile.bothHalvesFrom + 9
        for accented in [nil, 100, size - 100] as [Int?] {
            var bytes = (0..<size).map { _ in random.below(37) == 0 ? UInt8(0x0A) : UInt8(ascii: "a") }
            bytes[size / 2 + breakAtMiddle] = 0x0A
            if let accented { bytes[accented] = 0xC3; bytes[accented + 1] = 0xA9 }
            let source = SourceFile(id: FileID(0), path: "t", bytes: bytes)
            #expect(source.lineStarts == [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 })
            #expect(source.scalarsAreBytes == (accented == nil))
            #expect(source.lineStarts.capacity - source.lineStarts.count < 8_192)
        }
    }

    @Test func lineRangesLeaveOutTheTerminator() {
        let source = SourceFile(id: FileID(0), path: "t", text: "ab\r\ncd\n\nef")
        #expect((1...4).map { source.lineText($0) } == ["ab", "cd", "", "ef"])
        #expect(source.lineRange(2) == 4..<6)
        #expect(source.lineRange(9).isEmpty)
    }

    /// A 10 MB line with a lookup every hundred bytes: counting from the line start made this
    /// about 5·10¹¹ byte visits; it must take well under the budget now.
    @Test func lookupsOnAVeryLongLineAreCheap() {
        let bytes = Array("service S; ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 10_000_000)
        let source = SourceFile(id: FileID(0), path: "long", bytes: bytes)
        let clock = ContinuousClock()
        let start = clock.now
        var done = 0
        var wrong = 0
        for offset in stride(from: 0, to: bytes.count, by: 100) {
            if source.location(of: offset) != SourcePosition(line: 1, column: offset + 1) { wrong += 1 }
            done += 1
            if clock.now - start > .seconds(10) { break }
        }
        #expect(wrong == 0)
        #expect(done == (bytes.count + 99) / 100, "only \(done) lookups in 10 s")
    }

    /// A text cut from a longer document (a Markdown fence) reports the document's lines: the
    /// offset is added to every line, and lines are asked for by their document numbers, so
    /// snippets show the right text without compiling a line break per line before it.
    @Test func aLineOffsetNumbersLinesAsTheDocumentDoes() {
        let source = SourceFile(id: FileID(0), path: "page.md", bytes: Array("  service A\n  A -> B\n".utf8), lineOffset: 41)
        #expect(source.location(of: 0) == SourcePosition(line: 42, column: 1))
        #expect(source.location(of: 19) == SourcePosition(line: 43, column: 8))
        #expect(source.line(of: 19) == 43)
        #expect(source.lineText(43) == "  A -> B")
        #expect(source.lineRange(42) == 0..<11)
        #expect(source.lineRange(1).isEmpty, "a line before the text is not in it")
        #expect(source.lineRange(41).isEmpty)
        var sources = SourceMap()
        let id = sources.add(path: "page.md", bytes: Array("x".utf8), lineOffset: 9)
        #expect(sources.location(of: Span(file: id, start: 0, end: 1)).start == SourcePosition(line: 10, column: 1))
    }

    /// An offset is a count of lines before the text: a negative one means none, and a huge
    /// one (a forged position) cannot make a line number overflow.
    @Test func aLineOffsetIsBounded() {
        #expect(SourceFile(id: FileID(0), path: "t", bytes: [0x61], lineOffset: -3).location(of: 0).line == 1)
        let huge = SourceFile(id: FileID(0), path: "t", bytes: Array("a\nb".utf8), lineOffset: Int.max)
        #expect(huge.location(of: 2).line > 1)
        #expect(huge.lineText(huge.location(of: 2).line) == "b")
    }

    /// A lookup that starts from a line hint (a report's findings, in source order) gives what
    /// `location(of:)` gives, whatever the hint: near, far, before, after, out of range; and it
    /// leaves the hint on the offset's line.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aHintNeverChangesTheAnswer(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces: [[UInt8]] = ["a", "bc", " ", "\n", "\r\n", "\n\n", "é", "😀", "service A\n"].map { Array($0.utf8) }
        for _ in 0..<50 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(400) { bytes += random.pick(pieces) }
            let file = SourceFile(id: FileID(0), path: "t.baton", bytes: bytes, lineOffset: random.below(3))
            var hint = random.below(4) - 2
            var offset = 0
            for _ in 0..<200 {
                // Mostly forward by a little, sometimes anywhere (and past either end).
                offset = random.below(5) == 0 ? random.below(bytes.count + 6) - 3 : offset + random.below(40)
                if random.below(10) == 0 { hint = random.below(file.lineCount + 20) - 10 }
                let expected = file.location(of: offset)
                #expect(file.location(of: offset, from: &hint) == expected)
                #expect(hint + file.lineOffset + 1 == expected.line)
            }
        }
    }
}
