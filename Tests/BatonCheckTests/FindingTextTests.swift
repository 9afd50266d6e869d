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
