// `baton-bench generate-tree`: a tree of many small designs, the shape of a repository that
// `baton check DIR` (and `fmt`, `render --all`) meets: 100 designs per directory, of varied
// sizes, every tenth importing its directory's shared `lib.baton` (so one file's findings are
// found by several designs and must be reported once).
//
//   baton-bench generate-tree --files N --dir DIR [--seed S]
//
// The same options write the same bytes.

import BatonWorkload
import Foundation

extension Bench {
    static func generateTree(_ arguments: [String]) -> Int32 {
        guard let directory = value(of: "--dir", in: arguments) else {
            FileHandle.standardError.write(Data("generate-tree needs --dir DIR\n".utf8))
            return 2
        }
        let files = max(1, value(of: "--files", in: arguments).flatMap(Int.init) ?? 5_000)
        let seed = value(of: "--seed", in: arguments).flatMap(UInt64.init) ?? 1
        var random = SplitMix64(seed: seed)
        var bytes = 0
        for index in 0..<files {
            let team = "\(directory)/team\(index / 100)"
            if index % 100 == 0 {
                do {
                    try FileManager.default.createDirectory(atPath: team, withIntermediateDirectories: true)
                    try Data("service SharedOrders [timeout=1s]\nstore SharedDb\nSharedOrders -> SharedDb : read [retries=2]\n".utf8)
                        .write(to: URL(fileURLWithPath: team + "/lib.baton"))
                } catch {
                    FileHandle.standardError.write(Data("cannot write \(team): \(error.localizedDescription)\n".utf8))
                    return 2
                }
            }
            let options = DesignGenerator.Options(participants: 6 + random.below(7), interactions: 8 + random.below(23),
                                                  seed: seed &* 1_000_003 &+ UInt64(index))
            var text = DesignGenerator(options).generate()
            if index % 10 == 0 {
                // Every generated design has a client called Client0.
                text = "import \"lib.baton\"\n" + text + "Client0 -> SharedOrders : lookup [timeout=2s]\n"
            }
            bytes += text.utf8.count
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(team)/design\(index % 100).baton"))
            } catch {
                FileHandle.standardError.write(Data("cannot write in \(team): \(error.localizedDescription)\n".utf8))
                return 2
            }
        }
        print("\(files) designs (\(bytes) bytes) below \(directory)")
        return 0
    }
}
