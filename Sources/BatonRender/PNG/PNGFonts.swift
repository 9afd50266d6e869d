/// The TrueType faces a PNG draws its text with: a regular face, and a bold one for the labels
/// the scene sets in bold (the regular again when no bold face was found).
///
/// Text is laid out with the built-in Liberation Sans widths; drawing it with Liberation Sans
/// or Arial (the same advance widths) keeps every line where the layout put it. Finding the
/// files is the caller's business (the façade looks on the usual font paths), so that drawing
/// stays a pure function of the scene and these bytes.
public struct PNGFonts: Sendable {
    public var regular: TrueTypeFont
    public var bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont? = nil) {
        self.regular = regular
        self.bold = bold ?? regular
    }
}
