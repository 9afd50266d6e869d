@testable import BatonCheck
import BatonSyntax
import Testing

/// `FindingText` writes what a string interpolation writes, for every kind of value a rule
/// puts in a message, so that moving a message to it never changes a finding.
struct FindingTextTests {
    enum Kind { case service }

    @Test func writesWhatAStringInterpolationWrites() {
        let name = "Service12"
        let count = 3
        let seconds = 1.5
        let kind = Kind.service
        let missing: Int? = nil
        let text: FindingText = "'\(name)' calls \(count) times in \(seconds)s as a \(kind) (\(missing as Any)), all of it é ✓"
        #expect(text.string == "'\(name)' calls \(count) times in \(seconds)s as a \(kind) (\(missing as Any)), all of it é ✓")
    }

    /// Integers are written digit by digit rather than through `String(describing:)`: every
    /// width, both signs and both ends of the range read as an interpolation writes them.
    @Test(arguments: [0, 7, -7, 10, 99, 100, -1_000, 123_456_789, Int.max, Int.min, Int.min + 1])
    func integersReadAsAnInterpolationWritesThem(_ value: Int) {
        let text: FindingText = "(\(value))"
        #expect(text.string == "(\(value))")
    }

    /// Texts on both sides of the room held in place (256 bytes), ending at every length
    /// around it: the parts come out in order, whatever the mix of literals, values, empty
    /// ones, long ones and characters of several bytes.
    @Test func manyPartsComeOutInOrder() {
        for values in 1...40 {
            let names = (0..<values).map { $0 % 3 == 0 ? "" : $0 % 7 == 0 ? String(repeating: "λ", count: 60 + $0) : "n\($0)é" }
            var text = FindingText.Parts(literalCapacity: 0, interpolationCount: values)
            var expected = ""
            for (index, name) in names.enumerated() {
                text.appendLiteral(index % 2 == 0 ? "[" : " ✓ ")
                text.appendInterpolation(name)
                text.appendInterpolation(index)
                expected += (index % 2 == 0 ? "[" : " ✓ ") + name + String(index)
            }
            text.appendLiteral(".")
            let made = FindingText(stringInterpolation: text).string
            #expect(made == expected + ".", "\(values) values")
            #expect(made.utf8.count == (expected + ".").utf8.count)
        }
    }

    /// One value that alone is longer than the room, first or after text that fits.
    @Test func aValueLongerThanTheRoomIsWhole() {
        for length in [255, 256, 257, 1_000] {
            let long = String(repeating: "x", count: length)
            let alone: FindingText = "\(long)"
            #expect(alone.string == long)
            let after: FindingText = "'\(long)' and \(length)"
            #expect(after.string == "'" + long + "' and \(length)")
        }
    }

    @Test func aLiteralAndAnEmptyTextStayWhatTheySay() {
        let literal: FindingText = "add [timeout=...] to the interaction"
        #expect(literal.string == "add [timeout=...] to the interaction")
        let empty = ""
        let interpolated: FindingText = "\(empty)"
        #expect(interpolated.string.isEmpty)
        let short: FindingText = "'\(empty)a'"
        #expect(short.string == "'a'")
    }

    @Test func aNoteKeepsItsMessageAndPlace() {
        let span = Span(file: FileID(0), start: 4, end: 9)
        let name = "Carrier"
        let note = Diagnostic.Note.note("'\(name)' is declared here", at: span)
        #expect(note == Diagnostic.Note("'Carrier' is declared here", at: span))
    }
}

/// `FindingText.joined` makes what joining and concatenating made, in one string.
struct FindingTextJoinedTests {
    @Test(arguments: [[], ["timeout=1s"], ["a", "b=é", "c"], ["", ""]] as [[String]])
    func joinedIsTheConcatenation(texts: [String]) {
        #expect(FindingText.joined(texts, prefix: " [", separator: ", ", suffix: "]") == " [" + texts.joined(separator: ", ") + "]")
        #expect(FindingText.joined(texts, separator: "=") == texts.joined(separator: "="))
        #expect(FindingText.joined(texts, separator: ", ", lastSeparator: " and ") == English.list(texts))
    }

    @Test func aLongTextMovesOutOfTheRoomIntact() {
        let names = (0..<100).map { "Participant\($0)" }
        #expect(FindingText.joined(names, prefix: "(", separator: " -> ", suffix: ")") == "(" + names.joined(separator: " -> ") + ")")
    }
}
