import Foundation
import BatonTestSupport
import Testing

import BatonRender

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST example messages (also in RFC 6234).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (  // 448 bits: the padding no longer fits in the block, so a second block is needed.
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (  // 896 bits
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func fipsVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(message) == digest)
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func oneMillionAs() {
        let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(SHA256.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestIs32Bytes() {
        #expect(SHA256.hash([UInt8]()).count == SHA256.digestSize)
        #expect(SHA256.hexDigest("x").count == 64)
    }

    @Test func hexDigestHashesUTF8() {
        let text = "Zahlungsdienst → 支付 😀"
        #expect(SHA256.hexDigest(text) == SHA256.hex(SHA256.hash(Array(text.utf8))))
        #expect(SHA256.hexDigest(text) == SHA256.hexDigest(text))
    }

    @Test func piecewiseUpdatesMatchOneShot() {
        let message = Self.bytes(count: 1000, seed: 7)
        let expected = SHA256.hash(message)
        for pieceSize in [1, 3, 55, 63, 64, 65, 127, 500] {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                let end = min(start + pieceSize, message.count)
                hasher.update(message[start..<end])
                start = end
            }
            #expect(hasher.finalize() == expected, "pieces of \(pieceSize)")
        }
    }

    @Test func nonContiguousSequencesMatchArrays() {
        let lazy = (0..<10_000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(SHA256.hash(lazy) == SHA256.hash(Array(lazy)))
    }

    /// Lengths around the block and padding boundaries, and a few larger ones, compared with
    /// coreutils on pseudo-random bytes (seeded, so a failure reproduces).
    @Test(.requires(program: "sha256sum"), arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_003])
    func matchesSha256sum(length: Int) throws {
        let sha256sum = try ExternalProgram.require("sha256sum", package: "coreutils")
        let message = Self.bytes(count: length, seed: UInt64(length) &+ 1)
        let output = try sha256sum.run([], input: Data(message))
        try #require(output.status == 0, "sha256sum failed: \(output.standardError)")
        let printed = String(decoding: output.standardOutput, as: UTF8.self)
        #expect(printed.split(separator: " ").first.map(String.init) == SHA256.hex(SHA256.hash(message)))
    }

    /// `count` pseudo-random bytes from SplitMix64.
    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            bytes.append(UInt8(truncatingIfNeeded: z ^ (z >> 31)))
        }
        return bytes
    }
}
