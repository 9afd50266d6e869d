@testable import Baton
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// Where `--to png` finds its fonts, and what it says when there are none.
@Suite struct PNGFontFilesTests {
    @Test func noFontNamesEveryPathSearchedAndTheWayOut() throws {
        let directories = ["/nonexistent/fonts", "/also/missing"]
        let error = try #require(throws: RenderError.self) { try PNGFontFiles.fonts(directories: directories) }
        #expect(error.message == "no font for the text of the PNG: looked for 'LiberationSans-Regular.ttf', 'Arial.ttf', 'arial.ttf' "
            + "in '/nonexistent/fonts', '/also/missing'")
        #expect(error.help?.contains("--font FILE") == true)
        #expect(error.help?.contains("fonts-liberation2") == true)
    }

    @Test func theDefaultSearchCoversTheUsualPlaces() {
        let directories = PNGFontFiles.directories(home: "/home/ada")
        for expected in ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/TTF",
                         "/usr/local/share/fonts", "/home/ada/.local/share/fonts", "/home/ada/.fonts", "/Library/Fonts",
                         "/System/Library/Fonts/Supplemental", "C:\\Windows\\Fonts"] {
            #expect(directories.contains(expected), "\(expected)")
        }
        #expect(!PNGFontFiles.directories(home: nil).contains { $0.hasSuffix("/.fonts") })
    }

    @Test func aBoldFaceIsLookedForBesideTheRegularOne() {
        #expect(PNGFontFiles.boldNames(beside: "/f/LiberationSans-Regular.ttf").first == "/f/LiberationSans-Bold.ttf")
        #expect(PNGFontFiles.boldNames(beside: "/f/arial.ttf").contains("/f/arialbd.ttf"))
        #expect(PNGFontFiles.boldNames(beside: "fonts/Inter.ttf").prefix(3) == ["fonts/Inter-Bold.ttf", "fonts/Inter Bold.ttf", "fonts/Inter_Bold.ttf"])
    }

    @Test func familiesAndFacesAreFoundInADirectory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let font = TestFontFile.sample().bytes()
        var boldFile = TestFontFile.sample()
        boldFile.advances[1] = 777
        try Data(font).write(to: directory.appendingPathComponent("Arial.ttf"))
        // Only the regular face: it draws bold labels too.
        var fonts = try PNGFontFiles.fonts(directories: ["/nonexistent", directory.path])
        #expect(fonts.bold.advance(of: 1) == 600)
        try Data(boldFile.bytes()).write(to: directory.appendingPathComponent("Arial Bold.ttf"))
        fonts = try PNGFontFiles.fonts(directories: [directory.path])
        #expect(fonts.regular.advance(of: 1) == 600)
        #expect(fonts.bold.advance(of: 1) == 777)
        // --font FILE, with its bold face found by name.
        try Data(font).write(to: directory.appendingPathComponent("Face-Regular.ttf"))
        try Data(boldFile.bytes()).write(to: directory.appendingPathComponent("Face-Bold.ttf"))
        fonts = try PNGFontFiles.fonts(explicit: directory.appendingPathComponent("Face-Regular.ttf").path)
        #expect(fonts.bold.advance(of: 1) == 777)
    }

    @Test func anUnreadableOrDamagedFontIsAnError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try #require(throws: RenderError.self) { try PNGFontFiles.fonts(explicit: directory.path + "/none.ttf") }
        #expect(missing.message.hasPrefix("cannot read --font '\(directory.path)/none.ttf': "))
        let damaged = directory.appendingPathComponent("damaged.ttf")
        try Data("not a font at all".utf8).write(to: damaged)
        let error = try #require(throws: RenderError.self) { try PNGFontFiles.fonts(explicit: damaged.path) }
        #expect(error.message == "cannot use --font '\(damaged.path)': not a TrueType font (it does not start like one)")
    }
}
