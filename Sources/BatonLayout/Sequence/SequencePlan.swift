import BatonModel
import BatonSyntax

/// Text measured once, used by both the horizontal and the vertical pass.
struct MeasuredText {
    var lines: [String]
    var size: Size

    static let empty = MeasuredText(lines: [], size: .zero)
    var isEmpty: Bool { lines.isEmpty }
}

/// A flow's steps with everything the geometry needs and nothing it must look up again:
/// columns instead of participants, measured labels, and the activation depth at each end.
indirect enum PlannedStep {
    case message(PlannedMessage)
    case fragment(PlannedFragment)
    case note(PlannedNote)
}

struct PlannedMessage {
    var interaction: InteractionID
    var arrow: Arrow
    var from: Int
    var to: Int
    var label: MeasuredText
    /// Open activation bars on the initiator's lifeline when it starts the interaction.
    var fromDepth: Int
    /// Open bars on the passive end's lifeline where the arrow lands, including the bar its
    /// block opens.
    var toDepth: Int
    var block: [PlannedStep]?

    var isSelf: Bool { from == to }
}

struct PlannedFragment {
    var kind: Fragment.Kind
    /// The keyword in the tab (`loop ×3`).
    var keyword: MeasuredText
    /// One guard per branch (`[seat held]`, `[else]`), empty where there is none.
    var guards: [MeasuredText]
    var branches: [[PlannedStep]]
    /// The lifeline the fragment belongs to when it holds nothing: the participant acting in
    /// the enclosing block, else the first column.
    var homeColumn: Int
}

struct PlannedNote {
    var first: Int
    var last: Int
    /// The note's text, wrapped again to the box once the box's width is known.
    var source: String
    /// Wrapped at `SequenceStyle.noteMaxWidth`: what the box must at least hold.
    var text: MeasuredText
    /// The box's width: text plus padding, or the span of its lifelines plus overhangs.
    var minWidth: Double
}

/// Pass 1: walks the flow once, measuring text and tracking activation depths, and collects
/// the horizontal constraints between columns that the labels impose.
struct SequencePlanner {
    let model: Model
    let cast: SequenceCast
    let metrics: TextMetrics
    /// Open activation bars per column.
    private var depth: [Int]
    /// `constraints[hi]`: (lo, d) meaning x[hi] - x[lo] >= d.
    private(set) var constraints: [[(lo: Int, distance: Double)]]

    init(model: Model, cast: SequenceCast, metrics: TextMetrics) {
        self.model = model
        self.cast = cast
        self.metrics = metrics
        depth = [Int](repeating: 0, count: cast.columns.count)
        constraints = [[(lo: Int, distance: Double)]](repeating: [], count: cast.columns.count)
    }

    mutating func require(_ lo: Int, _ hi: Int, atLeast distance: Double) {
        guard 0 <= lo, lo < hi, hi < constraints.count else { return }
        constraints[hi].append((lo, distance))
    }

    func measure(_ text: String, _ style: TextStyle, maxWidth: Double) -> MeasuredText {
        guard !text.isEmpty else { return .empty }
        let (lines, size) = metrics.measure(text, style: style, maxWidth: maxWidth)
        return MeasuredText(lines: lines, size: size)
    }

    /// Its own recursion rather than `Model.walk`: it builds a tree of the same shape as the
    /// steps (a planned block inside its message, planned branches inside their fragment), with
    /// the lifeline each block belongs to passed down.
    mutating func plan(_ steps: [Step], home: Int) -> [PlannedStep] {
        var out: [PlannedStep] = []
        out.reserveCapacity(steps.count)
        for step in steps {
            switch step {
            case .interaction(let id):
                if let message = planMessage(model[id]) { out.append(.message(message)) }
            case .fragment(let fragment):
                out.append(.fragment(planFragment(fragment, home: home)))
            case .note(let note):
                if let planned = planNote(note) { out.append(.note(planned)) }
            }
        }
        return out
    }

    private mutating func planMessage(_ interaction: Interaction) -> PlannedMessage? {
        guard let from = cast.columnOf[interaction.from.rawValue], let to = cast.columnOf[interaction.to.rawValue]
        else { return nil }
        let label = measure(interaction.label ?? "", SequenceStyle.label, maxWidth: SequenceStyle.labelMaxWidth)
        let fromDepth = depth[from]
        if interaction.block != nil { depth[to] += 1 }
        let toDepth = depth[to]
        var message = PlannedMessage(interaction: interaction.id, arrow: interaction.arrow, from: from, to: to,
                                     label: label, fromDepth: fromDepth, toDepth: toDepth, block: nil)
        constrain(message)
        if let block = interaction.block {
            message.block = plan(block, home: to)
            depth[to] -= 1
        }
        return message
    }

    private mutating func constrain(_ message: PlannedMessage) {
        typealias S = SequenceStyle
        if message.isSelf {
            let c = message.from
            let start = SequenceGeometry.barEdge(depth: message.fromDepth, side: .right)
            let loopEnd = start + S.selfLoopWidth
            let labelEnd = start + S.selfLabelOffset + message.label.size.width
            require(c, c + 1, atLeast: max(loopEnd, labelEnd) + S.labelMargin + S.barWidth)
            return
        }
        let lo = min(message.from, message.to), hi = max(message.from, message.to)
        let loDepth = lo == message.from ? message.fromDepth : message.toDepth
        let hiDepth = hi == message.from ? message.fromDepth : message.toDepth
        let arrowLength = max(message.label.size.width + 2 * S.labelMargin, S.minArrowLength)
        require(lo, hi, atLeast: arrowLength + SequenceGeometry.barEdge(depth: loDepth, side: .right)
                - SequenceGeometry.barEdge(depth: hiDepth, side: .left))
    }

    private mutating func planFragment(_ fragment: Fragment, home: Int) -> PlannedFragment {
        var keyword = fragment.kind.rawValue
        if fragment.kind == .loop, fragment.times > 1 { keyword += " \u{D7}\(fragment.times)" }
        let keywordText = measure(keyword, SequenceStyle.fragmentKeyword, maxWidth: .infinity)
        var guards: [MeasuredText] = []
        var branches: [[PlannedStep]] = []
        for (index, branch) in fragment.branches.enumerated() {
            var guardText = branch.label ?? ""
            if guardText.isEmpty, fragment.kind == .alt, index > 0 { guardText = "else" }
            guards.append(guardText.isEmpty ? .empty
                : measure("[\(guardText)]", SequenceStyle.fragmentLabel, maxWidth: SequenceStyle.fragmentLabelMaxWidth))
            branches.append(plan(branch.steps, home: home))
        }
        return PlannedFragment(kind: fragment.kind, keyword: keywordText, guards: guards, branches: branches,
                               homeColumn: home)
    }

    private mutating func planNote(_ note: Note) -> PlannedNote? {
        let columns = note.over.compactMap { cast.columnOf[$0.rawValue] }
        guard let first = columns.min(), let last = columns.max() else { return nil }
        typealias S = SequenceStyle
        let text = measure(note.text, S.noteText, maxWidth: S.noteMaxWidth)
        let width = text.size.width + 2 * S.notePaddingX + S.noteFold / 2
        if first == last {
            require(first - 1, first, atLeast: width / 2 + S.labelMargin + S.barWidth)
            require(first, first + 1, atLeast: width / 2 + S.labelMargin + S.barWidth)
        } else {
            require(first, last, atLeast: width - 2 * S.noteOverhang)
        }
        return PlannedNote(first: first, last: last, source: note.text, text: text, minWidth: width)
    }
}
