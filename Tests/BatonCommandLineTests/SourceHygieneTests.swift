// Errors a user can cause are reported, never trapped: no `try!`, `as!`, force unwrap or
// `fatalError` in the shipped sources (benchmarks and test support excepted). A regression
// shows the offending lines.

import BatonTestSupport
import Foundation
import Testing

@Suite struct SourceHygieneTests {
    static let shipped = ["Baton", "BatonCheck", "BatonDocs", "BatonJSON", "BatonLayout", "BatonModel", "BatonRender", "BatonReport",
                          "BatonSimulate", "BatonSyntax", "BatonWorkload", "baton"]

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

/// The repository explains itself: nothing in it cites the team's internal specification, which
/// is not part of the repository (a user who clones Baton has no copy of it). Comments, tests and
/// documents cite `docs/` or say what they mean; a path into `docs/` with an anchor leads to a
/// heading that exists.
@Suite struct SelfContainedRepositoryTests {
    /// The tracked text a user gets with a clone (build products and git's own files excluded).
    static let directories = [".ci", "Sources", "Tests", "docs", "samples", "grammar", "schema", "scripts", "integrations"]
    static let files = ["README.md", "Package.swift", ".gitignore", "Makefile", "Dockerfile", ".dockerignore"]

    /// Every UTF-8 text file under `directories`, and `files`, with its path from the package root.
    static func textFiles() throws -> [(path: String, text: String)] {
        let root = Golden.packageRoot()
        var paths = files.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        for directory in directories {
            let url = root.appendingPathComponent(directory)
            guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let file as String in enumerator {
                var isDirectory: ObjCBool = false
                let path = "\(directory)/\(file)"
                if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                   !isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        return paths.sorted().compactMap { path in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  let text = String(data: data, encoding: .utf8) else { return nil }
            return (path, text)
        }
    }

    /// The internal document's short name, built from pieces so that this file does not cite it.
    static let word = "SP" + "EC"

    /// Lines that name the word as a whole word in capitals (`X.md` included), or its file name in
    /// any case. Words that merely contain it (`specification`, `AttributeSpec`) are fine.
    static func citations(in text: String) -> [(line: Int, text: String)] {
        var found: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            if containsWholeWord(line, word) || line.lowercased().contains(word.lowercased() + ".md") {
                found.append((index + 1, line.trimmingCharacters(in: .whitespaces)))
            }
        }
        return found
    }

    static func containsWholeWord(_ line: String, _ word: String) -> Bool {
        let characters = Array(line)
        let target = Array(word)
        guard characters.count >= target.count else { return false }
        func isWordCharacter(_ index: Int) -> Bool {
            guard characters.indices.contains(index) else { return false }
            return characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
        }
        for start in 0...(characters.count - target.count) where Array(characters[start..<start + target.count]) == target {
            if !isWordCharacter(start - 1), !isWordCharacter(start + target.count) { return true }
        }
        return false
    }

    @Test func nothingCitesTheInternalSpecification() throws {
        let files = try Self.textFiles()
        #expect(files.count > 400, "found the repository's files")
        #expect(files.contains { $0.path == "docs/language.md" })
        let offending = files.flatMap { file in
            Self.citations(in: file.text).map { "\(file.path):\($0.line): \($0.text)" }
        }
        #expect(offending.isEmpty, """
            these lines cite the internal specification, which a user of the repository cannot read; \
            link to the right page of docs/ instead, or say what is meant:
            \(offending.joined(separator: "\n"))
            """)
    }

    @Test func theCheckerSeesWhatItLooksFor() {
        #expect(Self.citations(in: "see \(Self.word) §6").count == 1)
        #expect(Self.citations(in: "as \(Self.word).md says").count == 1)
        #expect(Self.citations(in: "the \(Self.word.lowercased()).md file").count == 1)
        #expect(Self.citations(in: "// (\(Self.word) §3)\nok").map(\.line) == [1])
        #expect(Self.citations(in: "a specification; AttributeSpec; \(Self.word)S; X\(Self.word); \(Self.word)_X").isEmpty)
    }

    // MARK: anchors

    /// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
    static func slug(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return nil
        })
    }

    /// The anchors of a Markdown page's headings (outside fenced code blocks).
    static func anchors(of markdown: String) -> Set<String> {
        var anchors = Set<String>()
        var fence: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == "`" }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") {
                fence = String(trimmed.prefix { $0 == "`" })
                continue
            }
            let hashes = line.prefix { $0 == "#" }
            if (1...6).contains(hashes.count), line.dropFirst(hashes.count).hasPrefix(" ") {
                anchors.insert(slug(line.dropFirst(hashes.count).trimmingCharacters(in: .whitespaces)))
            }
        }
        return anchors
    }

    @Test func linksIntoTheDocsLeadToHeadingsThatExist() throws {
        let files = try Self.textFiles()
        var pages: [String: Set<String>] = [:]
        for file in files where file.path.hasPrefix("docs/") && file.path.hasSuffix(".md") {
            pages[String(file.path.dropFirst("docs/".count))] = Self.anchors(of: file.text)
        }
        #expect(pages["language.md"]?.contains("13-derived-quantities") == true)
        // `docs/<page>.md#<anchor>` anywhere; `](<page>.md#<anchor>)` and `](#<anchor>)` inside docs/.
        let anywhere = try Regex(#"docs/([A-Za-z0-9_-]+\.md)#([A-Za-z0-9_-]+)"#)
        let relative = try Regex(#"\]\(([A-Za-z0-9_-]+\.md)?#([^)\s]+)\)"#)
        var broken: [String] = []
        var checked = 0
        for file in files {
            let inDocs = file.path.hasPrefix("docs/") && file.path.hasSuffix(".md")
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var links: [(page: String, anchor: String)] = line.matches(of: anywhere).compactMap { match in
                    guard let page = match.output[1].substring, let anchor = match.output[2].substring else { return nil }
                    return (String(page), String(anchor))
                }
                if inDocs {
                    links += line.matches(of: relative).compactMap { match in
                        guard let anchor = match.output[2].substring else { return nil }
                        let page = match.output[1].substring.map(String.init) ?? String(file.path.dropFirst("docs/".count))
                        return (page, String(anchor))
                    }
                }
                checked += links.count
                for link in links where pages[link.page]?.contains(link.anchor) != true {
                    broken.append("\(file.path):\(index + 1): \(link.page)#\(link.anchor)")
                }
            }
        }
        #expect(checked > 50, "found the links (\(checked))")
        #expect(broken.isEmpty, "links to headings that do not exist:\n\(broken.joined(separator: "\n"))")
    }

    @Test func anchorsAreGitHubs() {
        #expect(Self.slug("13. Derived quantities") == "13-derived-quantities")
        #expect(Self.slug("Long lines, many errors, hostile text") == "long-lines-many-errors-hostile-text")
        #expect(Self.slug("`.baton.json`") == "batonjson")
        #expect(Self.anchors(of: "# A\n```\n# not a heading\n```\n## B c\n#nope\n") == ["a", "b-c"])
    }
}
