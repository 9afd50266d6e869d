/// Bytes on their way to a file or a pipe: collected in a buffer and handed on in chunks of
/// about `chunkSize` bytes, so that a report of hundreds of megabytes goes out while it is
/// being made, instead of being held whole (and once more as a `String`) before its first
/// byte is written.
///
/// Without a destination it keeps everything, and the same writers then produce a whole
/// value (`bytes`, `text`) for the callers that want one: one way of formatting, two ways of
/// delivering it, so a streamed report and a returned one cannot differ.
///
/// A class, because every writer of one document must append to the one buffer (a copied
/// buffer would write its bytes twice); it belongs to one thread at a time.
public final class ByteOutput {
    /// 64 KiB: large enough that the system calls cost nothing next to the formatting, small
    /// enough to stay in the processor's cache.
    public static let chunkSize = 64 << 10

    /// The bytes not yet handed to the destination (all of them, without one).
    public internal(set) var bytes: [UInt8] = []
    private let destination: (([UInt8]) -> Void)?

    /// Keeps everything written (read it with `bytes` or `text`).
    public init() {
        destination = nil
    }

    /// Hands the bytes to `destination` each time `chunkSize` of them are waiting, and on
    /// `flush()`. The destination must not keep the array it is given.
    public init(destination: @escaping ([UInt8]) -> Void) {
        self.destination = destination
        bytes.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        flushIfFull()
    }

    public func write(_ byte: UInt8) {
        bytes.append(byte)
        flushIfFull()
    }

    public func write(_ more: [UInt8]) {
        // A whole chunk with nothing waiting before it (what `JSONStream.drain` hands over):
        // passed on as it is, instead of copied into the buffer first, which for a large
        // report was one more copy of all of it.
        if bytes.isEmpty, more.count >= Self.chunkSize, let destination {
            destination(more)
            return
        }
        bytes.append(contentsOf: more)
        flushIfFull()
    }

    public func write(_ more: ArraySlice<UInt8>) {
        bytes.append(contentsOf: more)
        flushIfFull()
    }

    /// Hands the waiting bytes on now (nothing happens without a destination).
    public func flush() {
        guard let destination, !bytes.isEmpty else { return }
        destination(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// What was written, as text (without a destination: everything).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Called after each write: the buffer goes out once a chunk is full.
    func flushIfFull() {
        if bytes.count >= Self.chunkSize, destination != nil { flush() }
    }
}
