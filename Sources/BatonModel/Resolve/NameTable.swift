/// Names → the indices they were declared with: what name resolution asks for the two ends of
/// every interaction.
///
/// An open-addressing table over a cheap hash of the name's UTF-8 bytes, a word at a time. The
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

    /// Mixes the name's bytes eight at a time (one multiply and shift per word), from its
    /// contiguous UTF-8: a name of up to 16 bytes is one or two words.
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var index = 0
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    hash = mix(hash ^ UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                    index += 8
                }
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            return mix(hash ^ tail)
        }
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
