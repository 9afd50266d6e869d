// `baton man`: the manual pages are read by the programs that format them — groff and mandoc
// must find nothing to warn about, man-db must render them — and they say what --help says.

import BatonTestSupport
import Foundation
import Testing

@Suite struct ManPageTests {
    /// 2024-12-05 00:00:00 UTC, as a reproducible build would pass it.
    static let epoch = "1733356800"

    static func commands() throws -> [String] {
        let list = try BatonExecutable.run(["man", "--list"])
        #expect(list.status == 0)
        return list.standardOutput.split(separator: "\n").map(String.init)
    }

    /// Every page, by file name: baton.1 and baton-COMMAND.1.
    static func pages() throws -> [(name: String, text: String)] {
        var pages: [(String, String)] = []
        for command in [nil] + (try commands()).map(Optional.some) {
            let result = try BatonExecutable.run(["man"] + (command.map { [$0] } ?? []), environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.isEmpty)
            pages.append((command.map { "baton-\($0).1" } ?? "baton.1", result.standardOutput))
        }
        return pages
    }

    static func writePages(to directory: URL) throws -> [(name: String, text: String, url: URL)] {
        try pages().map { page in
            let url = directory.appendingPathComponent(page.name)
            try Data(page.text.utf8).write(to: url)
            return (page.name, page.text, url)
        }
    }

    /// `--list` is the command list of `baton --help`, so `make install` writes a page for each.
    @Test func theListIsEveryCommand() throws {
        let overview = try BatonExecutable.run(["--help"]).standardOutput
        let commands = overview.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(try Self.commands() == commands)
        #expect(commands.contains("man") && commands.contains("completions"))
    }

    @Test(.requires(program: "groff"))
    func groffFindsNothingToWarnAbout() throws {
        let groff = try ExternalProgram.require("groff", package: "groff-base")
        let directory = try makeTemporaryDirectory(prefix: "baton-man")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = try Self.writePages(to: directory)
        #expect(pages.count > 10)
        for page in pages {
            let output = try groff.run(["-man", "-ww", "-z", page.url.path])
            #expect(output.status == 0, "\(page.name)")
            #expect(output.standardError.isEmpty, "groff on \(page.name): \(output.standardError)")
        }
    }

    @Test(.requires(program: "mandoc"))
    func mandocLintFindsNothing() throws {
        let mandoc = try ExternalProgram.require("mandoc", package: "mandoc")
        let directory = try makeTemporaryDirectory(prefix: "baton-man")
        defer { try? FileManager.default.removeItem(at: directory) }
        for page in try Self.writePages(to: directory) {
            // -T lint reports warnings, errors and style suggestions (lines over 80 bytes,
            // a missing date) alike; a page gets none.
            let output = try mandoc.run(["-T", "lint", "-W", "style", page.url.path])
            let messages = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
            #expect(output.status == 0, "\(page.name): \(messages)")
            #expect(messages.isEmpty, "mandoc on \(page.name): \(messages)")
        }
    }

