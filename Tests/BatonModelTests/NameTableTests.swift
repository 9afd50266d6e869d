@testable import BatonModel
import BatonSyntax
import Testing

@Suite struct NameTableTests {
    @Test func findsEveryNameAndNothingElse() {
        var table = NameTable()
        // Enough to grow the table several times, with names that differ in one character.
        let names = (0..<5000).map { "Service\($0)" } + ["", "é", "名前", "A", "a"]
        for (index, name) in names.enumerated() { table.insert(name, value: index) }
        for (index, name) in names.enumerated() { #expect(table[name] == index) }
        for missing in ["Service5000", "service1", "B", "Service", "名"] { #expect(table[missing] == nil) }
    }
}

@Suite struct AttributeSpansTests {
    let first = Span(file: FileID(0), start: 1, end: 2)
    let second = Span(file: FileID(0), start: 5, end: 9)

    @Test func readsAndWritesByKey() {
        var spans: AttributeSpans = [:]
        #expect(spans.isEmpty && spans["timeout"] == nil)
        spans["timeout"] = first
        spans["retries"] = second
        spans["timeout"] = second
        #expect(spans["timeout"] == second && spans["retries"] == second && spans.count == 2)
        #expect(spans.keys == ["timeout", "retries"])
        spans["timeout"] = nil
        #expect(spans["timeout"] == nil && spans.keys == ["retries"])
    }

    @Test func equalAndHashedAlikeInAnyOrder() {
        let one: AttributeSpans = ["a": first, "b": second]
        let other: AttributeSpans = ["b": second, "a": first]
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(one != ["a": first])
        #expect(one != ["a": first, "b": first])
    }
}
