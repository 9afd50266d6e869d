/// The routes of `baton serve`:
///
/// - `/` the index of every design;
/// - `/design/<relative path>` a design's page (from the page provider);
/// - `/events/<relative path>[?since=N]` its event stream (`update` when it or an import
///   changes, and first of all when the design is no longer at generation N);
/// - `/health` `ok`, for scripts waiting for the server.
///
/// Every design path goes through `PathConfinement`; anything else is 404.
public struct DesignSite: Sendable {
    public let library: DesignLibrary
    public let provider: any DesignPageProvider

    public init(library: DesignLibrary, provider: any DesignPageProvider) {
        self.library = library
        self.provider = provider
    }

    public func handle(_ request: HTTPRequest) -> HTTPReply {
        let path = request.path
        if path == "/" {
            let designs = library.designPaths().compactMap { library.state($0) }
            return .response(.html(IndexPage.html(designs: designs, root: library.root),
                                   contentSecurityPolicy: HTTPResponse.defaultContentSecurityPolicy))
        }
        if path == "/health" { return .response(.text(.ok, "ok")) }
        if path.hasPrefix("/design/") {
            switch design(String(path.dropFirst("/design/".count))) {
            case .failure(let refusal):
                return .response(.text(refusal.status, refusal.reason))
            case .success(let state):
                let page = provider.page(for: state, links: DesignLinks(relativePath: state.relativePath))
                return .response(.html(page.html, contentSecurityPolicy: page.contentSecurityPolicy))
            }
        }
        if path.hasPrefix("/events/") {
            switch design(String(path.dropFirst("/events/".count))) {
            case .failure(let refusal):
                return .response(.text(refusal.status, refusal.reason))
            case .success(let state):
                // `?since=N`: the generation the client's page shows. A client that is behind
                // (an edit landed while its page loaded, or while it was away) gets the current
                // version first.
                let since = request.query?.split(separator: "&").first { $0.hasPrefix("since=") }
                    .flatMap { Int($0.dropFirst("since=".count)) }
                guard let since, since != state.generation else { return .eventStream(topic: state.relativePath) }
                return .eventStream(topic: state.relativePath,
                                    initial: ServerSentEvent(name: "update", data: provider.update(for: state)))
            }
        }
        return .response(.text(.notFound, "Not found."))
    }

    private func design(_ encoded: String) -> Result<DesignState, PathConfinement.Refusal> {
        let notFound = PathConfinement.Refusal(status: .notFound, reason: "No such design.")
        switch PathConfinement.resolve(encoded, root: library.root) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let confined):
            guard library.serves(confined.relativePath), let state = library.state(confined.relativePath) else {
                return .failure(notFound)
            }
            return .success(state)
        }
    }
}
