import BatonModel

/// How serious a marked finding is: the colour of its badge. A drawing's own word for it, so
/// that the layout and the renderer need nothing of the check stage.
public enum MarkSeverity: String, Hashable, Sendable, CaseIterable {
    case error
    case warning
    case info
}

/// One finding to draw on a diagram: a numbered badge at each element it is about, and a line
/// of the legend under the diagram.
///
/// The façade makes these from diagnostics (`Baton.findingMarks`); the layout and the renderer
/// only ever see this value, so drawing still knows nothing of rules or linting.
public struct FindingMark: Hashable, Sendable {
    /// The badge's number, as the legend lists it (1, 2, … in source order).
    public var number: Int
    public var severity: MarkSeverity
    /// A short name for what was found: the rule's id (`retry-without-backoff`).
    public var title: String
    public var message: String
    /// The elements the badge is drawn at; a finding with none appears in the legend only.
    public var interactions: [InteractionID]
    public var participants: [ParticipantID]

    public init(number: Int, severity: MarkSeverity, title: String, message: String,
                interactions: [InteractionID] = [], participants: [ParticipantID] = []) {
        self.number = number
        self.severity = severity
        self.title = title
        self.message = message
        self.interactions = interactions
        self.participants = participants
    }
}
