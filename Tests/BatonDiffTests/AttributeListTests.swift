@testable import BatonDiff
import Testing

/// The sparse attribute list a diff compares elements with: values set in any order come out
/// in the keys' order, and two lists differ exactly where one declares what the other does not
/// or declares it otherwise.
@Suite struct AttributeListTests {
    static let keys = ["flow", "inside", "in", "timeout", "retries", "backoff"]

    static func list(_ values: [Int: String]) -> AttributeList {
        var list = AttributeList(keys: keys)
        // Set in reverse order of position: the list keeps them in the keys' order.
        for position in values.keys.sorted(by: >) { list.set(position, values[position]) }
        return list
    }

    @Test func valuesComeOutInTheKeysOrder() {
        let list = Self.list([4: "3", 0: "Checkout", 3: "2s"])
        #expect(list.values.map(\.position) == [0, 3, 4])
        #expect(list.entries.map(\.key) == Self.keys)
        #expect(list.entries.map(\.value) == ["Checkout", nil, nil, "2s", "3", nil])
    }

    @Test func settingAgainReplacesAndNilLeavesUndeclared() {
        var list = Self.list([0: "Checkout", 4: "3"])
        list.set(4, "5")
        list.set(1, nil)
        #expect(list.entries.map(\.value) == ["Checkout", nil, nil, nil, "5", nil])
    }

    @Test func changesAreTheDifferingKeysInOrder() {
        let old = Self.list([0: "Checkout", 3: "2s", 4: "3"])
        let new = Self.list([0: "Checkout", 2: "loop ×3", 4: "2", 5: "exponential"])
        #expect(new.changes(from: old) == [
            AttributeChange(key: "in", old: nil, new: "loop ×3"),
            AttributeChange(key: "timeout", old: "2s", new: nil),
            AttributeChange(key: "retries", old: "3", new: "2"),
            AttributeChange(key: "backoff", old: nil, new: "exponential"),
        ])
        #expect(!new.equals(old))
        #expect(old.changes(from: old).isEmpty)
        #expect(old.equals(Self.list([4: "3", 3: "2s", 0: "Checkout"])))
        #expect(old.flat == Self.list([4: "3", 3: "2s", 0: "Checkout"]).flat)
        #expect(old.flat != new.flat)
    }

    @Test func aListWrittenOutKeepsOnlyTheDeclaredValues() {
        let list: AttributeList = [("label", nil), ("owner", "payments"), ("members", "A, B")]
        #expect(list.keys == ["label", "owner", "members"])
        #expect(list.values.map(\.position) == [1, 2])
        #expect(ElementAttributes.declared(list, added: true) == [
            AttributeChange(key: "owner", old: nil, new: "payments"), AttributeChange(key: "members", old: nil, new: "A, B"),
        ])
    }
}
