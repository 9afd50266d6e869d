import BatonModel
import BatonSyntax

/// The model and the derived facts the rules share, computed once per check in linear time.
///
/// Rules read it and never change it. Indexes are arrays in document or declaration order, so
/// every rule iterates deterministically.
public struct CheckContext: Sendable {
    public let model: Model
    public let syncGraph: SyncGraph
    public let callTrees: CallTrees
    public let waits: WorstCaseWaits
    /// The attempts multiplied along each sync call path (`retry-amplification`, metrics).
    public let attemptProducts: AttemptProducts
    /// For each participant, the interactions it initiates, in document order.
    public let initiated: [[InteractionID]]
    /// For each participant, the interactions it is the passive end of, in document order.
    public let received: [[InteractionID]]
    /// For each interaction, the sync interaction whose block it is in (through fragments and
    /// nothing else): the call that waits for it. Nil for roots and for everything under an
    /// async boundary.
    public let syncParent: [InteractionID?]
    /// For each sync interaction, how many sync interactions deep it is (a root is 1); 0 for
    /// async interactions.
    public let syncDepth: [Int]
    /// Participants named by a `dlq` or `reply-to` attribute.
    public let namedByAttribute: [Bool]
    /// Channels that are some channel's dead-letter queue.
    public let isDeadLetterChannel: [Bool]
    /// The source text, when the check has it: rules offer fixes only then (a context made
    /// from a model alone has none).
    public var fixSource: FixSource?

    /// A context with the compilation's source text, so that findings carry fixes.
    ///
    /// The model's derived facts and the index of the source text share nothing: on a design
    /// large enough for its rules to run side by side (`Checker.parallelThreshold`), they are
    /// made at the same time, the facts on another thread.
    public init(_ compilation: Compilation) {
        guard compilation.model.interactions.count >= Checker.parallelThreshold else {
            self.init(compilation.model)
            fixSource = FixSource(compilation)
            return
        }
        let model = compilation.model
        let (source, context) = Concurrently.both({ FixSource(compilation) }, { CheckContext(model) })
        self = context
        fixSource = source
    }

    public init(_ model: Model) {
        self.init(model, fixSource: nil, threads: 1)
    }

    /// A context with an index of the source text made already (beside the model's build, see
    /// `Baton.compile(bytes:displayPath:options:read:paths:alongside:)`). On a large design
    /// (`Checker.parallelThreshold`), `threads` > 1 makes half of the derived facts on another
    /// thread: they share nothing.
    public init(_ model: Model, fixSource: FixSource?, threads: Int) {
        self.model = model
        self.fixSource = fixSource
        let ends: Ends
        let nesting: SyncNesting
        if threads > 1, model.interactions.count >= Checker.parallelThreshold {
            // Each side ends with one of the two indexes below, so that neither waits alone
            // for the other (they had been made after both, on this thread only). The sides
            // take about as long, some 8 ms each on a 4 MB single flow (with the nesting beside
            // the graph and the call trees, that side had taken 11 ms and the other 6).
            let (made, other) = Concurrently.both({ (WorstCaseWaits(model), AttemptProducts(model), Ends(model), SyncNesting(model)) },
                                                  { (SyncGraph(model), CallTrees(model)) })
            (waits, attemptProducts, ends, nesting) = made
            (syncGraph, callTrees) = other
        } else {
            syncGraph = SyncGraph(model)
            callTrees = CallTrees(model)
            waits = WorstCaseWaits(model)
            attemptProducts = AttemptProducts(model)
            ends = Ends(model)
            nesting = SyncNesting(model)
        }
        initiated = ends.initiated
        received = ends.received
        syncParent = nesting.parent
        syncDepth = nesting.depth
        namedByAttribute = ends.named
        isDeadLetterChannel = ends.deadLetter
    }

    /// Per participant: the interactions it initiates and receives, and whether an attribute
    /// names it (`dlq`, `reply-to`) or makes it a dead-letter channel.
    private struct Ends {
        var initiated: [[InteractionID]]
        var received: [[InteractionID]]
        var named: [Bool]
        var deadLetter: [Bool]

