// The fonts `render --to png` draws text with, found on disk: the render stage draws with
// whatever faces it is given (`PNGFonts`), and finding them is the façade's part, as reading
// designs is.
//
// The layout measures text with Liberation Sans widths, so the faces looked for are Liberation
// Sans and Arial (the same advance widths), in a fixed order of families, then directories, so
// the same machine always picks the same file. The bold face comes from beside the regular
// one, or is the regular one when there is none.

import BatonModel
import BatonRender
import Foundation

public enum PNGFontFiles {
    /// A family's file names: regular faces, then bold faces, as the platforms spell them.
    public struct Family: Sendable {
        public var regular: [String]
        public var bold: [String]
    }

    public static let families = [
        Family(regular: ["LiberationSans-Regular.ttf"], bold: ["LiberationSans-Bold.ttf"]),
        Family(regular: ["Arial.ttf", "arial.ttf"], bold: ["Arial Bold.ttf", "Arial_Bold.ttf", "arialbd.ttf", "Arial-Bold.ttf"]),
    ]

    /// Where fonts are installed, in the order searched: the Liberation packages of Debian and
    /// Ubuntu (fonts-liberation2, fonts-liberation), Fedora and Arch, the Microsoft core fonts
    /// package, the local and per-user font directories, then macOS and Windows.
    public static func directories(home: String? = ProcessInfo.processInfo.environment["HOME"]) -> [String] {
        var directories = [
            "/usr/share/fonts/truetype/liberation2",
            "/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/liberation-sans-fonts",
            "/usr/share/fonts/liberation-sans",
            "/usr/share/fonts/liberation",
            "/usr/share/fonts/TTF",
            "/usr/share/fonts/truetype/msttcorefonts",
            "/usr/local/share/fonts",
        ]
        if let home, !home.isEmpty {
            directories += [home + "/.local/share/fonts", home + "/.fonts"]
        }
        directories += ["/Library/Fonts", "/System/Library/Fonts/Supplemental", "C:\\Windows\\Fonts"]
        return directories
    }

    /// The fonts for PNG text: the face at `explicit` (`--font FILE`, with a bold face beside
    /// it when there is one), or the first family found in `directories`.
    public static func fonts(explicit: String? = nil, directories: [String] = directories()) throws(RenderError) -> PNGFonts {
        if let explicit {
            let regular = try load(explicit, role: "--font")
            let bold = boldNames(beside: explicit).first(where: isReadable)
            return PNGFonts(regular: regular, bold: try bold.map { path throws(RenderError) in try load(path, role: "the bold face beside --font") })
        }
        for family in families {
            for directory in directories {
                guard let regular = family.regular.map({ join(directory, $0) }).first(where: isReadable) else { continue }
                let bold = family.bold.map { join(directory, $0) }.first(where: isReadable)
                return PNGFonts(regular: try load(regular, role: "the font"),
                                bold: try bold.map { path throws(RenderError) in try load(path, role: "the font") })
            }
        }
        let names = families.flatMap(\.regular).map { "'\($0)'" }
        throw RenderError(
            message: "no font for the text of the PNG: looked for \(names.joined(separator: ", ")) in "
                + directories.map { "'\($0)'" }.joined(separator: ", "),
            help: "give a TrueType font with --font FILE (Liberation Sans or Arial keep the layout's widths), "
                + "or install Liberation Sans (Debian and Ubuntu: apt-get install fonts-liberation2; Fedora: liberation-sans-fonts)")
    }

    /// Where a bold face of the regular face at `path` would be, by the usual names:
    /// `X-Regular.ttf` → `X-Bold.ttf`, `arial.ttf` → `arialbd.ttf`, `X.ttf` → `X-Bold.ttf`, `X Bold.ttf`, `X_Bold.ttf`.
    static func boldNames(beside path: String) -> [String] {
        let name = PathName.fileName(of: path)
        let directory = path.count > name.count ? String(path.dropLast(name.count)) : ""
        let stem: String, suffix: String
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            suffix = String(name[dot...])
        } else {
            stem = name
            suffix = ""
        }
        var candidates: [String] = []
        if stem.hasSuffix("-Regular") { candidates.append(String(stem.dropLast("-Regular".count)) + "-Bold") }
        if stem.hasSuffix("Regular") { candidates.append(String(stem.dropLast("Regular".count)) + "Bold") }
        candidates += [stem + "-Bold", stem + " Bold", stem + "_Bold", stem + "bd"]
        return candidates.map { directory + $0 + suffix }.filter { $0 != path }
    }

    private static func load(_ path: String, role: String) throws(RenderError) -> TrueTypeFont {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.contents(of: path)
        } catch {
            throw RenderError(message: "cannot read \(role) '\(path)': \(error.reason)",
                              help: "give a TrueType font file (.ttf), such as LiberationSans-Regular.ttf")
        }
        do {
            return try TrueTypeFont(bytes: bytes)
        } catch {
            throw RenderError(message: "cannot use \(role) '\(path)': \(error.message)",
                              help: "give a TrueType font file (.ttf), such as LiberationSans-Regular.ttf")
        }
    }

    private static func isReadable(_ path: String) -> Bool {
        FileManager.default.isReadableFile(atPath: path)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.contains("\\") ? directory + "\\" + name : directory + "/" + name
    }
}
