// Reads Graphviz's `-Tplain` output back as routes (edge splines sampled into polylines, in
// points), so that dot's drawing is scored with the same `DrawingMetrics` as ours.

import BatonLayout

struct PlainDrawing {
    var routes: [[Point]] = []
    var width = 0.0
    var height = 0.0
}

func parsePlain(_ text: String) -> PlainDrawing {
    var drawing = PlainDrawing()
    for line in text.split(separator: "\n") {
        let fields = tokens(line)
        guard let kind = fields.first else { continue }
        if kind == "graph", fields.count >= 4 {
            drawing.width = (Double(fields[2]) ?? 0) * 72
            drawing.height = (Double(fields[3]) ?? 0) * 72
        } else if kind == "edge", fields.count >= 4, let n = Int(fields[3]), fields.count >= 4 + 2 * n {
            var controls: [Point] = []
            for i in 0..<n {
                let x = Double(fields[4 + 2 * i]) ?? 0, y = Double(fields[5 + 2 * i]) ?? 0
                controls.append(Point(x: x * 72, y: y * 72))
            }
            drawing.routes.append(Polyline.sampleCubicBezier(controls, steps: 8))
        }
    }
    return drawing
}

/// Whitespace-separated fields; double-quoted fields may contain spaces.
private func tokens(_ line: Substring) -> [String] {
    var out: [String] = []
    var current = ""
    var quoted = false
    var inToken = false
    for ch in line {
        if quoted {
            if ch == "\"" { quoted = false } else { current.append(ch) }
        } else if ch == "\"" {
            quoted = true; inToken = true
        } else if ch == " " || ch == "\t" {
            if inToken { out.append(current); current = ""; inToken = false }
        } else {
            current.append(ch); inToken = true
        }
    }
    if inToken { out.append(current) }
    return out
}
