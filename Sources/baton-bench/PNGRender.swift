// `baton-bench png`: how long `render --to png` takes on a big sequence diagram, in this
// process, with the layout's share shown apart (the SVG of the same diagram is timed too).
//
//   baton-bench png [--participants 30] [--interactions 1000] [--file DESIGN] [--scale N] [--runs 5]
//
// Prints the picture's size, the PNG's bytes, peak memory, and the median seconds of the SVG
// render (layout and writing) and of the PNG render (layout, rasterising, compressing).
// scripts/bench-png.sh times the same as whole processes beside rsvg-convert.

import Baton
import BatonModel
import BatonRender
import BatonWorkload
import Foundation

extension Bench {
    static func png(_ arguments: [String]) -> Int32 {
        let runs = value(of: "--runs", in: arguments).flatMap(Int.init) ?? 5
        let scale = value(of: "--scale", in: arguments).flatMap(Double.init) ?? 1
        let source: String, label: String
        if let file = value(of: "--file", in: arguments) {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                return 2
            }
            source = String(decoding: data, as: UTF8.self)
            label = file
        } else {
            let participants = value(of: "--participants", in: arguments).flatMap(Int.init) ?? 30
            let interactions = value(of: "--interactions", in: arguments).flatMap(Int.init) ?? 1_000
            source = Workload.shape(participants: participants, interactions: interactions).source(seed: 1)
            label = "\(participants) participants, \(interactions) interactions (generated)"
        }
        let fonts: PNGFonts
        do {
            fonts = try PNGFontFiles.fonts()
        } catch {
            FileHandle.standardError.write(Data("\(error.message)\n".utf8))
            return 2
        }
        let bytes = Array(source.utf8)
        let compilation = Baton.compile(bytes: bytes, displayPath: "bench.baton")
        guard !compilation.hasErrors else {
            FileHandle.standardError.write(Data("the design does not compile\n".utf8))
            return 2
        }
        var options = RenderOptions(format: .png, view: .sequence)
        options.scale = scale
        var svgTimes: [Double] = [], pngTimes: [Double] = []
        var png: [UInt8] = []
        for _ in 0..<max(1, runs) {
            var start = DispatchTime.now().uptimeNanoseconds
            _ = try? Baton.render(compilation, source: bytes, options: RenderOptions(format: .svg, view: .sequence))
            svgTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            do {
                png = try Baton.renderPNG(compilation, source: bytes, options: options, fonts: fonts)
            } catch {
                FileHandle.standardError.write(Data("\(error.message)\n".utf8))
                return 2
            }
            pngTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let width = png.count > 24 ? Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19]) : 0
        let height = png.count > 24 ? Int(png[20]) << 24 | Int(png[21]) << 16 | Int(png[22]) << 8 | Int(png[23]) : 0
        let megapixels = Double(width * height) / 1e6
        print("png: \(label), sequence view, scale \(scale)")
        print(String(format: "  %d × %d pixels (%.1f megapixels), PNG %.2f MB, peak memory %d MB", width, height, megapixels,
                     Double(png.count) / 1e6, peakMemoryKiB() / 1024))
        print(String(format: "  median of %d: SVG %.3f s, PNG %.3f s (%.0f megapixels/s)", pngTimes.count, median(svgTimes),
                     median(pngTimes), megapixels / median(pngTimes)))
        return 0
    }
}
