/// Two independent pieces of work at once, on two threads, for halves that share nothing: the
/// two designs' compiling and checking (`baton diff`), the matching of elements beside the
/// matching of findings (`Differ`), a large design's derived facts beside the index of its
/// source text (`CheckContext`). On a machine with two cores the wait is the
/// longer piece instead of the sum. The results are the same as one after the other, and come
/// back in the order given, so output never depends on which finished first.
public enum Concurrently {
    public static func both<A: Sendable, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        // A partner that is handed nothing: `second` on another thread, while this one works.
        let other = Partner<B, Never>(second)
        let firstValue = first()
        return (firstValue, other.finish().first ?? second())
    }
}
