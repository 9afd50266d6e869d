// The themes' paint, measured: group boxes stand out from the background in both themes (the
// dark theme's were nearly invisible), their names read on their fill, and the plates under
// crossed labels take the colour of what they lie on.

import BatonLayout
@testable import BatonRender
import Foundation
import Testing

@Suite struct ThemeTests {
    /// The WCAG contrast ratio of two `#rrggbb` colours: 1 (the same) to 21 (black on white).
    static func contrast(_ a: String, _ b: String) throws -> Double {
        let la = try luminance(a), lb = try luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// WCAG relative luminance of a `#rrggbb` colour.
    static func luminance(_ hex: String) throws -> Double {
        try #require(hex.count == 7 && hex.hasPrefix("#"), "\(hex) is not #rrggbb")
        let value = try #require(Int(hex.dropFirst(), radix: 16))
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    @Test func contrastIsMeasuredAsWCAGDoes() throws {
        #expect(abs(try Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(try Self.contrast("#777777", "#777777") - 1) < 1e-9)
        // The text colours of the light theme on white pass WCAG AA for text.
        #expect(try Self.contrast(Theme.light.muted, Theme.light.background) >= 4.5)
    }

    /// The dashed outline of a group box is a graphical object: 3:1 against the background
    /// (WCAG's threshold for non-text contrast) in the dark theme. Before, it was 1.9:1.
    @Test func darkGroupBoxesStandOut() throws {
        let dark = Theme.dark
        let paint = dark.shapePaint(.groupBox)
        #expect(try Self.contrast(paint.stroke, dark.background) >= 3)
        // The fill is a tint, but one that shows: at least 1.15:1 (it was 1.09:1), and no fainter
        // than the light theme's.
        #expect(try Self.contrast(paint.fill, dark.background) >= 1.15)
        #expect(try Self.contrast(paint.fill, dark.background)
                >= Self.contrast(Theme.light.shapePaint(.groupBox).fill, Theme.light.background))
    }

    @Test(arguments: Theme.Name.allCases)
    func groupNamesReadOnTheirBox(_ name: Theme.Name) throws {
        let theme = Theme.named(name)
        let fill = theme.shapePaint(.groupBox).fill
        #expect(try Self.contrast(theme.textColor(.groupLabel), fill) >= 4.5)
        // The outline stays at least as visible as the light theme's (2:1).
        #expect(try Self.contrast(theme.shapePaint(.groupBox).stroke, theme.background) >= 2)
    }

    @Test(arguments: Theme.Name.allCases)
    func platesTakeTheColourOfWhatTheyLieOn(_ name: Theme.Name) {
        let theme = Theme.named(name)
        let onPage = theme.shapePaint(.labelPlate(onGroup: false))
        let onGroup = theme.shapePaint(.labelPlate(onGroup: true))
        #expect(onPage.fill == theme.background && onGroup.fill == theme.shapePaint(.groupBox).fill)
        #expect(onPage.stroke == "none" && onGroup.stroke == "none")
    }

    @Test(arguments: Theme.Name.allCases)
    func callbackLabelsTakeTheirLinesColour(_ name: Theme.Name) {
        let theme = Theme.named(name)
        #expect(theme.textColor(.callbackLabel) == theme.linePaint(.callbackLine).stroke)
        #expect(theme.textColor(.interactionLabel) == theme.ink)
    }
}
