/// What to write.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg
    case dot
    case mermaid
    case pdf
    /// Pixels, drawn by Baton itself; binary, so drawn by `Renderer.renderPNG`.
    case png

    /// How people write the format's name: "SVG", "DOT", "Mermaid".
    public var displayName: String {
        switch self {
        case .svg: "SVG"
        case .dot: "DOT"
        case .mermaid: "Mermaid"
        case .pdf: "PDF"
        case .png: "PNG"
        }
    }

    /// The usual extension of a file in this format.
    public var fileExtension: String {
        switch self {
        case .svg: "svg"
        case .dot: "dot"
        case .mermaid: "mmd"
        case .pdf: "pdf"
        case .png: "png"
        }
    }

    /// The format a file name asks for by its extension: `.svg`, `.dot`/`.gv`, `.mmd`/`.mermaid`, `.pdf`, `.png`.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".svg") { self = .svg }
        else if lowered.hasSuffix(".dot") || lowered.hasSuffix(".gv") { self = .dot }
        else if lowered.hasSuffix(".mmd") || lowered.hasSuffix(".mermaid") { self = .mermaid }
        else if lowered.hasSuffix(".pdf") { self = .pdf }
        else if lowered.hasSuffix(".png") { self = .png }
        else { return nil }
    }
}
