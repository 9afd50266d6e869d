import BatonJSON

/// The protocol's positions and ranges, written by the compact appender the diagnostics are
/// written with (`JSONBytes`, in BatonJSON; only these shapes belong to the language server).
extension JSONBytes {
    /// `{"line":L,"character":C}`
    mutating func position(_ position: Position) {
        raw("{\"line\":")
        int(position.line)
        raw(",\"character\":")
        int(position.character)
        raw("}")
    }

    /// `{"start":…,"end":…}`
    mutating func range(_ range: TextRange) {
        raw("{\"start\":")
        position(range.start)
        raw(",\"end\":")
        position(range.end)
        raw("}")
    }
}
