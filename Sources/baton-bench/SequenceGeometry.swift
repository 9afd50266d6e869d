// `baton-bench sequence-geometry`: the sequence view's geometry checker (`SequenceViewGeometry`)
// over every flow of every sample, then over generated designs with wide casts, one line each,
// so a layout change shows what it did to crossed labels, guards and tabs on bars, note
// wrapping, head names and the drawing's size as numbers to compare before and after.
//
//   baton-bench sequence-geometry [--samples DIR] [--seeds N]
//
// Samples are read from `samples/` in the current directory unless `--samples` says otherwise,
// in file-name order, and each flow is drawn (the design's steps when it has no flows). Then
// `--seeds` generated designs (default 3; seeds 1…N) of 14 participants in flows of 30
// interactions, the first flow of each.

import Baton
import BatonLayout
import BatonModel
import BatonWorkload
import Foundation

extension Bench {
    static func sequenceGeometry(_ arguments: [String]) -> Int32 {
        let directory = value(of: "--samples", in: arguments) ?? "samples"
        let seeds = value(of: "--seeds", in: arguments).flatMap(Int.init) ?? 3
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            FileHandle.standardError.write(Data("cannot read \(directory): run from the package root or say --samples DIR\n".utf8))
            return 2
        }
        let files = names.filter { $0.hasSuffix(".baton") }.sorted()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("no .baton files in \(directory)\n".utf8))
            return 2
        }
        print("sequence view geometry, \(directory)")
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
            let model = compilation.model
            let flows: [FlowID?] = model.flows.isEmpty ? [nil] : model.flows.map(\.id)
            for flow in flows {
                let scene = SequenceLayout.scene(model: model, flow: flow)
                let label = flow.map { "\(name) / \(model[$0].name)" } ?? name
                print("\(label): \(SequenceViewGeometry.report(scene))")
            }
        }
        if seeds > 0 { print("generated designs (14 participants, flows of 30 interactions, the first flow)") }
        for seed in 0..<max(0, seeds) {
            let source = DesignGenerator(.init(participants: 14, interactions: 30, seed: UInt64(seed + 1),
                                               interactionsPerFlow: 30)).generate()
            let compilation = Baton.compile(source: source, path: "generated.baton")
            guard !compilation.hasErrors, let flow = compilation.model.flows.first else {
                print("seed \(seed + 1): does not compile")
                failed = true
                continue
            }
            let scene = SequenceLayout.scene(model: compilation.model, flow: flow.id)
            print("seed \(seed + 1): \(SequenceViewGeometry.report(scene))")
        }
        return failed ? 1 : 0
    }
}
