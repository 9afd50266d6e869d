import Foundation
import BatonTestSupport
import Testing

@testable import BatonLayout

/// The built-in width table and the policy for characters it lacks.
@Suite struct TextMetricsTests {
    /// Exact advances: the font's widths with no safety margin.
    let exact = TextMetrics(safetyFactor: 1)

    @Test func helloWorldMatchesArialMetrics() {
        // The table's prediction for this label at 20px; librsvg draws its ink 195px wide, and
        // Graphviz's Arial table agrees.
        #expect(abs(exact.width(of: "Hello distributed world", size: 20) - 196.76) < 0.01)
    }

    /// Advances read from the TTF files with fontTools (`hmtx`), in units of 1/2048 em.
    @Test(arguments: [
        ("H", 1479, 1479), (" ", 569, 569), ("e", 1139, 1139), ("l", 455, 569), ("o", 1139, 1251),
        ("W", 1933, 1933), ("é", 1139, 1139), ("ß", 1251, 1251), ("€", 1139, 1139),
        ("→", 2048, 2048), ("Ж", 1891, 1851), ("λ", 1024, 1139), ("—", 2048, 2048), ("…", 2048, 2048),
    ])
    func singleCharacters(character: String, regular: Int, bold: Int) {
        #expect(exact.width(of: character, size: 2048) == Double(regular))
        #expect(exact.width(of: character, size: 2048, weight: .bold) == Double(bold))
    }

    @Test func widthScalesWithSizeAndSafetyFactor() {
        let text = "Payments → Ledger"
        let atTen = exact.width(of: text, size: 10)
        #expect(abs(exact.width(of: text, size: 30) - 3 * atTen) < 1e-9)
        let padded = TextMetrics(safetyFactor: 1.1)
        #expect(abs(padded.width(of: text, size: 10) - 1.1 * atTen) < 1e-9)
        #expect(TextMetrics().safetyFactor == TextMetrics.defaultSafetyFactor)
        #expect(TextMetrics.defaultSafetyFactor > 1 && TextMetrics.defaultSafetyFactor < 1.1)
    }

    @Test func widthIsAdditive() {
        let parts = ["Card", " ", "payments", " → ", "Ledger"]
        let sum = parts.map { exact.width(of: $0, size: 14) }.reduce(0, +)
        #expect(abs(exact.width(of: parts.joined(), size: 14) - sum) < 1e-9)
    }

    @Test(arguments: ["Hello distributed world", "Payments", "ÄÖÜ äöü", "Зарплата", "ill-fitting"])
    func boldIsAtLeastAsWideAsRegular(text: String) {
        #expect(exact.width(of: text, size: 14, weight: .bold) >= exact.width(of: text, size: 14))
    }

    @Test func boldIsWiderOnTypicalText() {
        let regular = exact.width(of: "Hello distributed world", size: 20)
        let bold = exact.width(of: "Hello distributed world", size: 20, weight: .bold)
        #expect(bold > regular * 1.05)
        #expect(abs(bold - 216.67) < 0.01)
    }

    @Test func emptyTextHasNoWidth() {
        #expect(exact.width(of: "", size: 20) == 0)
    }

    @Test(arguments: ["中", "あ", "한", "Ａ", "😀", "🇩🇪", "👍🏽", "👨‍👩‍👧", "❤️", "1️⃣"])
    func wideCharactersAndEmojiAreOneEm(character: String) {
        #expect(character.count == 1)
        #expect(exact.width(of: character, size: 20) == 20)
        #expect(exact.width(of: character, size: 20, weight: .bold) == 20)
    }

    @Test func cjkTextIsOneEmPerCharacter() {
        #expect(exact.width(of: "支付服务", size: 16) == 64)
        #expect(exact.width(of: "決済 API", size: 10) == 20 + exact.width(of: " API", size: 10))
    }

    @Test func combiningMarksAddNothing() {
        // "é" precomposed and decomposed measure the same; a stack of marks adds nothing.
        #expect(exact.width(of: "e\u{301}", size: 20) == exact.width(of: "é", size: 20))
        #expect(exact.width(of: "a\u{301}\u{323}\u{20DD}", size: 20) == exact.width(of: "a", size: 20))
        // A mark the font lacks, alone, is still zero.
        #expect(exact.width(of: "\u{1AB0}", size: 20) == 0)
    }

    @Test func invisibleCharactersAddNothing() {
        #expect(exact.width(of: "a\u{200B}b\u{2060}", size: 20) == exact.width(of: "ab", size: 20))
        #expect(exact.width(of: "\u{7}", size: 20) == 0)
        #expect(exact.width(of: "a\tb", size: 20) == exact.width(of: "a b", size: 20))
    }

