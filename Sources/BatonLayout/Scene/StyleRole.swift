import BatonSyntax

/// What an item *is*, never what it looks like: the renderer's theme maps each role to
/// colours, stroke widths and dash patterns. Roles are shared by the sequence and graph views,
/// so a queue or an async message looks the same in both.
public enum StyleRole: Hashable, Sendable {
    /// The diagram's title and the line under it.
    case title
    case subtitle

    /// A participant's head box (sequence view) or node (graph view), by kind.
    case participant(ParticipantKind)
    /// The name inside a participant's box.
    case participantLabel
    /// The dashed vertical line below a head box.
    case lifeline
    /// The bar on a lifeline while a participant handles an interaction's block.
    case activation

    /// An interaction that makes its initiator wait: a call or a fetch.
    case syncLine
    /// An interaction its initiator does not wait for: a send.
    case asyncLine
    /// A call back to an endpoint registered earlier.
    case callbackLine
    /// The label of an interaction or edge.
    case interactionLabel
    /// The label of a callback, in the callback's colour like its line: a callback is told apart
    /// by its colour, and its label belongs to it the same way (the graph view and the DOT export
    /// colour callback labels alike).
    case callbackLabel
    /// A plate under a label or guard where a lifeline, an activation bar or a border would run
    /// through the text: the line stops at the plate. In the background colour, or (`onGroup`)
    /// in a group box's fill when the plate lies inside one, so it shows only where it hides a line.
    case labelPlate(onGroup: Bool)

    /// A fragment's outline (`loop`, `opt`, `alt`, `par`).
    case fragmentFrame
    /// The pentagon in a fragment's corner that holds its keyword.
    case fragmentTab
    /// The keyword inside the tab.
    case fragmentKeyword
    /// A fragment's guard or a branch label (`[seat held]`).
    case fragmentLabel
    /// The dashed line between branches (`else`, `and`).
    case fragmentSeparator

    case note
    case noteText

    /// A group of participants (a team, a deployment unit): a box behind its members.
    case groupBox
    case groupLabel
    /// A plate in the group's fill behind its name, where edges pass under the name (graph view).
    case groupLabelBackground

    /// A finding's numbered badge (`FindingOverlay`), by severity, and the number in it.
    case findingBadge(MarkSeverity)
    case findingNumber
    /// The severity and the text of a finding in the legend under a diagram.
    case findingSeverity(MarkSeverity)
    case findingLegend

    /// The key under a diagram that explains its notation (`NotationLegend`): its heading and
    /// the text beside each drawn sample (the samples themselves keep their arrows' roles).
    case legendTitle
    case legendText
    /// A step number at the start of an interaction's arrow (`--numbers`): the plate and the
    /// number on it.
    case stepNumberPlate
    case stepNumber
    /// A timeout bracket beside an activation bar (`--timing`) and its label; `inversion`:
    /// the block can wait longer than the timeout, drawn in the warning colour.
    case timingBracket(inversion: Bool)
    case timingLabel(inversion: Bool)

    /// An item of a time chart (`ChartLayout`): axes, grid, series, windows.
    case chart(ChartRole)

    /// An element of a diff diagram (`DiffOverlay`) by what the comparison did to it: a
    /// participant's node (its kind keeps the outline's dash), an edge (its arrow keeps the
    /// line's pattern) and the text of either.
    case diffParticipant(DiffMark, ParticipantKind)
    case diffLine(DiffMark, Arrow)
    case diffText(DiffMark)

    /// The line style of an arrow.
    public static func line(for arrow: Arrow) -> StyleRole {
        switch arrow {
        case .call, .fetch: .syncLine
        case .send: .asyncLine
        case .callback: .callbackLine
        }
    }

    /// The text style of an arrow's label: a callback's is in the callback's colour.
    public static func label(for arrow: Arrow) -> StyleRole {
        arrow == .callback ? .callbackLabel : .interactionLabel
    }
}
