import Baton
import BatonServe
import Foundation

/// `baton serve [PATH]`: the designs under PATH as web pages that redraw when a file changes.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "Serve designs as live web pages that redraw when a file changes",
        usage: "baton serve [PATH] [--port N] [--host H] [--open]",
        discussion: """
            PATH is a directory (every .baton file below it, hidden ones skipped) or one .baton
            file; the default is the current directory. The index at / lists every design with its
            title and findings; each design's page (the HTML page 'baton render' writes: both views,
            every flow, light and dark, findings that highlight their arrows when clicked, metrics)
            redraws in place when the design or a file it imports changes. A design that stops
            compiling shows its errors and keeps its last good diagrams. Ctrl-C stops the server.

            Security: it listens on 127.0.0.1 only, so only this machine can connect; --host widens
            that (with a warning), and anyone who can reach the address can then read every design
            under PATH. It answers only requests whose Host header names this server (localhost,
            127.0.0.1, [::1], or the --host given), which stops other web sites from reading it
            through DNS rebinding. It serves .baton designs under PATH and nothing else: paths with
            '..', symbolic links that lead out of PATH, and imports from outside PATH are refused.
            It accepts only GET and HEAD, never a request body, and bounds request size, time and
            the number of connections. Pages may run only their own script (a content security
            policy by hash). See docs/serve.md.
            """,
        options: [
            .value("--port", "N", "the port to listen on (default 7777; 0 picks a free one)"),
            .value("--host", "H", "the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"),
            .flag("--open", "open the index in a web browser ($BROWSER, else xdg-open)"),
        ],
        examples: [
            "baton serve",
            "baton serve samples --port 8080 --open",
            "baton serve design.baton --port 0",
        ])

    static func run(_ arguments: ParsedArguments) -> Int32 {
        guard arguments.positional.count <= 1 else {
            return Terminal.fail("'baton serve' takes one directory or file, not \(arguments.positional.count)",
                                 help: "baton serve samples")
        }
        let path = arguments.positional.first ?? "."
        var options = DesignServer.Options()
        do {
            if let port = arguments.value("--port") {
                options.server.port = try WholeNumberOption.parse(port, option: "--port", in: 0...65535,
                                                                  help: "0 picks a free port")
            }
        } catch {
            return Terminal.fail(error.message, help: error.help)
        }
        if let host = arguments.value("--host") {
            options.server.host = host
            if !RequestPolicy.isLoopback(host) {
                Terminal.warn("listening on \(host): anyone who can reach this address can read every design under '\(path)'",
                              help: "leave out --host to serve this machine only")
            }
        }
        // Ctrl-C and SIGTERM are taken by `sigwait` below; blocked before any thread starts, so
        // every thread inherits the mask and none is interrupted by them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let server: DesignServer
        do {
            server = try DesignServer(path: path, provider: ServeDesignPage(), options: options)
        } catch {
            return Terminal.fail(error.message, help: "baton serve [PATH]: a directory of designs or one .baton file")
        }
        let progress = ProgressLine.forTerminal(quiet: false)
        do {
            try server.start { done, total in
                if total >= 20 { progress?.show(count: done) { "compiling designs: \($0)/\(total)" } }
            }
        } catch {
            progress?.clear()
            return Terminal.fail(error.message, help: "choose another port with --port, or --port 0 for a free one")
        }
        progress?.clear()
        let count = server.library.designPaths().count
        Terminal.write("Serving \(count == 1 ? "1 design" : "\(count) designs") from \(path) at \(server.url) (Ctrl-C to stop)\n")
        if arguments.has("--open") { open(server.url) }
        var received: Int32 = 0
        sigwait(&signals, &received)
        server.stop()
        Terminal.error("baton: stopped\n")
        return Terminal.Exit.success
    }

    /// Opens `url` in a browser without waiting for it; a failure is a warning, not an error.
    static func open(_ url: String) {
        let browser = ProcessInfo.processInfo.environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [browser ?? "xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Terminal.warn("cannot open a browser (\(browser ?? "xdg-open")): \(error.localizedDescription)", help: "open \(url) yourself")
        }
    }
}
