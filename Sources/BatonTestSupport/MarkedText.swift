/// Source text with `↓` location markers, as in SwiftLint's examples: each marker says "a
/// diagnostic must start here". The markers are removed; their UTF-8 offsets in the clean text
/// are kept, so tests never count lines and columns by hand.
///
///     let marked = MarkedText("service A\n↓A -> B\n")
///     marked.text     // "service A\nA -> B\n"
///     marked.offsets  // [10]
public struct MarkedText: Sendable {
    public static let marker: Character = "↓"

    public let text: String
    /// UTF-8 offsets of the markers in `text`, in order.
    public let offsets: [Int]

    public init(_ marked: String) {
        var text = ""
        var offsets: [Int] = []
        var utf8Count = 0
        for character in marked {
            if character == Self.marker {
                offsets.append(utf8Count)
            } else {
                text.append(character)
                utf8Count += character.utf8.count
            }
        }
        self.text = text
        self.offsets = offsets
    }
}
