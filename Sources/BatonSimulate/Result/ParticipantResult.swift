import BatonModel
import BatonSyntax

/// How busy one station (service, external, store) or driver was (measured part).
///
/// "Work" is an attempt it handles or a message it consumes: from acceptance (joining the
/// waiting line) to the end of its handling, block included. Little's law holds between
/// `meanInSystem`, `throughput` and `meanSojourn`.
public struct ParticipantResult: Hashable, Sendable {
    public var participant: ParticipantID
    public var name: String
    public var kind: ParticipantKind
    /// Its servers (`concurrency`); nil means unbounded.
    public var servers: Int?
    /// Mean servers in use ÷ servers, 0…1; nil when unbounded.
    public var utilisation: Figure?
    /// Mean servers in use.
    public var meanBusy: Figure
    /// Mean length of the waiting line (work accepted, not yet started).
    public var meanWaiting: Figure
    /// Longest waiting line.
    public var maxWaiting: Figure
    /// Mean work in the station, waiting or in service (Little's L).
    public var meanInSystem: Figure
    /// Work accepted per second (Little's λ).
    public var throughput: Figure
    /// Mean seconds from acceptance to the end of the handling (Little's W); nil without any.
    public var meanSojourn: Figure?
    /// Mean seconds from acceptance until a server took the work (time in the waiting line);
    /// nil without any.
    public var meanWait: Figure?
    /// Work finished.
    public var handled: Figure
    /// Server-seconds spent on work whose caller had already given up (timed out): the work
    /// a timeout does not cancel.
    public var wastedWork: Figure
    /// Work finished after its caller had given up.
    public var wastedAttempts: Figure
    /// Attempts refused at once: down, waiting line full (`backlog`), rate limit.
    public var rejected: Figure
    /// Attempts swallowed by a `hang` fault, never answered.
    public var hung: Figure

    public init(participant: ParticipantID, name: String, kind: ParticipantKind, servers: Int?, utilisation: Figure?,
                meanBusy: Figure, meanWaiting: Figure, maxWaiting: Figure, meanInSystem: Figure, throughput: Figure,
                meanSojourn: Figure?, meanWait: Figure?, handled: Figure, wastedWork: Figure, wastedAttempts: Figure, rejected: Figure,
                hung: Figure) {
        self.participant = participant
        self.name = name
        self.kind = kind
        self.servers = servers
        self.utilisation = utilisation
        self.meanBusy = meanBusy
        self.meanWaiting = meanWaiting
        self.maxWaiting = maxWaiting
        self.meanInSystem = meanInSystem
        self.throughput = throughput
        self.meanSojourn = meanSojourn
        self.meanWait = meanWait
        self.handled = handled
        self.wastedWork = wastedWork
        self.wastedAttempts = wastedAttempts
        self.rejected = rejected
        self.hung = hung
    }
}
