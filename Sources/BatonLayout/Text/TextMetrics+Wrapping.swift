extension TextMetrics {
    /// Breaks `text` into lines no wider than `maxWidth` pixels, as measured by
    /// `width(of:size:weight:)`, for labels drawn as one `<text>`/`<tspan>` per line (SVG has no
    /// automatic wrapping, and `foreignObject` is not an option).
    ///
    /// - Greedy: each line takes as many words as fit. Words are separated by spaces and tabs;
    ///   runs of them count as one separator, and lines carry no leading or trailing spaces.
    ///   No-break spaces (U+00A0) do not separate words.
    /// - Line breaks in `text` (`\n`, `\r\n`, U+2028, ...) are kept as hard breaks, so an empty
    ///   line between paragraphs stays; trailing empty lines are dropped.
    /// - A word wider than `maxWidth` on its own starts a new line and is broken between
    ///   characters (grapheme clusters); every line holds at least one character, so a line is
    ///   wider than `maxWidth` only when a single character is.
    ///
    /// Returns `[]` for empty text and at least one line otherwise (`[""]` for text made only
    /// of white space). Widths are summed in integer font units, so a line measured again with
    /// `width(of:size:weight:)` gives exactly the width the decision was based on.
    public func wrap(
        _ text: String, maxWidth: Double, size: Double, weight: FontWeight = .regular
    ) -> [String] {
        guard !text.isEmpty else { return [] }
        let face = self.face(weight)
        let spaceUnits = face.units(of: " " as Character)
        func fits(_ units: Int) -> Bool { scaled(units, face: face, size: size) <= maxWidth }

        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for paragraph in paragraphs {
            var line = ""
            var lineUnits = 0
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var wordUnits = 0
                for character in word {
                    wordUnits += face.units(of: character)
                }
                if !line.isEmpty {
                    if fits(lineUnits + spaceUnits + wordUnits) {
                        line += " "
                        line += word
                        lineUnits += spaceUnits + wordUnits
                        continue
                    }
                    lines.append(line)
                    line = ""
                    lineUnits = 0
                }
                if fits(wordUnits) {
                    line = String(word)
                    lineUnits = wordUnits
                    continue
                }
                for character in word {
                    let units = face.units(of: character)
                    if !line.isEmpty && !fits(lineUnits + units) {
                        lines.append(line)
                        line = ""
                        lineUnits = 0
                    }
                    line.append(character)
                    lineUnits += units
                }
            }
            lines.append(line)
        }
        while lines.count > 1, lines.last?.isEmpty == true {
            lines.removeLast()
        }
        return lines
    }
}