    /// man-db renders every page, and what it prints has the command's synopsis, each option,
    /// each example and the exit status.
    @Test(.requires(program: "man"))
    func manRendersEveryPageWithEveryOption() throws {
        let man = try ExternalProgram.require("man", package: "man-db")
        let directory = try makeTemporaryDirectory(prefix: "baton-man")
        defer { try? FileManager.default.removeItem(at: directory) }
        for page in try Self.writePages(to: directory) {
            let output = try man.run(["-l", page.url.path], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80",
                                                                          "LANG": "C.UTF-8", "MAN_KEEP_FORMATTING": ""])
            #expect(output.status == 0, "\(page.name): \(output.standardError)")
            // Overstrike (bold as c\bc) is not used when writing to a pipe, but strip it anyway.
            let text = String(decoding: output.standardOutput, as: UTF8.self).replacing(/.\x{08}/, with: "")
            for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS", "SEE ALSO"] {
                #expect(text.contains("\n\(heading)\n"), "\(page.name) has no \(heading)")
            }
            guard page.name != "baton.1" else {
                for command in try Self.commands() { #expect(text.contains("baton-\(command)(1)"), "baton(1) names \(command)") }
                continue
            }
            let command = String(page.name.dropFirst("baton-".count).dropLast(2))
            let help = try BatonExecutable.run([command, "--help"]).standardOutput
            #expect(text.contains("baton \(command)"))
            let rows = help.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Options:" }.dropFirst().prefix { !$0.isEmpty }
            for row in rows {
                // The left column of the help's row, as the page prints it: "-o, --output OUT".
                let left = row.dropFirst(2).split(separator: "  ").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                #expect(text.contains(left), "\(page.name) lacks the option \(left)")
            }
            let examples = help.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Examples:" }.dropFirst().prefix { !$0.isEmpty }
            #expect(!examples.isEmpty)
            for example in examples {
                #expect(text.contains(example.trimmingCharacters(in: .whitespaces)), "\(page.name) lacks the example \(example)")
            }
        }
    }

    /// The roff source has the help's words: every option's description (which man may
    /// hyphenate or justify, so it is compared before formatting) and the discussion's.
    @Test func eachPageSaysWhatTheHelpSays() throws {
        for page in try Self.pages() where page.name != "baton.1" {
            let command = String(page.name.dropFirst("baton-".count).dropLast(2))
            let help = try BatonExecutable.run([command, "--help"]).standardOutput
            let words = { (text: String) in
                text.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\e", with: "\\")
                    .replacingOccurrences(of: "\\fB", with: "").replacingOccurrences(of: "\\fI", with: "")
                    .replacingOccurrences(of: "\\fR", with: "").replacingOccurrences(of: "\\&", with: "")
                    .split { $0.isWhitespace }.joined(separator: " ")
            }
            let source = words(page.text.split(separator: "\n").filter { !$0.hasPrefix(".") }.joined(separator: " "))
            let rows = help.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Options:" }.dropFirst().prefix { !$0.isEmpty }
            for row in rows {
                var description = row.dropFirst(2).split(separator: "  ", maxSplits: 1).last.map(String.init) ?? ""
                description = description.trimmingCharacters(in: .whitespaces)
                // The help appends the choices as (a|b|c), or (a) for one; the page lists them on their own.
                if description.hasSuffix(")"), let open = description.lastIndex(of: "("),
                   description[open...].contains("|") || !description[open...].contains(" ") {
                    description = String(description[..<open]).trimmingCharacters(in: .whitespaces)
                }
                let plain = words(description)
                if plain.unicodeScalars.allSatisfy(\.isASCII) {
                    #expect(source.contains(plain), "\(page.name) lacks: \(plain)")
                }
            }
        }
    }

    @Test func theDateComesFromSourceDateEpochAndNeverFromTheClock() throws {
        let dated = try BatonExecutable.run(["man", "render"], environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(dated.standardOutput.contains(#".TH "BATON\-RENDER" 1 "2024-12-05" "baton "#))
        let undated = try BatonExecutable.run(["man", "render"], environment: ["SOURCE_DATE_EPOCH": ""])
        #expect(undated.standardOutput.contains(#".TH "BATON\-RENDER" 1 "" "baton "#))
        #expect(try BatonExecutable.run(["man", "render"], environment: ["SOURCE_DATE_EPOCH": ""]).standardOutput == undated.standardOutput)
        let wrong = try BatonExecutable.run(["man"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(wrong.status == 2)
        #expect(wrong.standardOutput.isEmpty)
        #expect(wrong.standardError.contains("SOURCE_DATE_EPOCH is 'yesterday', not a number of seconds since 1970"))
    }

    @Test func anUnknownCommandIsRefusedWithTheClosestOne() throws {
        let result = try BatonExecutable.run(["man", "rendr"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no manual page for 'rendr'"))
        #expect(result.standardError.contains("did you mean 'render'?"))
        #expect(try BatonExecutable.run(["man", "render", "check"]).status == 2)
        #expect(try BatonExecutable.run(["man", "--list", "render"]).status == 2)
    }
}
