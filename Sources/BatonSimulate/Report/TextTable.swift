/// Columns of text lined up for a terminal: the first column (names) left-aligned, the others
/// (numbers) right-aligned under their headings, two spaces apart, each row indented by two.
/// A table without headings (`headings` nil) is rows alone, its columns all left-aligned.
///
/// Widths count characters (`Character`), which lines up everything a design's names usually
/// hold; a name in a wide script may push its row out of line, never another row.
struct TextTable {
    var headings: [String]?
    var columns: Int
    var rows: [[String]] = []

    init(_ headings: [String]) {
        self.headings = headings
        columns = headings.count
    }

    /// Rows of `columns` cells without a heading line, each column left-aligned.
    init(columns: Int) {
        headings = nil
        self.columns = columns
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// The heading line, then one line per row; trailing spaces trimmed.
    var text: String {
        let all = (headings.map { [$0] } ?? []) + rows
        let headed = headings != nil
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.prefix(columns).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var out = ""
        for (number, row) in all.enumerated() {
            let isHeading = headed && number == 0
            var line = isHeading ? "" : "  "
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : ""
                // The heading of the name column sits at the left edge, its names under it indented.
                let width = index == 0 && headed ? widths[0] + (isHeading ? 2 : 0) : widths[index]
                let pad = String(repeating: " ", count: max(0, width - cell.count))
                if index > 0 { line += "  " }
                line += index == 0 || !headed ? cell + pad : pad + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
