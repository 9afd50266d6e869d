import BatonCheck
import BatonModel
import BatonSyntax

/// The derived numbers that moved, read from each design's `DesignMetrics` (never computed
/// again here): the worst-case wait and the retry amplification of every call tree whose root
/// interaction both designs have as a root, and the composite availability and fan-out of every
/// participant both have. Elements only one design has are reported as added or removed, not
/// here. In the new design's order, metric by metric.
enum MetricComparison {
    static func compare(old: DesignSide, new: DesignSide, participants: ParticipantMatching,
                        interactions: InteractionMatching, newNames: Naming) -> [MetricChange] {
        var waits: [MetricChange] = []
        var amplifications: [MetricChange] = []
        var oldTrees: [InteractionID: DesignMetrics.CallTreeRow] = [:]
        for tree in old.metrics.callTrees { oldTrees[tree.root] = tree }
        for tree in new.metrics.callTrees {
            guard let oldRoot = interactions.oldOf[tree.root.rawValue], let before = oldTrees[oldRoot] else { continue }
            let subject = ElementAttributes.describe(tree.root, in: new.model, names: newNames)
            if differ(before.worstCaseWait, tree.worstCaseWait) {
                waits.append(MetricChange(metric: .worstCaseWait, subject: subject, old: before.worstCaseWait, new: tree.worstCaseWait,
                                          oldText: Describe.duration(before.worstCaseWait), newText: Describe.duration(tree.worstCaseWait)))
            }
            if differ(before.amplification, tree.amplification) {
                amplifications.append(MetricChange(metric: .amplification, subject: subject, old: before.amplification,
                                                   new: tree.amplification, oldText: Describe.attempts(before.amplification),
                                                   newText: Describe.attempts(tree.amplification)))
            }
        }
        var availabilities: [MetricChange] = []
        var fanOuts: [MetricChange] = []
        for (index, row) in new.metrics.participants.enumerated() {
            guard let oldID = participants.oldOf[index] else { continue }
            let before = old.metrics.participants[oldID.rawValue]
            if abs(before.compositeAvailability - row.compositeAvailability) > 1e-12 {
                availabilities.append(MetricChange(
                    metric: .compositeAvailability, subject: row.name, old: before.compositeAvailability, new: row.compositeAvailability,
                    oldText: Describe.percent(before.compositeAvailability, distinctFrom: row.compositeAvailability),
                    newText: Describe.percent(row.compositeAvailability, distinctFrom: before.compositeAvailability)))
            }
            if before.fanOut != row.fanOut {
                fanOuts.append(MetricChange(metric: .fanOut, subject: row.name, old: Double(before.fanOut), new: Double(row.fanOut),
                                            oldText: String(before.fanOut), newText: String(row.fanOut)))
            }
        }
        return waits + amplifications + availabilities + fanOuts
    }

    /// Whether two derived numbers differ by more than floating-point noise (the tolerance the
    /// rules compare with, `Describe.exceeds`).
    static func differ(_ a: Double, _ b: Double) -> Bool {
        Describe.exceeds(a, b) || Describe.exceeds(b, a)
    }
}
