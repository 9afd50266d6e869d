// Errors a user can cause are reported, never trapped: no `try!`, `as!`, force unwrap or
// `fatalError` in the shipped sources (benchmarks and test support excepted). A regression
// shows the offending lines.

import BatonTestSupport
import Foundation
import Testing

@Suite struct SourceHygieneTests {
    static let shipped = ["Baton", "BatonCheck", "BatonDocs", "BatonJSON", "BatonLayout", "BatonModel", "BatonRender",
                          "BatonSyntax", "BatonWorkload", "baton"]

    /// Every line of the shipped sources, without comments and string literals' contents.
    static func codeLines() throws -> [(file: String, line: Int, code: String)] {
        var lines: [(String, Int, String)] = []
        let root = Golden.packageRoot().appendingPathComponent("Sources")
        for target in shipped {
            let directory = root.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    lines.append(("\(target)/\(file)", index + 1, strip(String(line))))
                }
            }
        }
        return lines
    }

    /// The line with `//` comments removed and string literals emptied (so "wow!" is not a trap).
    static func strip(_ line: String) -> String {
        var out = ""
        var inString = false
        var previous: Character = " "
        for character in line {
            if inString {
                if character == "\"" && previous != "\\" { inString = false; out.append("\"") }
            } else if character == "\"" {
                inString = true
                out.append("\"")
            } else if character == "/" && previous == "/" {
                out.removeLast()
                break
            } else {
                out.append(character)
            }
            previous = character
        }
        return out
    }

    @Test func noTrappingConstructsInShippedSources() throws {
        let lines = try Self.codeLines()
        #expect(lines.count > 5000, "found the sources")
        let traps = ["try!", "as!", "fatalError(", "preconditionFailure(", "unsafelyUnwrapped"]
        let offending = lines.filter { line in traps.contains { line.code.contains($0) } }
        #expect(offending.isEmpty, "\(offending.map { "\($0.file):\($0.line): \($0.code)" })")
    }

    @Test func noForceUnwrapsInShippedSources() throws {
        // A `!` right after a name, `)` or `]`, and not the start of `!=`: `x!`, `f()!.y`, `a[0]!`.
        let pattern = try Regex(#"[\w\)\]]!(?!=)"#)
        let offending = try Self.codeLines().filter { $0.code.contains(pattern) }
        #expect(offending.isEmpty, "\(offending.map { "\($0.file):\($0.line): \($0.code)" })")
    }

    @Test func theCheckerSeesWhatItLooksFor() throws {
        // The two checks above would pass vacuously if stripping removed too much.
        #expect(Self.strip(#"let x = y! // not this"#) == "let x = y! ")
        #expect(Self.strip(#"print("wow!") ; z!.f"#) == #"print("") ; z!.f"#)
        #expect(try "z!.f".contains(Regex(#"[\w\)\]]!(?!=)"#)))
        #expect(try !"a != b".contains(Regex(#"[\w\)\]]!(?!=)"#)))
    }
}
