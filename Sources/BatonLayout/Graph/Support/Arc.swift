// A directed edge between two node indices, the common currency of the layout phases.

struct Arc: Hashable, Sendable {
    var tail: Int
    var head: Int

    var reversed: Arc { Arc(tail: head, head: tail) }
}
