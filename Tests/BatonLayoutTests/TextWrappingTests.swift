import Testing

@testable import BatonLayout

/// Greedy word wrapping: properties that must hold for any text and width.
@Suite struct TextWrappingTests {
    let metrics = TextMetrics()

    static let samples = [
        "Hello distributed world",
        "Authorize the card payment with the acquirer and wait for the webhook",
        "ÉÀÇ naïve façade — résumé coöperate Straße Ärger",
        "Зарплата перевод платёж подтверждение",
        "支付服务 调用 风控 服务 并且 等待 结果",
        "emoji 😀 in 👨‍👩‍👧 a 🇩🇪 label",
        "a veryveryveryveryveryverylongidentifierwithoutanyspaces and more",
        "x",
        "   leading and   inner   and trailing   ",
    ]
    static let maxWidths: [Double] = [1, 12, 40, 80, 150, 400, 10_000]

    @Test(arguments: samples, maxWidths)
    func everyLineFitsUnlessOneCharacterIsWider(text: String, maxWidth: Double) {
        for weight in FontWeight.allCases {
            let lines = metrics.wrap(text, maxWidth: maxWidth, size: 14, weight: weight)
            #expect(!lines.isEmpty)
            for line in lines where metrics.width(of: line, size: 14, weight: weight) > maxWidth {
                #expect(line.count == 1, "\(line.debugDescription) is wider than \(maxWidth)")
            }
        }
    }

    @Test(arguments: samples, maxWidths)
    func linesKeepEveryCharacterInOrder(text: String, maxWidth: Double) {
        let lines = metrics.wrap(text, maxWidth: maxWidth, size: 14)
        let words = text.split(separator: " ").map(String.init)
        // With spaces removed, the lines spell the text (broken words included).
        #expect(String(lines.joined().filter { $0 != " " }) == words.joined())
        // Lines neither start nor end with a space, and never hold two in a row.
        for line in lines {
            #expect(!line.hasPrefix(" ") && !line.hasSuffix(" ") && !line.contains("  "))
        }
    }

    @Test(arguments: samples)
    func wideEnoughLinesKeepWordsWhole(text: String) {
        // At a width where every word fits, joining the lines restores exactly the words.
        let widest = text.split(separator: " ").map { metrics.width(of: String($0), size: 14) }.max() ?? 0
        let lines = metrics.wrap(text, maxWidth: widest, size: 14)
        #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
    }

    @Test func wrapsGreedily() {
        let text = "aaa bbb ccc ddd"
        let threeWords = metrics.width(of: "aaa bbb ccc", size: 10)
        #expect(metrics.wrap(text, maxWidth: threeWords, size: 10) == ["aaa bbb ccc", "ddd"])
        #expect(metrics.wrap(text, maxWidth: threeWords - 0.01, size: 10) == ["aaa bbb", "ccc ddd"])
        #expect(metrics.wrap(text, maxWidth: 10_000, size: 10) == [text])
    }

    @Test func aLineExactlyAsWideAsTheLimitFits() {
        let text = "Payments service"
        #expect(metrics.wrap(text, maxWidth: metrics.width(of: text, size: 12), size: 12) == [text])
    }

    @Test func longWordsBreakBetweenCharactersOnANewLine() {
        let word = "abcdefghijklmnopqrstuvwxyz"
        let maxWidth = metrics.width(of: "abcdefgh", size: 10)
        let lines = metrics.wrap("go " + word, maxWidth: maxWidth, size: 10)
        #expect(lines.first == "go")
        #expect(lines.dropFirst().joined() == word)
        #expect(lines.dropFirst().dropLast().allSatisfy { metrics.width(of: $0, size: 10) <= maxWidth })
        // The tail of a broken word shares its line with the next word when it fits.
        let tail = metrics.wrap(word + " z", maxWidth: maxWidth, size: 10).last ?? ""
        #expect(tail.hasSuffix(" z"))
    }

    @Test func graphemeClustersAreNeverSplit() {
        let lines = metrics.wrap("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 e\u{301}e\u{301}e\u{301}", maxWidth: 1, size: 14)
        #expect(lines == ["👨‍👩‍👧", "👨‍👩‍👧", "👨‍👩‍👧", "e\u{301}", "e\u{301}", "e\u{301}"])
    }

    @Test func tinyOrInvalidWidthsStillTerminate() {
        for maxWidth in [0, -5, .nan, .infinity] as [Double] {
            let lines = metrics.wrap("ab cd", maxWidth: maxWidth, size: 14)
            #expect(String(lines.joined().filter { $0 != " " }) == "abcd")
        }
        #expect(metrics.wrap("ab cd", maxWidth: 0, size: 14) == ["a", "b", "c", "d"])
    }

    @Test func emptyAndBlankText() {
        #expect(metrics.wrap("", maxWidth: 100, size: 14) == [])
        #expect(metrics.wrap("   ", maxWidth: 100, size: 14) == [""])
        #expect(metrics.wrap("\n", maxWidth: 100, size: 14) == [""])
    }

    @Test func lineBreaksAreHardBreaks() {
        #expect(metrics.wrap("one\ntwo", maxWidth: 1000, size: 14) == ["one", "two"])
        #expect(metrics.wrap("one\r\n\r\ntwo\n\n", maxWidth: 1000, size: 14) == ["one", "", "two"])
        #expect(metrics.wrap("a b\u{2028}c", maxWidth: 1000, size: 14) == ["a b", "c"])
    }

    @Test func tabsSeparateWordsButNoBreakSpacesDoNot() {
        #expect(metrics.wrap("a\tb", maxWidth: 1000, size: 14) == ["a b"])
        let glued = "100\u{A0}ms"
        #expect(metrics.wrap("wait " + glued, maxWidth: metrics.width(of: glued, size: 14), size: 14) == ["wait", glued])
    }

    @Test func boldWrapsEarlier() {
        let text = "Authorize the card payment with the acquirer"
        let maxWidth = metrics.width(of: text, size: 14)
        #expect(metrics.wrap(text, maxWidth: maxWidth, size: 14) == [text])
        #expect(metrics.wrap(text, maxWidth: maxWidth, size: 14, weight: .bold).count > 1)
    }

    @Test func wrappingIsDeterministic() {
        let text = TextWrappingTests.samples.joined(separator: " ")
        let first = metrics.wrap(text, maxWidth: 120, size: 13)
        for _ in 0..<5 {
            #expect(metrics.wrap(text, maxWidth: 120, size: 13) == first)
        }
    }
}
