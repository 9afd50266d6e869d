/// A trace's id: 16 bytes, written as 32 hex digits. Zipkin's and Jaeger's shorter 64-bit ids
/// are the low half, with the high half zero.
public struct TraceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads 1 to 32 hex digits (shorter ones are right-aligned, as Jaeger writes ids without
    /// leading zeros) or, from OTLP JSON written by protobuf's own mapping, 16 bytes in base64.
    /// Nil for anything else, and for the all-zero id, which the trace formats call invalid.
    public init?(text: String) {
        guard let id = Self(utf8: Array(text.utf8)) else { return nil }
        self = id
    }

    /// The same, from the text's UTF-8 bytes.
    public init?<Bytes: Collection>(utf8: Bytes) where Bytes.Element == UInt8 {
        if let (high, low) = HexID.parse128(utf8) ?? Base64ID.decode(String(decoding: utf8, as: UTF8.self), bytes: 16) {
            guard high != 0 || low != 0 else { return nil }
            self.init(high: high, low: low)
        } else {
            return nil
        }
    }

    /// 32 lowercase hex digits.
    public var description: String { HexID.hex(high) + HexID.hex(low) }

    public static func < (lhs: TraceID, rhs: TraceID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

/// A span's id: 8 bytes, written as 16 hex digits.
public struct SpanID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt64

    public init(_ value: UInt64) { self.value = value }

    /// Reads 1 to 16 hex digits, or 8 bytes in base64; nil for anything else and for zero.
    public init?(text: String) {
        guard let id = Self(utf8: Array(text.utf8)) else { return nil }
        self = id
    }

    /// The same, from the text's UTF-8 bytes.
    public init?<Bytes: Collection>(utf8: Bytes) where Bytes.Element == UInt8 {
        guard let value = HexID.parse64(utf8) ?? Base64ID.decode(String(decoding: utf8, as: UTF8.self), bytes: 8).map({ $0.1 }),
              value != 0 else { return nil }
        self.value = value
    }

    /// 16 lowercase hex digits.
    public var description: String { HexID.hex(value) }

    public static func < (lhs: SpanID, rhs: SpanID) -> Bool { lhs.value < rhs.value }
}

/// Hex digits to and from integers.
enum HexID {
    static func parse64(_ text: String) -> UInt64? { parse64(Array(text.utf8)) }

    static func parse64<Bytes: Collection>(_ utf8: Bytes) -> UInt64? where Bytes.Element == UInt8 {
        guard !utf8.isEmpty, utf8.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            guard let digit = digit(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static func parse128<Bytes: Collection>(_ utf8: Bytes) -> (UInt64, UInt64)? where Bytes.Element == UInt8 {
        guard !utf8.isEmpty, utf8.count <= 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in utf8 {
            guard let digit = digit(byte) else { return nil }
            high = high << 4 | low >> 60
            low = low << 4 | UInt64(digit)
        }
        return (high, low)
    }

    static func digit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hex(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var rest = value
        for index in stride(from: 15, through: 0, by: -1) {
            bytes[index] = digits[Int(rest & 0xF)]
            rest >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Base64 ids, which protobuf's JSON mapping writes for `bytes` fields (OTLP/JSON asks for hex,
/// but exporters built on the generic mapping write base64).
enum Base64ID {
    /// The (high, low) halves of `bytes` (16 or 8) decoded bytes; nil unless `text` is exactly
    /// that many bytes of standard or URL-safe base64.
    static func decode(_ text: String, bytes: Int) -> (UInt64, UInt64)? {
        let expectedLength = (bytes + 2) / 3 * 4
        var utf8 = Array(text.utf8)
        guard utf8.count == expectedLength || utf8.count == (bytes * 4 + 2) / 3 else { return nil }
        while utf8.last == UInt8(ascii: "=") { utf8.removeLast() }
        var decoded: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in utf8 {
            guard let value = sextet(byte) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                decoded.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard decoded.count == bytes else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in decoded.enumerated() {
            if bytes == 16, index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        return (high, low)
    }

    static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
