import Baton
import BatonModel
@testable import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// Poppler, the PDF library behind most Linux viewers, as a real client of `--to pdf`: it
/// accepts every sample's PDF as one page of the scene's size, extracts the names and labels
/// drawn, and rasterises it.
@Suite struct PDFClientTests {
    static let samples: [RenderCase] = TestDesigns.samples.flatMap { design -> [RenderCase] in
        let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
        return model.flows.isEmpty ? [RenderCase(design: design, flow: nil)]
            : model.flows.map { RenderCase(design: design, flow: $0.name) }
    }

    /// Writes `pdf` to a temporary file (poppler's tools read files, not standard input).
    static func withFile<T>(_ pdf: String, _ body: (String) throws -> T) throws -> T {
        let directory = try makeTemporaryDirectory(prefix: "baton-pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("diagram.pdf")
        try Data(pdf.utf8).write(to: url)
        return try body(url.path)
    }

    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    @Test(.requires(program: "pdfinfo"), arguments: samples)
    func pdfinfoSeesOnePageOfTheScenesSize(_ testCase: RenderCase) throws {
        let pdfinfo = try ExternalProgram.require("pdfinfo", package: "poppler-utils")
        for view in [RenderView.sequence, .graph] {
            let pdf = try testCase.render(.pdf, view: view)
            let svg = try testCase.render(.svg, view: view)
            try Self.withFile(pdf) { path in
                let output = try pdfinfo.run([path])
                let info = String(decoding: output.standardOutput, as: UTF8.self)
                #expect(output.status == 0, "\(output.standardError)")
                #expect(output.standardError.isEmpty, "pdfinfo said: \(output.standardError)")
                #expect(info.contains("Pages:           1\n"))
                // The SVG's pixels × 0.75.
                let width = try #require(Self.attribute("width", in: svg)), height = try #require(Self.attribute("height", in: svg))
                let size = "Page size:       \(SVGOutput.format(width * 0.75)) x \(SVGOutput.format(height * 0.75)) pts"
                #expect(info.contains(size), "\(info)")
            }
        }
    }

    @Test(.requires(program: "pdftotext"), arguments: samples)
    func pdftotextFindsEveryNameAndLabel(_ testCase: RenderCase) throws {
        let pdftotext = try ExternalProgram.require("pdftotext", package: "poppler-utils")
        let compilation = try testCase.compile()
        let model = compilation.model
        let flow = try FlowSelection.flow(testCase.flow, in: model, required: true)
        let pdf = try testCase.render(.pdf, view: .sequence)
        let text = try Self.withFile(pdf) { path in
            let output = try pdftotext.run(["-raw", "-enc", "UTF-8", path, "-"])
            #expect(output.status == 0, "\(output.standardError)")
            return Self.squeezed(String(decoding: output.standardOutput, as: UTF8.self))
        }
        let interactions = model.interactions.filter { $0.flow == flow }
        for interaction in interactions {
            for participant in [interaction.from, interaction.to] {
                let name = PDFText.drawable(model[participant].displayName)
                #expect(text.contains(Self.squeezed(name)), "\(name) is missing from the text of \(testCase)")
            }
            if let label = interaction.label {
                let drawn = PDFText.drawable(label)
                #expect(text.contains(Self.squeezed(drawn)), "\(drawn) is missing from the text of \(testCase)")
            }
        }
    }

    @Test(.requires(program: "pdftoppm"), arguments: samples)
    func pdftoppmRasterisesIt(_ testCase: RenderCase) throws {
        let pdftoppm = try ExternalProgram.require("pdftoppm", package: "poppler-utils")
        for theme in Theme.Name.allCases {
            let pdf = try testCase.render(.pdf, theme: theme)
            try Self.withFile(pdf) { path in
                let output = try pdftoppm.run(["-png", "-r", "48", "-singlefile", path])
                #expect(output.status == 0)
                #expect(output.standardError.isEmpty, "pdftoppm said: \(output.standardError)")
                #expect(Array(output.standardOutput.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            }
        }
    }

    static func attribute(_ name: String, in svg: String) -> Double? {
        guard let range = svg.range(of: " \(name)=\"") else { return nil }
        return Double(svg[range.upperBound...].prefix { $0 != "\"" })
    }
}
