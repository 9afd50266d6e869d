import Foundation

/// Everything `baton serve` runs, put together: the designs, the HTTP server, the event hub
/// and the watcher that recompiles a design when it (or an import) changes and sends its page
/// an `update` event.
public final class DesignServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var server = ServerOptions()
        public var watch = FileWatcher.Options()
        /// Events waiting for one client before it is dropped.
        public var eventQueueCapacity = 32

        public init() {}
    }

    public let library: DesignLibrary
    public let site: DesignSite
    public let hub: EventHub
    public let http: HTTPServer
    private let watcher: FileWatcher

    /// `path` is a directory or a `.baton` file; nothing is read until `start`.
    public init(path: String, provider: any DesignPageProvider, options: Options = Options()) throws(ServerError) {
        let library = try DesignLibrary(path: path)
        let site = DesignSite(library: library, provider: provider)
        let hub = EventHub(queueCapacity: options.eventQueueCapacity)
        self.library = library
        self.site = site
        self.hub = hub
        http = HTTPServer(options: options.server, hub: hub, handler: { site.handle($0) })
        watcher = FileWatcher(options: options.watch, list: { library.watchList() }, onChange: { change in
            Self.apply(change, library: library, provider: provider, hub: hub)
        })
    }

    /// Compiles every design (reporting `progress(done, total)`), then listens and watches.
    public func start(progress: (Int, Int) -> Void = { _, _ in }) throws(ServerError) {
        library.loadAll(progress: progress)
        try http.start()
        watcher.start()
    }

    /// Stops watching, ends every stream and closes the listening socket.
    public func stop() {
        watcher.stop()
        http.stop()
    }

    public var url: String { http.url }
    public var port: Int { http.port }

    /// Recompiles what changed and tells the pages: an `update` event with the provider's
    /// data, or `removed` when the design is gone.
    static func apply(_ change: WatchChange, library: DesignLibrary, provider: any DesignPageProvider, hub: EventHub) {
        for key in change.changed {
            guard let state = library.refresh(key) else { continue }
            hub.publish(ServerSentEvent(name: "update", data: provider.update(for: state)), topic: key)
        }
        for key in change.removed {
            library.remove(key)
            hub.publish(ServerSentEvent(name: "removed", data: "{}"), topic: key)
        }
    }
}
