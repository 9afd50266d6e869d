/// JSON written in place into room reserved at the end of a byte array (`[UInt8].appendInPlace`):
/// each piece a copy to memory, where appending it to the array was a call that checked the
/// array's uniqueness and capacity first. A report's finding is about forty pieces (its
/// punctuation and keys, numbers and texts), and those calls were a tenth of writing a report.
///
/// The room is an estimate. A piece that does not fit is not written, nor is any after it, and
/// the writer is marked `overflowed` and counts how much room they asked for: `appendInPlace`
/// then writes the whole again in that much room (at least twice as much). So a wrong estimate
/// costs time, never a byte past the room or a byte of output. Strings and integers
/// are written as `JSONValue.writeString` and `writeInt` write them (the same escaper and the
/// same digits).
public struct ReservedBytes: ~Copyable {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>?
    @usableFromInline let capacity: Int
    @usableFromInline var written = 0
    @usableFromInline var full = false

    /// Bytes written so far; after an overflow, the room every piece so far asked for.
    public var count: Int { written }
    /// A piece did not fit: what was written is incomplete, and is dropped.
    public var overflowed: Bool { full }

    init(_ room: UnsafeMutableBufferPointer<UInt8>) {
        base = room.baseAddress
        capacity = room.count
    }

    /// Room for `bytes` more, or nil (and `overflowed`, the bytes counted) when there is not.
    // The writers are inlined where they are called (`@inlinable`): a constant's length is then
    // known, and its copy a few moves rather than a call.
    @inlinable @inline(__always)
    mutating func take(_ bytes: Int) -> UnsafeMutablePointer<UInt8>? {
        // An empty buffer may have no address: room for nothing.
        guard let base, !full, bytes <= capacity - written else {
            full = true
            written += bytes
            return nil
        }
        defer { written += bytes }
        return base + written
    }

    /// Punctuation and keys, copied as they are.
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes($0) }
    }

    @inlinable @inline(__always)
    public mutating func bytes(_ more: UnsafeBufferPointer<UInt8>) {
        guard let baseAddress = more.baseAddress, let to = take(more.count) else { return }
        to.initialize(from: baseAddress, count: more.count)
    }

    @inlinable @inline(__always)
    public mutating func bytes(_ more: [UInt8]) {
        more.withUnsafeBufferPointer { bytes($0) }
    }

    @inlinable @inline(__always)
    public mutating func byte(_ byte: UInt8) {
        take(1)?.pointee = byte
    }

    /// An integer, as `JSONValue.writeInt` writes it.
    @inlinable @inline(__always)
    public mutating func int(_ number: Int) {
        guard let digits = JSONValue.digits(of: number) else {
            var text = String(number)
            text.withUTF8 { bytes($0) }
            return
        }
        // All eight bytes of the word stored at once; `count` then counts the digits alone.
        guard let to = take(8) else { return }
        UnsafeMutableRawPointer(to).storeBytes(of: digits.word.littleEndian, as: UInt64.self)
        written -= 8 - digits.count
    }

    /// A JSON string, escaped as `JSONValue.writeString` escapes it (by the same escaper).
    public mutating func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        JSONValue.escape(text) { bytes($0) }
        byte(UInt8(ascii: "\""))
    }
}

extension [UInt8] {
    /// Appends what `write` writes in place (see `ReservedBytes`), in room for `estimate`
    /// bytes, or, when that was too little, again in the room its pieces asked for. `write` may
    /// run more than once, so it must write the same bytes each time (then twice at most).
    public mutating func appendInPlace(estimate: Int, _ write: (inout ReservedBytes) -> Void) {
        var room = Swift.max(estimate, 64)
        while true {
            var asked: Int?
            append(addingCapacity: room) { span in
                span.withUnsafeMutableBufferPointer { buffer, initialized in
                    var writer = ReservedBytes(UnsafeMutableBufferPointer(rebasing: buffer[initialized...]))
                    write(&writer)
                    if writer.overflowed {
                        asked = writer.count
                    } else {
                        initialized += writer.count
                    }
                }
            }
            guard let asked else { return }
            room = Swift.max(room * 2, asked)
        }
    }
}
