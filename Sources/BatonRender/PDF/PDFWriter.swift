// PDF from a Scene: one vector page, the same drawing the SVG writer makes.
//
// - Size: a scene's coordinates are CSS pixels (1/96 inch); the page is sized in points (1/72
//   inch), so the page is the scene's size × 0.75 and a diagram prints at the size a browser
//   shows its SVG (and `pdftoppm -r 96` gives back the scene's pixels). The content stream
//   draws in pixels with y down, through one transformation at its top.
// - Text: Helvetica and Helvetica-Bold, the standard fonts every reader has, in WinAnsiEncoding
//   (see `PDFText`); the layout measured with Liberation Sans, which has Helvetica's widths, so
//   each line is placed at the scene's baseline and anchored (start, middle, end) by its width.
// - Bytes: PDF 1.4, ASCII only, uncompressed streams, no dates; the file `/ID` is a hash of the
//   page's content and the metadata, so the same scene gives the same file on every machine.

import BatonLayout

public struct PDFOptions: Hashable, Sendable {
    public var theme: Theme

    public init(theme: Theme = .light) {
        self.theme = theme
    }
}

public enum PDFWriter {
    /// Points per scene pixel: 72 points and 96 CSS pixels make an inch.
    public static let pointsPerPixel = 0.75

    /// The font resource names: regular and bold.
    static let regularFont = "F1", boldFont = "F2"

    /// Helvetica widths: the table the layout uses, without the safety margin it adds for wrapping.
    static let metrics = TextMetrics(safetyFactor: 1)

    public static func write(_ scene: Scene, options: PDFOptions) -> String {
        let theme = options.theme
        let width = scene.size.width, height = scene.size.height
        var content = PDFContent(capacity: 256 + scene.items.count * 300)
        // Scene pixels, y down, onto page points, y up.
        content.op("\(PDFContent.n(pointsPerPixel)) 0 0 \(PDFContent.n(-pointsPerPixel)) 0 \(PDFContent.n(height * pointsPerPixel)) cm")
        content.op("q")
        if content.fill(theme.background) {
            content.rectangle(Rect(x: 0, y: 0, width: width, height: height), radius: 0)
            content.op("f")
        }
        content.op("Q")
        for item in scene.items {
            write(item, theme: theme, into: &content)
        }

        var document = PDFDocument()
        let catalog = document.reserve()
        let pages = document.reserve()
        let page = document.reserve()
        let stream = document.add(PDFDocument.stream(content.text))
        let regular = document.add(font("Helvetica"))
        let bold = document.add(font("Helvetica-Bold"))
        let info = document.add("<< /Title \(PDFText.textString(scene.title)) /Subject \(PDFText.textString(scene.description))"
                                + " /Producer (Baton) >>")
        document.set(catalog, "<< /Type /Catalog /Pages \(pages) 0 R >>")
        document.set(pages, "<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        var resources = "/Font << /\(regularFont) \(regular) 0 R /\(boldFont) \(bold) 0 R >>"
        let opacities = content.opacities.sorted { $0.key < $1.key }
        if !opacities.isEmpty {
            resources += " /ExtGState << "
                + opacities.map { "/\($0.key) << /Type /ExtGState /ca \(PDFContent.n($0.value)) >>" }.joined(separator: " ")
                + " >>"
        }
        let box = "[0 0 \(PDFContent.n(width * pointsPerPixel)) \(PDFContent.n(height * pointsPerPixel))]"
        document.set(page, "<< /Type /Page /Parent \(pages) 0 R /MediaBox \(box) /Resources << \(resources) >> /Contents \(stream) 0 R >>")
        var hash = SHA256()
        for object in document.objects { hash.update(Array(object.utf8)) }
        let id = String(SHA256.hex(hash.finalize()).prefix(32))
        return document.serialized(trailer: "/Root \(catalog) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>]")
    }

    private static func font(_ name: String) -> String {
        "<< /Type /Font /Subtype /Type1 /BaseFont /\(name) /Encoding /WinAnsiEncoding >>"
    }

    private static func write(_ item: SceneItem, theme: Theme, into out: inout PDFContent) {
        switch item {
        case .shape(let shape):
            PDFShapes.write(shape, theme: theme, into: &out)
        case .line(let line):
            PDFShapes.write(line, theme: theme, into: &out)
        case .text(let text):
            write(text, theme: theme, into: &out)
        case .group(let group):
            for child in group.items { write(child, theme: theme, into: &out) }
        }
    }

    /// One `BT … ET` per block; each line is placed by its own matrix, which also turns the
    /// glyphs upright again in the page's y-down coordinates.
    private static func write(_ block: TextBlock, theme: Theme, into out: inout PDFContent) {
        guard !block.lines.isEmpty else { return }
        out.op("BT")
        out.op("/\(block.weight == .bold ? boldFont : regularFont) \(PDFContent.n(block.fontSize)) Tf")
        _ = out.fill(theme.textColor(block.role))
        for (index, line) in block.lines.enumerated() {
            let bytes = PDFText.winAnsi(line)
            let drawn = PDFText.drawable(line)
            let advance = metrics.width(of: drawn, size: block.fontSize, weight: block.weight)
            let x: Double = switch block.alignment {
            case .start: block.anchorX
            case .middle: block.anchorX - advance / 2
            case .end: block.anchorX - advance
            }
            out.op("1 0 0 -1 \(PDFContent.n(x)) \(PDFContent.n(block.baseline(ofLine: index))) Tm")
            out.op(PDFText.literal(bytes) + " Tj")
        }
        out.op("ET")
    }
}