        init(_ model: Model) {
            let count = model.participants.count
            // Fields are read through the array (not by binding each Interaction), which avoids
            // copying every interaction's attributes on large designs.
            let interactions = model.interactions
            initiated = ListsByKey.reserved(ListsByKey.sizes(keys: count, over: interactions.count) { interactions[$0].from.rawValue })
            received = ListsByKey.reserved(ListsByKey.sizes(keys: count, over: interactions.count) { interactions[$0].to.rawValue })
            named = Array(repeating: false, count: count)
            deadLetter = Array(repeating: false, count: count)
            for index in interactions.indices {
                let id = InteractionID(index)
                initiated[interactions[index].from.rawValue].append(id)
                received[interactions[index].to.rawValue].append(id)
                if let replyTo = interactions[index].attributes.replyTo { named[replyTo.rawValue] = true }
            }
            for participant in model.participants {
                if let dlq = participant.attributes.dlq {
                    named[dlq.rawValue] = true
                    deadLetter[dlq.rawValue] = true
                }
            }
        }
    }

    /// Per interaction: the sync interaction waiting for it, and how deep in sync calls it is
    /// (see `syncParent` and `syncDepth`).
    private struct SyncNesting {
        var parent: [InteractionID?]
        var depth: [Int]

        init(_ model: Model) {
            let interactions = model.interactions
            parent = Array(repeating: nil, count: interactions.count)
            depth = Array(repeating: 0, count: interactions.count)
            for index in interactions.indices {
                // Parents come before their children in document order.
                if let up = interactions[index].parent, interactions[up.rawValue].arrow.isSynchronous {
                    parent[index] = up
                }
                if interactions[index].arrow.isSynchronous {
                    depth[index] = 1 + (parent[index].map { depth[$0.rawValue] } ?? 0)
                }
            }
        }
    }

    // MARK: - Channels

    /// The interactions through which a channel's messages are consumed: fetches from it
    /// (`C <- Q`) and, for a `push` channel, its deliveries (`Q ->> C`, `Q -> C`, `Q ~> C`).
    public func consumptions(of channel: ParticipantID) -> [InteractionID] {
        var result: [InteractionID] = []
        for id in received[channel.rawValue] where model.interactions[id.rawValue].arrow == .fetch { result.append(id) }
        if model.participants[channel.rawValue].isPushChannel {
            for id in initiated[channel.rawValue] where model.interactions[id.rawValue].arrow != .fetch { result.append(id) }
        }
        return result.sorted()
    }

    /// The participant that consumes a message through `interaction` (see `consumptions`).
    public func consumer(of interaction: InteractionID) -> ParticipantID {
        model.dataTarget(of: interaction)
    }

    /// Whether the participant's kind accepts the attribute `key` (the attribute table of
    /// docs/language.md), so that a help line only suggests edits that compile.
    public func canDeclare(_ key: String, on id: ParticipantID) -> Bool {
        let kind = model.participants[id.rawValue].kind
        return AttributeSchema.participant.contains { $0.key == key && $0.kinds.contains(kind) }
    }

    // MARK: - Names for messages

    public func name(_ id: ParticipantID) -> String { model.participants[id.rawValue].name }

    /// `'A', 'B' and 'C'` (at most `Describe.listLimit` of them, see `Describe.list`)
    public func names(_ ids: [ParticipantID]) -> String {
        Describe.list(ids) { "'\(name($0))'" }
    }

    /// `A -> B : label`, made in one string of its size (`FindingText`): rules describe
    /// interactions in most of their notes, and an interpolation then `+=` grew the string
    /// twice.
    public func describe(_ id: InteractionID) -> String {
        let index = id.rawValue
        let from = name(model.interactions[index].from), to = name(model.interactions[index].to)
        let arrow = model.interactions[index].arrow.rawValue
        guard let label = model.interactions[index].label, !label.isEmpty else {
            let text: FindingText = "\(from) \(arrow) \(to)"
            return text.string
        }
        let text: FindingText = "\(from) \(arrow) \(to) : \(label)"
        return text.string
    }

