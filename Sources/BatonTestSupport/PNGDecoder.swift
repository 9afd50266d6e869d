// A strict PNG reader for tests: what `render --to png` writes (8-bit RGB) and what
// `rsvg-convert` writes (8-bit RGBA), non-interlaced, with every check a careful decoder makes —
// the signature, each chunk's CRC-32, IHDR first and IEND last, the zlib header and its
// Adler-32, the exact amount of image data. Foundation on Linux has no image decoding, and a
// test of Baton's own encoder must not trust Baton's own code, so this one is written apart
// from it (the inflater follows RFC 1951 as Mark Adler's `puff.c` reads it).

import Foundation

public struct DecodedPNG: Sendable {
    public let width: Int
    public let height: Int
    /// 3 (RGB) or 4 (RGBA).
    public let channels: Int
    /// Row-major, `channels` bytes per pixel.
    public let pixels: [UInt8]
    /// The chunk types in file order.
    public let chunks: [String]

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Red, green and blue of the pixel at (x, y); alpha is ignored (both writers paint an
    /// opaque background).
    public func rgb(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let at = (y * width + x) * channels
        return (pixels[at], pixels[at + 1], pixels[at + 2])
    }

    /// Every pixel's red, green and blue.
    public var rgbBytes: [UInt8] {
        guard channels == 4 else { return pixels }
        var out = [UInt8]()
        out.reserveCapacity(width * height * 3)
        for index in stride(from: 0, to: pixels.count, by: 4) { out.append(contentsOf: pixels[index..<index + 3]) }
        return out
    }

    /// The root-mean-square difference of two images' red, green and blue values, as a fraction
    /// of the full range (0: identical, 1: black against white everywhere).
    public static func normalizedRMSE(_ a: DecodedPNG, _ b: DecodedPNG) throws -> Double {
        guard a.width == b.width, a.height == b.height else {
            throw Invalid(description: "sizes differ: \(a.width)×\(a.height) and \(b.width)×\(b.height)")
        }
        let x = a.rgbBytes, y = b.rgbBytes
        var sum = 0.0
        for index in x.indices {
            let d = Double(Int(x[index]) - Int(y[index]))
            sum += d * d
        }
        return (sum / Double(max(1, x.count))).squareRoot() / 255
    }

    public init(decoding data: [UInt8]) throws {
        guard data.count >= 8, Array(data[0..<8]) == Self.signature else { throw Invalid(description: "not a PNG signature") }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        var chunks: [String] = []
        while offset < data.count {
            guard offset + 12 <= data.count else { throw Invalid(description: "truncated chunk header at \(offset)") }
            let length = Int(Self.bigEndian(data, offset))
            let typeBytes = Array(data[offset + 4..<offset + 8])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= data.count - offset - 12 else { throw Invalid(description: "chunk \(type) runs past the end") }
            let body = Array(data[offset + 8..<offset + 8 + length])
            let stored = Self.bigEndian(data, offset + 8 + length)
            guard Self.crc32(typeBytes + body) == stored else { throw Invalid(description: "bad CRC in chunk \(type)") }
            if chunks.isEmpty, type != "IHDR" { throw Invalid(description: "the first chunk is \(type), not IHDR") }
            chunks.append(type)
            switch type {
            case "IHDR": header = body
            case "IDAT": compressed += body
            default: break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard chunks.last == "IEND", offset == data.count else { throw Invalid(description: "no IEND at the end") }
        guard header.count == 13 else { throw Invalid(description: "IHDR is not 13 bytes") }
        let width = Int(Self.bigEndian(header, 0)), height = Int(Self.bigEndian(header, 4))
        guard width > 0, height > 0, header[8] == 8, header[9] == 2 || header[9] == 6, header[10] == 0, header[11] == 0, header[12] == 0
        else { throw Invalid(description: "only 8-bit RGB or RGBA, non-interlaced PNGs are read here") }
        let channels = header[9] == 2 ? 3 : 4
        let filtered = try Inflate.zlib(compressed)
        let stride = width * channels
        guard filtered.count == height * (stride + 1) else {
            throw Invalid(description: "\(filtered.count) bytes of image data for \(height) rows of \(stride + 1)")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.chunks = chunks
        self.pixels = try Self.unfilter(filtered, width: width, height: height, channels: channels)
    }

    static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    /// Undoes the row filters (None, Sub, Up, Average, Paeth).
    static func unfilter(_ data: [UInt8], width: Int, height: Int, channels bpp: Int) throws -> [UInt8] {
        let stride = width * bpp
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = data[y * (stride + 1)]
            let source = y * (stride + 1) + 1
            let row = y * stride
            for i in 0..<stride {
                let raw = data[source + i]
                let a = i >= bpp ? Int(out[row + i - bpp]) : 0
                let b = y > 0 ? Int(out[row - stride + i]) : 0
                let c = i >= bpp && y > 0 ? Int(out[row - stride + i - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Invalid(description: "row \(y) has filter \(filter)")
                }
                out[row + i] = raw &+ UInt8(truncatingIfNeeded: predictor)
            }
        }
        return out
    }
}

/// Inflate (RFC 1950 and 1951), strict: a bad header, a bad code, a distance too far back,
/// trailing bytes or a wrong Adler-32 all throw.
public enum Inflate {
    public static func zlib(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count >= 6 else { throw DecodedPNG.Invalid(description: "zlib stream too short") }
        guard data[0] & 0x0F == 8, data[0] >> 4 <= 7, (Int(data[0]) << 8 | Int(data[1])) % 31 == 0, data[1] & 0x20 == 0 else {
            throw DecodedPNG.Invalid(description: "bad zlib header")
        }
        var inflater = Inflater(input: data, position: 2)
        let output = try inflater.inflate()
        let end = inflater.position
        guard end + 4 == data.count else { throw DecodedPNG.Invalid(description: "\(data.count - end - 4) bytes after the deflate data") }
        let stored = DecodedPNG.bigEndian(data, end)
        guard adler32(output) == stored else { throw DecodedPNG.Invalid(description: "bad Adler-32") }
        return output
    }

    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

private struct Inflater {
    let input: [UInt8]
    /// The next byte to read (after `inflate`, the first byte after the deflate data).
    var position: Int
    var bitBuffer = 0
    var bitCount = 0
    var output: [UInt8] = []

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) throws {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            // Over-subscribed codes are invalid; incomplete ones only for a single code.
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= counts[length]
                if left < 0 { throw DecodedPNG.Invalid(description: "over-subscribed Huffman code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    init(input: [UInt8], position: Int) {
        self.input = input
        self.position = position
    }

    mutating func inflate() throws -> [UInt8] {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(literals: try Huffman(lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
                                                    + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)),
                              distances: try Huffman(lengths: Array(repeating: 5, count: 30)))
            case 2: try dynamic()
            default: throw DecodedPNG.Invalid(description: "deflate block type 3")
            }
        }
        // Unused bits of the last byte are dropped; the checksum starts at the next byte.
        bitBuffer = 0
        bitCount = 0
        return output
    }

    mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            guard position < input.count else { throw DecodedPNG.Invalid(description: "deflate data ran out") }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << count) - 1)
        bitBuffer >>= count
        bitCount -= count
        return value
    }

    mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw DecodedPNG.Invalid(description: "short stored block") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw DecodedPNG.Invalid(description: "stored block length check") }
        position += 4
        guard position + length <= input.count else { throw DecodedPNG.Invalid(description: "short stored block") }
        output.append(contentsOf: input[position..<position + length])
        position += length
    }

    mutating func decode(_ code: Huffman) throws -> Int {
        var value = 0, first = 0, index = 0
        for length in 1...15 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - count < first { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw DecodedPNG.Invalid(description: "bad Huffman code")
    }

    mutating func codes(literals: Huffman, distances: Huffman) throws {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                guard index < Self.lengthBase.count else { throw DecodedPNG.Invalid(description: "bad length symbol") }
                let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
                let distanceSymbol = try decode(distances)
                guard distanceSymbol < Self.distanceBase.count else { throw DecodedPNG.Invalid(description: "bad distance symbol") }
                let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
                guard distance <= output.count, distance <= 32_768 else { throw DecodedPNG.Invalid(description: "distance too far back") }
                let start = output.count - distance
                for i in 0..<length { output.append(output[start + i]) }
            }
        }
    }

    mutating func dynamic() throws {
        let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw DecodedPNG.Invalid(description: "too many codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengths[Self.order[i]] = try bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw DecodedPNG.Invalid(description: "repeat with no length") }
                lengths += repeatElement(previous, count: 3 + (try bits(2)))
            case 17: lengths += repeatElement(0, count: 3 + (try bits(3)))
            default: lengths += repeatElement(0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw DecodedPNG.Invalid(description: "lengths overrun") }
        guard lengths[256] > 0 else { throw DecodedPNG.Invalid(description: "no end-of-block code") }
        try codes(literals: try Huffman(lengths: Array(lengths[0..<literalCount])),
                  distances: try Huffman(lengths: Array(lengths[literalCount...])))
    }
}
