import BatonJSON

/// The diagnostics published for one file, as the JSON of the elements of a
/// `publishDiagnostics` notification's `diagnostics` array: the bytes that go out, kept as
/// bytes.
///
/// The publisher compares lists (a file whose list did not change is not sent again) and
/// merges the lists several open documents give for one file (dropping duplicates); both work
/// on the bytes, which are equal exactly when the diagnostics are (they are written one way).
public struct DiagnosticList: Hashable, Sendable {
    /// The elements, separated by commas, without the brackets around them.
    public var bytes: [UInt8] { out.bytes }
    private var out = JSONBytes()
    /// Where each element ends in `bytes` (the next starts one byte later, after its comma).
    public private(set) var ends: [Int] = []

    public init() {}

    /// An empty list with room for `capacity` bytes (the pages are only touched when written).
    public init(reservingCapacity capacity: Int) {
        out.bytes.reserveCapacity(capacity)
    }

    public var count: Int { ends.count }
    public var isEmpty: Bool { ends.isEmpty }

    /// The bytes of element `index`, without its comma.
    public func element(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1] + 1
        return out.bytes[start..<ends[index]]
    }

    public var elements: [ArraySlice<UInt8>] { ends.indices.map(element) }

    /// Adds an element: one diagnostic's JSON.
    public mutating func append<Bytes: Collection<UInt8>>(element: Bytes) {
        if !ends.isEmpty { out.raw(",") }
        out.bytes.append(contentsOf: element)
        ends.append(out.bytes.count)
    }

    /// Adds every element of `other`, in order.
    public mutating func append(contentsOf other: DiagnosticList) {
        guard !other.isEmpty else { return }
        if ends.isEmpty {
            self = other
            return
        }
        let base = out.bytes.count + 1
        out.raw(",")
        out.bytes.append(contentsOf: other.bytes)
        ends.append(contentsOf: other.ends.map { $0 + base })
    }

    /// Writes an element in place: `body` appends one diagnostic's JSON to the writer's bytes.
    mutating func write(_ body: (inout JSONBytes) -> Void) {
        if !ends.isEmpty { out.raw(",") }
        body(&out)
        ends.append(out.bytes.count)
    }

    /// The `textDocument/publishDiagnostics` notification of the list for `uri`, with the
    /// document's `version` for its own list: the bytes of `RPC.notification` of the same
    /// values, in three parts sent one after the other, so that the list is not copied.
    public func notification(uri: String, version: Int?) -> [[UInt8]] {
        var head = JSONBytes()
        head.raw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":")
        head.string(uri)
        if let version {
            head.raw(",\"version\":")
            head.int(version)
        }
        head.raw(",\"diagnostics\":[")
        return [head.bytes, out.bytes, Array("]}}".utf8)]
    }
}