    /// `'label'` or `A -> B` when there is no label.
    public func operation(_ id: InteractionID) -> String {
        let text: FindingText
        if let label = model.interactions[id.rawValue].label, !label.isEmpty {
            text = "'\(label)'"
        } else {
            text = "'\(describe(id))'"
        }
        return text.string
    }

    /// The sync interactions from a root down to `id` (inclusive), root first.
    public func syncPath(to id: InteractionID) -> [InteractionID] {
        var path = [id]
        var current = id
        while let parent = syncParent[current.rawValue] {
            path.append(parent)
            current = parent
        }
        return path.reversed()
    }

    /// `A -> B -> C` for a chain of interactions (each one's initiator, then the last passive
    /// end), shortened in the middle when long (see `Describe.chain`).
    public func chain(_ path: [InteractionID]) -> String {
        guard let last = path.last else { return "" }
        return Describe.chain(path.map { model[$0].from } + [model[last].to], name)
    }
}

/// Small formatting helpers for finding messages.
public enum Describe {
    /// How many items a message (or a finding's notes) lists before it summarises the rest as
    /// "and 990 more". A finding on a large design then stays readable, and a report grows with
    /// the design rather than with its square, as when each of 10,000 findings listed 10,000
    /// participants (757 MB). Every design of ordinary size is listed in full.
    public static let listLimit = 10

    /// "a", "a and b", "a, b and c"; past `listLimit` items, "a, b, …, j and 990 more".
    public static func list(_ items: [String]) -> String {
        list(items) { $0 }
    }

    /// `list` of the items `describe` names: only the items shown are described.
    public static func list<Item>(_ items: [Item], _ describe: (Item) -> String) -> String {
        let shown = items.prefix(listLimit).map(describe)
        if items.count > listLimit { return FindingText.joined(shown, separator: ", ", suffix: " and \(items.count - listLimit) more") }
        return FindingText.joined(shown, separator: ", ", lastSeparator: " and ")
    }

    /// `A -> B -> C`; past `listLimit` steps (one more name), the first and the last few names
    /// around the number left out (`A -> B -> C -> D -> E -> … 990 more -> V -> W -> X -> Y -> Z`),
    /// so a chain or a cycle still shows where it starts and where it ends or closes.
    public static func chain<Item>(_ items: [Item], _ describe: (Item) -> String) -> String {
        guard items.count > listLimit + 1 else { return FindingText.joined(items.map(describe), separator: " -> ") }
        let head = listLimit / 2
        let tail = listLimit - head
        let names = items.prefix(head).map(describe) + ["… \(items.count - listLimit) more"] + items.suffix(tail).map(describe)
        return FindingText.joined(names, separator: " -> ")
    }

    /// The notes made from `items`, or past `listLimit` of them the first ones and a last note
    /// without a place that counts the rest (`rest(990)`): "and 990 more interactions …".
    public static func notes<Item>(_ items: [Item], rest: (Int) -> String,
                                   _ note: (Item) -> Diagnostic.Note) -> [Diagnostic.Note] {
        notes(shown: items.prefix(listLimit), of: items.count, rest: rest, note)
    }

    /// `notes` of `items` sorted, with only the ones shown put in order: the least `listLimit`
    /// of them, found in one pass (a cycle of 200 interactions sorted all 200 for its 10 notes).
    public static func notes<Item: Comparable>(ofSorted items: [Item], rest: (Int) -> String,
                                               _ note: (Item) -> Diagnostic.Note) -> [Diagnostic.Note] {
        var least: [Item] = []
        least.reserveCapacity(Swift.min(items.count, listLimit) + 1)
        for item in items where least.count < listLimit || item < least[least.count - 1] {
            var position = least.count
            while position > 0, item < least[position - 1] { position -= 1 }
            least.insert(item, at: position)
            if least.count > listLimit { least.removeLast() }
        }
        return notes(shown: least, of: items.count, rest: rest, note)
    }

