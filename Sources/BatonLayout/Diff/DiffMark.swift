/// What a comparison of two designs did to one element of a diff diagram (`baton diff --to
/// svg`): a drawing's own word for it, as `MarkSeverity` is for findings, so that the layout
/// and the renderer need nothing of the diff stage.
public enum DiffMark: String, Hashable, Sendable, CaseIterable {
    /// Only in the new design: drawn in green.
    case added
    /// Only in the old design: drawn in red, its outline or line dashed.
    case removed
    /// In both, with an attribute (or, for an edge, one of its interactions) changed: amber.
    case changed
    /// In both designs and the same: drawn in neutral grey, so that colour in a diff diagram
    /// always means a change (a service's usual green would read as "added").
    case unchanged
}
