// `baton-bench graph-geometry`: the graph view's geometry checker (`GraphViewGeometry`) over
// every sample, one line per sample, so a layout change shows what it did to labels, parallel
// edges, clusters and the drawing's shape as numbers to compare before and after.
//
//   baton-bench graph-geometry [--samples DIR] [--direction lr|tb]
//   baton-bench graph-geometry --generated [--seeds N] [--participants P] [--interactions M] [--direction lr|tb]
//
// Samples are read from `samples/` in the current directory unless `--samples` says otherwise,
// in file-name order; the whole design is drawn, left to right unless `--direction tb`.
// `--generated` measures seeded generated designs instead (seeds 1…N, 8 by default, of 12
// participants and 40 interactions unless told otherwise), the kind the layout tests draw.

import Baton
import BatonLayout
import BatonWorkload
import Foundation

extension Bench {
    static func graphGeometry(_ arguments: [String]) -> Int32 {
        let directory = value(of: "--samples", in: arguments) ?? "samples"
        let direction: LayoutDirection = value(of: "--direction", in: arguments) == "tb" ? .topToBottom : .leftToRight
        if arguments.contains("--generated") { return generatedGeometry(arguments, direction: direction) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            FileHandle.standardError.write(Data("cannot read \(directory): run from the package root or say --samples DIR\n".utf8))
            return 2
        }
        let files = names.filter { $0.hasSuffix(".baton") }.sorted()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("no .baton files in \(directory)\n".utf8))
            return 2
        }
        print("graph view geometry (\(direction == .topToBottom ? "top to bottom" : "left to right")), \(directory)")
        var failed = false
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let name = String(file.dropLast(".baton".count))
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(name): unreadable")
                failed = true
                continue
            }
            let compilation = Baton.compile(bytes: Array(data), displayPath: path)
            guard !compilation.hasErrors else {
                print("\(name): does not compile")
                failed = true
                continue
            }
            let scene = GraphViewLayout.scene(model: compilation.model, flow: nil, direction: direction)
            print("\(name): \(GraphViewGeometry.report(scene))")
        }
        return failed ? 1 : 0
    }

    static func generatedGeometry(_ arguments: [String], direction: LayoutDirection) -> Int32 {
        let seeds = value(of: "--seeds", in: arguments).flatMap(UInt64.init) ?? 8
        let participants = value(of: "--participants", in: arguments).flatMap(Int.init) ?? 12
        let interactions = value(of: "--interactions", in: arguments).flatMap(Int.init) ?? 40
        print("graph view geometry (\(direction == .topToBottom ? "top to bottom" : "left to right")), "
              + "generated designs of \(participants) participants and \(interactions) interactions")
        for seed in 1...max(1, seeds) {
            let source = DesignGenerator(.init(participants: participants, interactions: interactions, seed: seed)).generate()
            let compilation = Baton.compile(source: source)
            guard !compilation.hasErrors else {
                print("seed \(seed): does not compile")
                return 1
            }
            let scene = GraphViewLayout.scene(model: compilation.model, flow: nil, direction: direction)
            print("seed \(seed): \(GraphViewGeometry.report(scene))")
        }
        return 0
    }
}
