// A minimal PNG reader, enough to measure what `rsvg-convert` draws.
//
// Foundation on Linux has no image decoding and no inflate, and depending on ImageMagick only to
// find a bounding box would add a second external program to every real-client test. So this
// reads 8-bit RGBA, non-interlaced PNGs — exactly what rsvg-convert writes — with a small
// inflate (RFC 1951, after Mark Adler's `puff.c`), and throws for anything else.

struct PNGImage {
    let width: Int
    let height: Int
    /// Row-major RGBA, 4 bytes per pixel.
    let pixels: [UInt8]

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    func alpha(x: Int, y: Int) -> UInt8 {
        pixels[(y * width + x) * 4 + 3]
    }

    /// The columns holding any pixel with alpha above `threshold`, or `nil` if none does.
    func inkedColumns(alphaAbove threshold: UInt8 = 0) -> ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        for y in 0..<height {
            for x in 0..<width where alpha(x: x, y: y) > threshold {
                low = min(low, x)
                high = max(high, x)
            }
        }
        return low <= high ? low...high : nil
    }

    init(decoding data: [UInt8]) throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.count > 8, Array(data[0..<8]) == signature else { throw Invalid(description: "not a PNG") }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset + 8 <= data.count {
            let length = Int(Self.bigEndian(data, offset))
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= data.count else { throw Invalid(description: "truncated chunk \(type)") }
            let body = data[start..<start + length]
            switch type {
            case "IHDR": header = Array(body)
            case "IDAT": compressed.append(contentsOf: body)
            default: break
            }
            offset = start + length + 4  // skip the CRC
            if type == "IEND" { break }
        }
        guard header.count == 13 else { throw Invalid(description: "no IHDR") }
        let width = Int(Self.bigEndian(header, 0))
        let height = Int(Self.bigEndian(header, 4))
        guard header[8] == 8, header[9] == 6, header[12] == 0 else {
            throw Invalid(description: "only 8-bit RGBA non-interlaced PNGs are supported")
        }
        guard compressed.count > 2 else { throw Invalid(description: "no image data") }
        // A zlib stream: 2 header bytes, deflate data, Adler-32 (not checked).
        var inflater = Inflater(input: compressed, position: 2)
        let filtered = try inflater.inflate()
        self.width = width
        self.height = height
        self.pixels = try Self.unfilter(filtered, width: width, height: height)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    /// Undoes PNG's per-row filters (None, Sub, Up, Average, Paeth) for 4 bytes per pixel.
    private static func unfilter(_ data: [UInt8], width: Int, height: Int) throws -> [UInt8] {
        let bpp = 4
        let stride = width * bpp
        guard data.count >= height * (stride + 1) else { throw Invalid(description: "short image data") }
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = data[y * (stride + 1)]
            let source = y * (stride + 1) + 1
            let row = y * stride
            for i in 0..<stride {
                let raw = data[source + i]
                let a = i >= bpp ? Int(out[row + i - bpp]) : 0
                let b = y > 0 ? Int(out[row - stride + i]) : 0
                let c = (i >= bpp && y > 0) ? Int(out[row - stride + i - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: throw Invalid(description: "bad filter \(filter)")
                }
                out[row + i] = raw &+ UInt8(truncatingIfNeeded: predictor)
            }
        }
        return out
    }
}

/// Decompresses a raw deflate stream (RFC 1951): stored, fixed- and dynamic-Huffman blocks.
private struct Inflater {
    let input: [UInt8]
    var position: Int
    var bitBuffer = 0
    var bitCount = 0
    var output: [UInt8] = []

    /// A canonical Huffman code: how many codes of each length, and symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
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
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

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
            case 1: try codes(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2: try dynamic()
            default: throw PNGImage.Invalid(description: "bad deflate block type")
            }
        }
        return output
    }

    mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            guard position < input.count else { throw PNGImage.Invalid(description: "deflate data ran out") }
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
        guard position + 4 <= input.count else { throw PNGImage.Invalid(description: "short stored block") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        position += 4
        guard position + length <= input.count else { throw PNGImage.Invalid(description: "short stored block") }
        output.append(contentsOf: input[position..<position + length])
        position += length
    }

    mutating func decode(_ code: Huffman) throws -> Int {
        var value = 0, first = 0, index = 0
        for length in 1...15 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - count < first {
                return code.symbols[index + value - first]
            }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw PNGImage.Invalid(description: "bad Huffman code")
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
                guard index < Self.lengthBase.count else { throw PNGImage.Invalid(description: "bad length") }
                let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
                let distanceSymbol = try decode(distances)
                guard distanceSymbol < Self.distanceBase.count else { throw PNGImage.Invalid(description: "bad distance") }
                let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
                guard distance <= output.count else { throw PNGImage.Invalid(description: "distance too far back") }
                let start = output.count - distance
                for i in 0..<length {
                    output.append(output[start + i])
                }
            }
        }
    }

    mutating func dynamic() throws {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount {
            codeLengths[Self.codeLengthOrder[i]] = try bits(3)
        }
        let lengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw PNGImage.Invalid(description: "repeat with no length") }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
            case 17:
                lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
            default:
                lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw PNGImage.Invalid(description: "too many lengths") }
        try codes(
            literals: Huffman(lengths: Array(lengths[0..<literalCount])),
            distances: Huffman(lengths: Array(lengths[literalCount...]))
        )
    }

    static let fixedLiterals = Huffman(
        lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
            + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)
    )
    static let fixedDistances = Huffman(lengths: Array(repeating: 5, count: 30))
}
