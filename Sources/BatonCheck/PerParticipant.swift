import BatonModel

/// A value a rule makes once per participant and gives to every finding about it.
///
/// Most help texts (and some notes) name one participant and nothing else about the finding:
/// "declare a default timeout on 'X'" is the same for every call to X. Made again for each
/// finding, a large design's findings held one copy of such a text per finding (on a 16 MB
/// design, 26 MB of help in 217,000 strings, 48,000 of them distinct); made once here, the
/// findings share one string. Looking the participant up in an array costs less than
/// hashing the text, and the text is not even written again.
///
/// Each rule keeps its own, inside its `check`: rules run side by side on several threads,
/// and a table confined to one run of one rule needs no lock.
struct PerParticipant<Value> {
    /// The value made for each participant so far, by its id.
    private var made: [Value?]

    /// Room for every participant of the context's model.
    init(_ context: CheckContext) {
        made = Array(repeating: nil, count: context.model.participants.count)
    }

    /// The value made for `id`, made by `make` the first time it is asked for.
    ///
    /// `make` must depend on `id` alone (and on what is the same for the whole check), or the
    /// findings after the first one would get the first one's value.
    mutating func value(for id: ParticipantID, _ make: () -> Value) -> Value {
        if let known = made[id.rawValue] { return known }
        let value = make()
        made[id.rawValue] = value
        return value
    }
}
