/// Reserved words: they can never be participant or group names (docs/language.md#names).
public enum Keyword: String, Sendable, CaseIterable {
    case title, `import`, client, service, external, queue, topic, store, driver, group
    case flow, loop, opt, alt, `else`, par, and, note, over, unbounded, scenario
}

extension Keyword {
    /// The keyword spelled by `bytes[start..<end]`, if any, read from the bytes: the lexer asks
    /// this of every word, and most words are names, which start with a capital letter or are
    /// not spelled like any keyword — so no string is made to find that out.
    static func spelled(by bytes: [UInt8], from start: Int, to end: Int) -> Keyword? {
        let count = end - start
        guard count >= 2, count <= 9, start >= 0, end <= bytes.count else { return nil }
        func matches(_ keyword: Keyword, _ spelling: StaticString) -> Keyword? {
            guard spelling.utf8CodeUnitCount == count else { return nil }
            let letters = spelling.utf8Start
            for index in 1..<count where letters[index] != bytes[start + index] { return nil }
            return keyword
        }
        switch bytes[start] {
        case UInt8(ascii: "a"): return matches(.alt, "alt") ?? matches(.and, "and")
        case UInt8(ascii: "c"): return matches(.client, "client")
        case UInt8(ascii: "d"): return matches(.driver, "driver")
        case UInt8(ascii: "e"): return matches(.else, "else") ?? matches(.external, "external")
        case UInt8(ascii: "f"): return matches(.flow, "flow")
        case UInt8(ascii: "g"): return matches(.group, "group")
        case UInt8(ascii: "i"): return matches(.import, "import")
        case UInt8(ascii: "l"): return matches(.loop, "loop")
        case UInt8(ascii: "n"): return matches(.note, "note")
        case UInt8(ascii: "o"): return matches(.opt, "opt") ?? matches(.over, "over")
        case UInt8(ascii: "p"): return matches(.par, "par")
        case UInt8(ascii: "q"): return matches(.queue, "queue")
        case UInt8(ascii: "s"): return matches(.service, "service") ?? matches(.store, "store") ?? matches(.scenario, "scenario")
        case UInt8(ascii: "t"): return matches(.title, "title") ?? matches(.topic, "topic")
        case UInt8(ascii: "u"): return matches(.unbounded, "unbounded")
        default: return nil
        }
    }
}
