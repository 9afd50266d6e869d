// `baton-bench graph-geometry`: the graph view's geometry checker (`GraphViewGeometry`) over
// every sample, one line per sample, so a layout change shows what it did to labels, parallel
// edges, clusters, detours and the drawing's shape as numbers to compare before and after.
//
//   baton-bench graph-geometry [--samples DIR] [--direction lr|tb|auto] [--generated N [--shape PxI]]
//
// Samples are read from `samples/` in the current directory unless `--samples` says otherwise,
// in file-name order; the whole design is drawn in the direction the graph view chooses unless
// `--direction` says otherwise (each line then says which it took).
// `--generated N` adds N seeded generated designs (seeds 1…N) of P participants and I
// interactions (`--shape`, default 12x30).

import Baton
import BatonLayout
import BatonWorkload
import Foundation

extension Bench {
    static func graphGeometry(_ arguments: [String]) -> Int32 {
        let directory = value(of: "--samples", in: arguments) ?? "samples"
        let direction = value(of: "--direction", in: arguments).flatMap { LayoutDirection(rawValue: $0.uppercased()) }
        let generated = value(of: "--generated", in: arguments).flatMap(Int.init) ?? 0
        let shape = (value(of: "--shape", in: arguments) ?? "12x30").split(separator: "x").compactMap { Int($0) }
        let (participants, interactions) = shape.count == 2 ? (shape[0], shape[1]) : (12, 30)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            FileHandle.standardError.write(Data("cannot read \(directory): run from the package root or say --samples DIR\n".utf8))
            return 2
        }
        let files = names.filter { $0.hasSuffix(".baton") }.sorted()
        guard !files.isEmpty || generated > 0 else {
            FileHandle.standardError.write(Data("no .baton files in \(directory)\n".utf8))
            return 2
        }
        let named: [LayoutDirection: String] = [.leftToRight: "left to right", .topToBottom: "top to bottom"]
        print("graph view geometry (\(direction.flatMap { named[$0] } ?? "direction chosen")), \(directory)")
        var designs: [(name: String, bytes: [UInt8]?, path: String)] = files.map { file in
            let path = (directory as NSString).appendingPathComponent(file)
            return (String(file.dropLast(".baton".count)), FileManager.default.contents(atPath: path).map(Array.init), path)
        }
        for seed in 0..<max(0, generated) {
            let source = DesignGenerator(.init(participants: participants, interactions: interactions, seed: UInt64(seed + 1))).generate()
            designs.append(("generated \(participants)x\(interactions) seed \(seed + 1)", Array(source.utf8), "generated.baton"))
        }
        var failed = false
        for design in designs {
            guard let bytes = design.bytes else {
                print("\(design.name): unreadable")
                failed = true
                continue
            }
            let compilation = Baton.compile(bytes: bytes, displayPath: design.path)
            guard !compilation.hasErrors else {
                print("\(design.name): does not compile")
                failed = true
                continue
            }
            let scene = GraphViewLayout.scene(model: compilation.model, flow: nil, direction: direction)
            let taken = direction == nil ? " [\(GraphViewLayout.direction(nil, model: compilation.model, flow: nil).rawValue)]" : ""
            print("\(design.name)\(taken): \(GraphViewGeometry.report(scene)), \(GraphViewGeometry.detours(scene))")
        }
        return failed ? 1 : 0
    }
}
