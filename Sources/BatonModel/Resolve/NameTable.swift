/// Names → the indices they were declared with: what name resolution asks for the two ends of
/// every interaction.
///
/// An open-addressing table over a cheap hash of the name's UTF-8 bytes (FNV-1a). The
/// standard dictionary hashes a name with seeded SipHash, which cost more than the rest of
/// resolving it; names here are few and short, and lookups are never iterated, so neither
/// the seed nor the order matters.
struct NameTable: Sendable {
    private struct Entry: Sendable {
        var name: String
        var hash: UInt64
        var value: Int
    }

    private var entries: [Entry] = []
    /// Indices into `entries`, -1 for an empty slot; the count is a power of two at least
    /// twice the entries.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    subscript(name: String) -> Int? {
        let hash = Self.hash(name)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash, entries[index].name == name { return entries[index].value }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `name` (which must not be in the table yet).
    mutating func insert(_ name: String, value: Int) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(name)
        entries.append(Entry(name: name, hash: hash, value: value))
        place(entries.count - 1, hash: hash)
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: index)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }

    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        // FNV's low bits mix poorly for names that differ in their last characters only
        // (`Service1`, `Service2`): fold the high half in.
        return hash ^ (hash >> 29)
    }
}
