/// Why a font file cannot be used: it is not TrueType, or a table in it is cut short or
/// contradicts another. Fonts come from the user's machine or `--font FILE`, so every read is
/// checked and a bad file is an error, never a crash or an endless loop.
public struct FontError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
