import BatonRender
import BatonServe
import BatonTestSupport
import Foundation

/// A page provider that writes just enough to test the site: the path, the title, the
/// generation and the problem, if any.
struct StubProvider: DesignPageProvider {
    func page(for design: DesignState, links: DesignLinks) -> DesignPageContent {
        DesignPageContent(html: "<p>page of \(XMLEscaping.escape(design.relativePath)) events at \(links.events)</p>",
                          contentSecurityPolicy: "default-src 'none'; script-src 'sha256-test'")
    }

    func update(for design: DesignState) -> String {
        "{\"path\":\"\(design.relativePath)\",\"generation\":\(design.generation),\"error\":\(design.problem == nil ? "null" : "\"\(design.problem?.message.count ?? 0)\"")}"
    }
}

/// A served temporary directory with two designs (one importing a third file) and a server on
/// a free port with short timeouts.
final class ServeFixture {
    let directory: URL
    let server: DesignServer

    static let files = [
        "main.baton": "import \"lib/shared.baton\"\ntitle \"Main <design>\"\nclient Web\nservice Api [timeout=1s]\nWeb -> Api : hello [timeout=500ms]\n",
        "lib/shared.baton": "service Auth [timeout=1s]\n",
        "other.baton": "title \"Other\"\nclient A\nservice B [timeout=1s]\nA -> B : call [timeout=500ms]\n",
    ]

    init(files: [String: String] = ServeFixture.files, configure: (inout DesignServer.Options) -> Void = { _ in }) throws {
        directory = try makeTemporaryDirectory(files, prefix: "baton-serve")
        var options = DesignServer.Options()
        options.server.port = 0
        options.server.headerTimeout = 0.5
        options.server.streamCheckInterval = 0.05
        configure(&options)
        server = try DesignServer(path: directory.path, provider: StubProvider(), options: options)
        try server.start()
    }

    var port: Int { server.port }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(relative))
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
