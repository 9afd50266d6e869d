import BatonSyntax

/// The sequence view's measurements, in pixels, in one place: changing the look of the
/// diagram means changing these numbers, never the layout code.
enum SequenceStyle {
    // Canvas
    static let margin = 20.0
    static let title = TextStyle(size: 18, weight: .bold, role: .title)
    static let subtitle = TextStyle(size: 13, role: .subtitle)
    static let titleMaxWidth = 900.0
    static let titleGap = 14.0

    // Participants (their names and the padding around them: `ParticipantBox`)
    static let headMinWidth = 72.0
    static let headGap = 24.0
    /// A row of heads wider than this (a README's 880 px less the margins) is laid out again
    /// with `SequenceSpacing.tight`: a smaller gap, and names wider than `tightNameWidth` on two
    /// even lines.
    static let wideCastWidth = 840.0
    static let tightHeadGap = 10.0
    static let tightNameWidth = 100.0
    /// Space between the head boxes and the first step.
    static let bodyTopGap = 16.0
    /// How far lifelines run below the last step.
    static let lifelineTail = 14.0
    /// Lifelines longer than this end in a copy of the head boxes.
    static let repeatHeadsBelow = 640.0

    // Groups of participants
    static let groupLabel = TextStyle(size: 12, weight: .bold, role: .groupLabel)
    static let groupPadding = 10.0
    static let groupLabelPadding = 6.0
    static let groupLabelMaxWidth = 200.0
    static let groupBottomStep = 8.0

    // Activation bars
    static let barWidth = 10.0
    /// How far each nested bar is shifted to the right of the one below it.
    static let barNesting = 5.0
    /// How far a bar runs below the last step of its block.
    static let barTail = 8.0
    static let barMinHeight = 14.0

    // Interactions
    static let label = TextStyle(size: 13, role: .interactionLabel)
    /// An arrow's label: a callback's in the callback's colour.
    static func label(_ arrow: Arrow) -> TextStyle {
        TextStyle(size: label.size, weight: label.weight, role: .label(for: arrow))
    }
    static let labelMaxWidth = 260.0
    /// Horizontal room on both sides of a label above its arrow.
    static let labelMargin = 10.0
    /// Between a label's last line and its arrow.
    static let labelGap = 3.0
    /// Above an arrow without a label.
    static let unlabelledGap = 6.0
    /// The shortest arrow: room for the baton and the arrowhead.
    static let minArrowLength = 44.0
    /// Vertical space after each step.
    static let stepGap = 14.0
    static let selfLoopWidth = 30.0
    static let selfLoopHeight = 18.0
    static let selfLabelOffset = 6.0

    // Fragments
    static let fragmentKeyword = TextStyle(size: 12, weight: .bold, role: .fragmentKeyword)
    static let fragmentLabel = TextStyle(size: 12, role: .fragmentLabel)
    static let fragmentLabelMaxWidth = 320.0
    static let tabPaddingX = 6.0
    /// After the guard in a fragment's header.
    static let guardTrailingPadding = 10.0
    static let tabPaddingY = 3.0
    static let tabCut = 6.0
    /// Between a frame and the outermost thing inside it.
    static let framePadding = 12.0
    static let frameBottomPadding = 6.0
    static let branchLabelGap = 3.0
    /// Between an activation bar and a fragment's tab or guard beside it.
    static let barClearance = 3.0
    static let emptyBranchHeight = 12.0

    // Notes
    static let noteText = TextStyle(size: 12, role: .noteText)
    static let noteMaxWidth = 220.0
    static let notePaddingX = 8.0
    static let notePaddingY = 5.0
    /// How far a note over several participants reaches beyond the outer lifelines.
    static let noteOverhang = 16.0
    static let noteFold = 8.0
}
