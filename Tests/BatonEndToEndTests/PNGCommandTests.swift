import BatonTestSupport
import Foundation
import Testing

/// `baton render --to png` as users run it: files and pipes, the checks on --scale and --font,
/// and the refusal to print binary data on a terminal.
@Suite struct PNGCommandTests {
    static let design = """
        title "Shop"
        client Shopper
        service Shop
        store Orders
        Shopper -> Shop : pay
        Shop ->> Orders : save
        """
    static let fontDirectory = "/usr/share/fonts/truetype/liberation2/"
    static let font = fontDirectory + "LiberationSans-Regular.ttf"

    static func withDesign<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(design.utf8).write(to: directory.appendingPathComponent("shop.baton"))
        return try body(directory)
    }

    @Test(.requires(file: font), arguments: [["-o", "shop.png"], ["-o", "shop.image", "--to", "png"]])
    func writesAPNGFile(_ arguments: [String]) throws {
        _ = try ExternalProgram.requireFile(Self.font, package: "fonts-liberation2")
        try Self.withDesign { directory in
            let result = try BatonExecutable.run(["render", "shop.baton", "--view", "graph", "--scale", "1.5"] + arguments,
                                                 directory: directory)
            #expect(result.status == 0, "\(result.standardError)")
            let written = try Data(contentsOf: directory.appendingPathComponent(arguments[1]))
            let image = try DecodedPNG(decoding: [UInt8](written))
            let svg = try BatonExecutable.run(["render", "shop.baton", "--view", "graph"], directory: directory).standardOutput
            let width = try #require(Self.attribute("width", in: svg))
            #expect(image.width == Int((width * 1.5 - 1e-9).rounded(.up)))
        }
    }

    @Test(.requires(file: font))
    func writesToAPipe() throws {
        _ = try ExternalProgram.requireFile(Self.font, package: "fonts-liberation2")
        let result = try BatonExecutable.run(["render", "-", "--to", "png"], input: Data(Self.design.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try DecodedPNG(decoding: [UInt8](result.standardOutputBytes)).width > 100)
    }

    @Test func refusesToPrintAPNGOnATerminal() throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "png"], input: Data(Self.design.utf8), standardOutputIsTerminal: true)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == """
            baton: error: refusing to write a PNG to the terminal: it is binary
              help: write it to a file with -o diagram.png, or redirect standard output (> diagram.png)

            """)
    }

    @Test(arguments: [
        ("abc", "baton: error: '--scale' needs a number such as 1, 1.5 or 2, not 'abc'"),
        ("1e3", "baton: error: '--scale' needs a number such as 1, 1.5 or 2, not '1e3'"),
        ("-2", "baton: error: '--scale' needs a number such as 1, 1.5 or 2, not '-2'"),
        ("20", "baton: error: '--scale' must be at most 16, not 20"),
        ("0.05", "baton: error: '--scale' must be at least 0.1, not 0.05"),
    ])
    func badScalesAreUsageErrors(_ scale: String, _ message: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "png", "--scale", scale], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(message + "\n  help: 1 draws one pixel per SVG unit"), "\(result.standardError)")
    }

    @Test func aMissingFontFileIsAUsageError() throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "png", "--font", "/nonexistent/Face.ttf"], input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("baton: error: cannot read --font '/nonexistent/Face.ttf': No such file or directory\n"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test(.requires(file: font))
    func aDamagedFontFileIsNamed() throws {
        _ = try ExternalProgram.requireFile(Self.font, package: "fonts-liberation2")
        try Self.withDesign { directory in
            // The real font cut in half: its tables lie outside the file.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.font))
            try bytes.prefix(bytes.count / 2).write(to: directory.appendingPathComponent("half.ttf"))
            let result = try BatonExecutable.run(["render", "shop.baton", "--font", "half.ttf", "-o", "shop.png"], directory: directory)
            #expect(result.status == 2)
            #expect(result.standardError.hasPrefix("baton: error: cannot use --font 'half.ttf': its '"), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("shop.png").path))
        }
    }

    @Test(arguments: [(["--scale", "2"], "--scale applies to PNG only"), (["--font", "x.ttf"], "--font applies to PNG only")])
    func pngOptionsAreRefusedForOtherFormats(_ options: [String], _ message: String) throws {
        let result = try BatonExecutable.run(["render", "-", "--to", "svg"] + options, input: Data(Self.design.utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("baton: error: " + message), "\(result.standardError)")
    }

    @Test(arguments: [["--to", "html"], ["--all", "."]])
    func thePageAndAllRefuseThePNGOptions(_ mode: [String]) throws {
        try Self.withDesign { directory in
            let arguments = mode.first == "--all" ? ["render", "--all", ".", "-o", "out", "--scale", "2"]
                : ["render", "shop.baton", "--to", "html", "-o", "shop.html", "--scale", "2"]
            let result = try BatonExecutable.run(arguments, directory: directory)
            #expect(result.status == 2)
            #expect(result.standardError.hasPrefix("baton: error: --scale does not apply to"), "\(result.standardError)")
        }
    }

    @Test(.requires(file: font))
    func aTerminalIsToldWhatWasWritten() throws {
        _ = try ExternalProgram.requireFile(Self.font, package: "fonts-liberation2")
        try Self.withDesign { directory in
            let result = try BatonExecutable.run(["render", "shop.baton", "-o", "shop.png"], directory: directory, standardErrorIsTerminal: true)
            #expect(result.status == 0)
            #expect(result.standardError.hasPrefix("wrote shop.png (PNG, sequence view of flow "), "\(result.standardError)")
        }
    }

    static func attribute(_ name: String, in svg: String) -> Double? {
        guard let range = svg.range(of: " \(name)=\"") else { return nil }
        return Double(svg[range.upperBound...].prefix { $0 != "\"" })
    }
}