    /// The notes of the items shown, and past `listLimit` of `total` the note counting the rest.
    private static func notes<Shown: Collection>(shown: Shown, of total: Int, rest: (Int) -> String,
                                                 _ note: (Shown.Element) -> Diagnostic.Note) -> [Diagnostic.Note] {
        let notes = shown.map(note)
        guard total > listLimit else { return notes }
        return notes + [Diagnostic.Note(rest(total - listLimit))]
    }

    /// Significant digits of the numbers in messages: every digit a declared value can
    /// reasonably have, and none of the floating-point noise of the sums and products computed
    /// from them (about 1e-15). Twelve digits also tell apart any two values that `exceeds`
    /// separates (one part in 10⁹), so a message never says "1s exceeds its budget 1s".
    static let significantDigits = 12

    /// A duration as precisely as it is known: `1.0004s`, `250ms`, `1.5m`.
    public static func duration(_ seconds: Double) -> String {
        guard !seconds.isInfinite else { return "unbounded" }
        // Decimals after the integer digits of the unit LiteralFormat picks (ms below 1s).
        var magnitude = seconds >= 1 ? seconds : seconds * 1000
        var integerDigits = 1
        while magnitude >= 10 {
            magnitude /= 10
            integerDigits += 1
        }
        return LiteralFormat.duration(seconds, digits: max(1, significantDigits - integerDigits))
    }

    /// Attempts: "3", or "unbounded".
    public static func attempts(_ value: Double) -> String {
        value.isInfinite ? "unbounded" : LiteralFormat.number(value)
    }

    /// A configured or declared number exactly: `10`, `10.5`.
    public static func number(_ value: Double) -> String {
        LiteralFormat.number(value, digits: 9)
    }

    /// A declared percentage exactly as written: `99.99999%`, never rounded to `100%`.
    public static func percent(_ fraction: Double) -> String {
        LiteralFormat.percent(fraction, digits: significantDigits - 2)
    }

    /// A computed percentage with enough digits to tell it apart from `other` (2 decimals at
    /// least), for a comparison with a declared value printed by `percent(_:)`.
    public static func percent(_ fraction: Double, distinctFrom other: Double) -> String {
        var digits = 2
        while digits < significantDigits - 2,
              LiteralFormat.percent(fraction, digits: digits) == LiteralFormat.percent(other, digits: digits) {
            digits += 1
        }
        return LiteralFormat.percent(fraction, digits: digits)
    }

    /// Whether `value` exceeds `limit`, ignoring floating-point noise (0.9 + 2.3 is not above 3.2).
    public static func exceeds(_ value: Double, _ limit: Double) -> Bool {
        if value.isInfinite { return !limit.isInfinite }
        return value > limit + max(abs(limit), 1) * 1e-9
    }
}

extension CheckContext {
    /// The interactions for which `include` holds of their index in `model.interactions`, in
    /// document order.
    ///
    /// The filter is given an index, not the interaction, and reads the fields it needs through
    /// the array (`interactions[$0].arrow`): lending it each interaction, even `borrowing`,
    /// copied the whole of it (retaining its label, block and attributes) for every interaction
    /// and every rule.
    public func interactions(where include: (Int) -> Bool) -> [InteractionID] {
        var result: [InteractionID] = []
        for index in model.interactions.indices where include(index) { result.append(InteractionID(index)) }
        return result
    }

    /// The timeout that bounds one attempt of `id` (`WorstCaseWaits.timeout(of:in:)`), read in
    /// place rather than from a copy of the interaction.
    public func timeout(of id: InteractionID) -> Double? {
        model.interactions[id.rawValue].attributes.timeout
            ?? model.participants[model.interactions[id.rawValue].to.rawValue].attributes.timeout
    }
}
