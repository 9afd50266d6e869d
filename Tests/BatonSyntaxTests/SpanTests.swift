import BatonSyntax
import Foundation
import Testing

/// A span is stored in 12 bytes; it must read, print, compare and code as the three plain
/// properties it was.
@Suite struct SpanTests {
    @Test func aSpanIsTwelveBytes() {
        #expect(MemoryLayout<Span>.size == 12)
    }

    @Test func propertiesReadBackAsWritten() {
        var span = Span(file: FileID(3), start: 10, end: 25)
        #expect(span.file == FileID(3) && span.start == 10 && span.end == 25)
        span.end = 40
        span.start = 12
        span.file = FileID(1)
        #expect(span == Span(file: FileID(1), start: 12, end: 40))
        #expect(Span(file: FileID(0), start: 9, end: 4).end == 9, "the end is never before the start")
        #expect(Span(file: FileID(0), start: 0, end: 300_000_000).end == 300_000_000)
        #expect(Span(file: FileID(0), start: 0, end: Int.max).end == Int(Int32.max), "beyond 32 bits it is clamped")
    }

    @Test func printsAsItsThreeProperties() {
        let span = Span(file: FileID(0), start: 10, end: 17)
        #expect("\(span)" == "Span(file: BatonSyntax.FileID(rawValue: 0), start: 10, end: 17)")
        #expect(String(reflecting: span) == "BatonSyntax.Span(file: BatonSyntax.FileID(rawValue: 0), start: 10, end: 17)")
    }

    @Test func codesAsItsThreeProperties() throws {
        let span = Span(file: FileID(2), start: 5, end: 8)
        let data = try JSONEncoder().encode(span)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["start"] as? Int == 5)
        #expect(object?["end"] as? Int == 8)
        #expect((object?["file"] as? [String: Any])?["rawValue"] as? Int == 2)
        #expect(try JSONDecoder().decode(Span.self, from: data) == span)
    }
}
