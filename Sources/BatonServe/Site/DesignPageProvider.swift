/// Writes what the site shows of one design: its page, and the data of the update event sent
/// when it changes. The site owns routing, security and compilation; the provider owns HTML.
///
/// The command passes a simple provider for now; the full design page (sequence and graph
/// views, findings, metrics, updated in place by `batonApply`) plugs in here without touching
/// the server.
public protocol DesignPageProvider: Sendable {
    /// The page of `design`. `links` says where its event stream and the index are.
    func page(for design: DesignState, links: DesignLinks) -> DesignPageContent
    /// The `data:` of the `update` event sent to the design's page when it changes (one JSON
    /// document, by convention).
    func update(for design: DesignState) -> String
}

/// An HTML page and the content security policy that lets exactly its own scripts and styles
/// run (hashes, not `unsafe-inline`).
public struct DesignPageContent: Sendable {
    public var html: String
    public var contentSecurityPolicy: String

    public init(html: String, contentSecurityPolicy: String) {
        self.html = html
        self.contentSecurityPolicy = contentSecurityPolicy
    }
}

/// The site's URLs for a design, already percent-encoded.
public struct DesignLinks: Sendable, Equatable {
    public var page: String
    public var events: String
    public var index: String

    public init(relativePath: String) {
        let encoded = PathConfinement.encoded(relativePath)
        page = "/design/" + encoded
        events = "/events/" + encoded
        index = "/"
    }
}