    @Test(arguments: ["ب", "क", "ก", "\u{E000}", "ሀ"])
    func otherUnknownCharactersUseTheAverageAdvance(character: String) {
        // OS/2 xAvgCharWidth: 1187 (regular) and 1248 (bold) units per 2048.
        #expect(exact.width(of: character, size: 2048) == 1187)
        #expect(exact.width(of: character, size: 2048, weight: .bold) == 1248)
    }

    @Test func textPresentationSymbolsAreNotEmojiWide() {
        // ☺ is in Liberation Sans: its own advance, not 1 em.
        #expect(exact.width(of: "☺", size: 2048) == 2091)
    }

    @Test func verticalMetricsComeFromTheFont() {
        // hhea: ascender 1854, descender -434, lineGap 67; OS/2 capHeight 1409 (per 2048).
        #expect(exact.ascent(size: 2048) == 1854)
        #expect(exact.descent(size: 2048) == 434)
        #expect(exact.lineHeight(size: 2048) == 1854 + 434 + 67)
        #expect(exact.capHeight(size: 2048) == 1409)
        #expect(abs(exact.lineHeight(size: 20) - 22.998) < 0.001)
        // Bold shares them, which is why the API takes no weight.
        let regular = FontFace.liberationSansRegular
        let bold = FontFace.liberationSansBold
        let regularMetrics: [Int] = [regular.ascent, regular.descent, regular.lineGap, regular.capHeight, regular.unitsPerEm]
        let boldMetrics: [Int] = [bold.ascent, bold.descent, bold.lineGap, bold.capHeight, bold.unitsPerEm]
        #expect(regularMetrics == boldMetrics)
    }
}

/// The generated table, checked against the TTF files themselves.
@Suite struct GeneratedWidthTableTests {
    static let fontDirectory = "/usr/share/fonts/truetype/liberation2/"

    @Test(
        .requires(file: fontDirectory + "LiberationSans-Regular.ttf"),
        .requires(file: fontDirectory + "LiberationSans-Bold.ttf"),
        arguments: [(FontWeight.regular, "LiberationSans-Regular.ttf"), (.bold, "LiberationSans-Bold.ttf")]
    )
    func tableMatchesTheFontFile(weight: FontWeight, file: String) throws {
        let url = try ExternalProgram.requireFile(Self.fontDirectory + file, package: "fonts-liberation2")
        let font = try TrueTypeFont(contentsOf: url)
        let face = TextMetrics().face(weight)
        #expect(face.unitsPerEm == font.unitsPerEm)
        #expect(face.ascent == font.ascent)
        #expect(face.descent == font.descent)
        #expect(face.lineGap == font.lineGap)
        #expect(font.advances.count == face.advances.widths.count)
        for (codePoint, advance) in font.advances.sorted(by: { $0.key < $1.key }) {
            let scalar = try #require(Unicode.Scalar(codePoint))
            #expect(face.advances.advance(of: scalar) == advance, "U+\(String(codePoint, radix: 16, uppercase: true))")
        }
    }

    @Test func tableRunsAreSortedAndConsistent() {
        for weight in FontWeight.allCases {
            let table = TextMetrics().face(weight).advances
            #expect(table.runStarts.count == table.runEnds.count)
            #expect(table.runStarts.count == table.runOffsets.count)
            var expectedOffset = 0
            for run in table.runStarts.indices {
                #expect(table.runStarts[run] <= table.runEnds[run])
                if run > 0 { #expect(table.runEnds[run - 1] < table.runStarts[run]) }
                #expect(Int(table.runOffsets[run]) == expectedOffset)
                expectedOffset += Int(table.runEnds[run] - table.runStarts[run]) + 1
            }
            #expect(expectedOffset == table.widths.count)
        }
    }

    @Test func coversTheBlocksLabelsUse() {
        let face = TextMetrics().face(.regular)
        let required: [ClosedRange<UInt32>] = [
            0x20...0x7E,  // Basic Latin
            0xA0...0xFF,  // Latin-1 Supplement
            0x100...0x17F,  // Latin Extended-A
            0x391...0x3A1, 0x3A3...0x3C9,  // Greek letters
            0x400...0x45F,  // Cyrillic
            0x2013...0x2014, 0x2018...0x201E, 0x2026...0x2026,  // dashes, quotes, ellipsis
            0x2190...0x2195,  // arrows
        ]
        for range in required {
            for codePoint in range {
                #expect(face.advances.advance(of: Unicode.Scalar(codePoint)!) != nil, "U+\(String(codePoint, radix: 16))")
            }
        }
    }

    @Test func wideRangesAreSortedAndDisjoint() {
        let starts = EastAsianWideRanges.starts
        let ends = EastAsianWideRanges.ends
        #expect(starts.count == ends.count)
        for i in starts.indices {
            #expect(starts[i] <= ends[i])
            if i > 0 { #expect(ends[i - 1] + 1 < starts[i]) }
        }
    }
}
