import BatonLayout
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// The PDF writer's bytes: the object layer (offsets, lengths, trailer), escaping of hostile
/// text, and determinism. Real readers are in `PDFClientTests`.
@Suite struct PDFDocumentTests {
    static let scene = Scene(
        size: Size(width: 200, height: 100), title: "Tïtle (with) \\ parens", description: "A test scene", roleDescription: "diagram",
        items: [
            .shape(SceneShape(.roundedRectangle(cornerRadius: 6), frame: Rect(x: 10, y: 10, width: 80, height: 30),
                              role: .participant(.service))),
            .shape(SceneShape(.cylinder, frame: Rect(x: 100, y: 10, width: 80, height: 40), role: .participant(.store))),
            .line(SceneLine(.polyline([Point(x: 10, y: 70), Point(x: 190, y: 70)]), start: LineEnd(baton: true),
                            end: LineEnd(arrowhead: .filled), role: .asyncLine)),
            .text(TextBlock(lines: ["a) Tj ET BT (b", "back\\slash → 日本 é"], frame: Rect(x: 100, y: 75, width: 90, height: 30),
                            alignment: .middle, fontSize: 12, weight: .bold, role: .interactionLabel, lineHeight: 14,
                            baselineOffset: 11)),
        ])

    static func pdf(theme: Theme = .light) -> String { PDFWriter.write(scene, options: PDFOptions(theme: theme)) }

    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        let pdf = Array(Self.pdf().utf8)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        // startxref names the byte where the table starts.
        let tail = text.components(separatedBy: "startxref\n")
        try #require(tail.count == 2)
        let start = try #require(Int(tail[1].prefix { $0.isNumber }))
        let table = String(decoding: pdf[start...], as: UTF8.self)
        #expect(table.hasPrefix("xref\n0 8\n0000000000 65535 f \n"))
        let entries = table.split(separator: "\n").dropFirst(3).prefix(7)
        #expect(entries.count == 7)
        for (index, entry) in entries.enumerated() {
            #expect(entry.utf8.count == 19, "each entry is 20 bytes with its newline")
            let offset = try #require(Int(entry.prefix(10)))
            let object = String(decoding: pdf[offset..<min(offset + 12, pdf.count)], as: UTF8.self)
            #expect(object.hasPrefix("\(index + 1) 0 obj\n"), "entry \(index + 1) points at \(object.debugDescription)")
        }
        #expect(text.contains("trailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R /ID [<"))
    }

    @Test func streamLengthIsTheBytesOfTheStream() throws {
        let text = Self.pdf()
        let dictionary = try #require(text.range(of: "<< /Length "))
        let length = try #require(Int(text[dictionary.upperBound...].prefix { $0.isNumber }))
        let body = try #require(text.range(of: ">>\nstream\n", range: dictionary.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\nendstream", range: body.upperBound..<text.endIndex))
        #expect(text[body.upperBound..<end.lowerBound].utf8.count == length)
    }

    @Test func hostileTextIsEscapedAndTheFileStaysASCII() {
        let text = Self.pdf()
        #expect(text.utf8.allSatisfy { $0 < 0x80 && ($0 >= 0x20 || $0 == 0x0A) })
        #expect(text.contains("(a\\) Tj ET BT \\(b) Tj"))
        #expect(text.contains("(back\\\\slash -> ?? \\351) Tj"))
        // The title is a UTF-16 text string in hex: no parenthesis of it reaches the file.
        #expect(text.contains("/Title <FEFF005400EF0074006C0065"))
        #expect(!text.contains("(with)"))
    }

    @Test func winAnsiKeepsWhatItCanAndReplacesTheRest() {
        #expect(PDFText.winAnsi("a(b)") == Array("a(b)".utf8))
        #expect(PDFText.winAnsi("café €5 – “ok”") == [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x93, 0x6F, 0x6B, 0x94])
        #expect(PDFText.winAnsi("e\u{301}") == [0xE9], "composed before encoding")
        #expect(PDFText.winAnsi("⊕日\u{7}") == Array("???".utf8))
        #expect(PDFText.winAnsi("≤ 3s → x") == Array("<= 3s -> x".utf8), "signs Baton writes are spelled in ASCII")
        #expect(PDFText.drawable("a ⊕ “b” é ≥") == "a ? “b” é >=")
        #expect(PDFText.literal([0x28, 0x29, 0x5C, 0x0A, 0xFF]) == "(\\(\\)\\\\\\012\\377)")
        #expect(PDFText.textString("é(") == "<FEFF00E90028>")
    }

    @Test func samePictureSameBytes() {
        #expect(Self.pdf() == Self.pdf())
        #expect(Self.pdf(theme: .dark) != Self.pdf())
        #expect(!Self.pdf().contains("Date"))
    }

    @Test func pageIsTheSceneInPoints() {
        let text = Self.pdf()
        #expect(text.contains("/MediaBox [0 0 150 75]"))
        #expect(text.contains("0.75 0 0 -0.75 0 75 cm"))
    }

    @Test func darkThemeFillsThePage() {
        // #0d1117 as fractions, then the page rectangle.
        #expect(Self.pdf(theme: .dark).contains("0.051 0.067 0.09 rg\n0 0 200 100 re\nf\n"))
    }

    @Test func formatAndExtension() {
        #expect(RenderFormat(fileName: "Out.PDF") == .pdf)
        #expect(RenderFormat.pdf.fileExtension == "pdf")
        #expect(RenderFormat.pdf.displayName == "PDF")
    }
}
