import BatonTestSupport
import Foundation
import Testing

/// `baton serve` in a real browser: Debian's chromium, driven by Selenium (PyPI) from
/// `Tests/BrowserClients`. It opens the index and a design, edits the file and sees the diagram
/// change without a reload (pan and zoom kept), breaks it and sees the banner over the last good
/// diagram, and clicks a finding to see its arrow highlighted. Screenshots of each step are kept
/// in `.build/test-artifacts/browser/` to look at.
///
/// Like every test that needs programs it does not own: skipped on a machine without chromium,
/// chromedriver or Selenium, a failure when `CI=true` (`.ci/run` installs them).
@Suite struct ServeBrowserTests {
    static let seleniumPackage = "selenium==4.51.0"

    @Test(.requires(program: "chromium"), .requires(program: "chromedriver"), .requires(pythonModule: "selenium"))
    func theLivePreviewWorksInChromium() throws {
        _ = try ExternalProgram.require("chromium", package: "chromium")
        _ = try ExternalProgram.require("chromedriver", package: "chromium-driver")
        let python = try ExternalProgram.requirePython(module: "selenium", package: Self.seleniumPackage)
        let root = Golden.packageRoot()
        let screenshots = root.appendingPathComponent(".build/test-artifacts/browser")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let suite = root.appendingPathComponent("Tests/BrowserClients")
        let output = try python.run(
            ["-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", suite.path],
            in: suite,
            environment: ["BATON_EXECUTABLE": BatonExecutable.url.path, "BATON_SCREENSHOTS": screenshots.path,
                          "PYTHONDONTWRITEBYTECODE": "1"])
        let report = String(decoding: output.standardOutput, as: UTF8.self) + output.standardError
        // pytest exits 5 when it collects nothing, so 0 means tests ran and passed.
        #expect(output.status == 0 && report.contains(" passed"), "the browser tests exited with \(output.status):\n\(report)")
        for name in ["index", "edited", "broken", "highlight"] {
            #expect(FileManager.default.fileExists(atPath: screenshots.appendingPathComponent(name + ".png").path), "\(name).png")
        }
    }
}
