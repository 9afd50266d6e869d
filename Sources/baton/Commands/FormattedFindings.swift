/// Findings formatted by a `FindingFormatter`, one after another in one buffer: each finding's
/// bytes are a range of it, so a report can leave out one it has shown already and add what
/// goes between the others (JSON's commas, an omission line).
struct FormattedFindings: Sendable {
    var bytes: [UInt8]
    /// Where each finding's bytes end (each starts where the one before ends).
    var ends: [Int]

    /// The bytes of finding `index`.
    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
