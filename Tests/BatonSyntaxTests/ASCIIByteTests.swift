@testable import BatonSyntax
import Testing

/// The byte classes the lexer and the parallel parse's cuts share, checked against Unicode's
/// own answer for every byte.
@Suite struct ASCIIByteTests {
    @Test func everyByteIsClassedAsUnicodeSays() {
        for value in 0...255 {
            let byte = UInt8(value)
            let scalar = Unicode.Scalar(byte)
            let letter = scalar.isASCII && scalar.properties.isAlphabetic
            let digit = scalar.isASCII && scalar.properties.numericType == .decimal
            #expect(ASCIIByte.isLetter(byte) == letter, "byte \(value)")
            #expect(ASCIIByte.isDigit(byte) == digit, "byte \(value)")
            #expect(ASCIIByte.isNameStart(byte) == (letter || byte == UInt8(ascii: "_")), "byte \(value)")
            #expect(ASCIIByte.isNameContinue(byte) == (letter || digit || byte == UInt8(ascii: "_")), "byte \(value)")
            #expect(ASCIIByte.isNameContinueOrDash(byte) == (letter || digit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")),
                    "byte \(value)")
        }
    }
}
