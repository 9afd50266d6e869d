import BatonSyntax
import Testing

/// `FixEdits` reads as the array of edits it replaced — count, indices, order, equality and
/// hash — whether it holds no edit, one inline, or several in an array.
@Suite struct FixEditsTests {
    /// Edits in source order: `count` insertions in file 0 at offsets 0, 10, 20, …
    static func inOrder(_ count: Int) -> [TextEdit] {
        (0..<count).map { .insert("edit \($0)", at: $0 * 10, in: FileID(0)) }
    }

    @Test(arguments: 0...3)
    func readsAsTheArrayItWasMadeFrom(count: Int) {
        let array = Self.inOrder(count)
        let edits = FixEdits(array)
        #expect(edits.count == count)
        #expect(edits.isEmpty == (count == 0))
        #expect(edits.indices == 0..<count)
        #expect(edits.startIndex == 0 && edits.endIndex == count)
        #expect(Array(edits) == array)
        #expect(edits.indices.map { edits[$0] } == array, "subscripts read the same edits as iterating")
        #expect(edits.first == array.first && edits.last == array.last)
        #expect(Array(edits.reversed()) == Array(array.reversed()))
        #expect(edits.map(\.replacement) == array.map(\.replacement))
    }

    @Test(arguments: 0...3)
    func equalsAndHashesAsTheArrayDoes(count: Int) {
        let array = Self.inOrder(count)
        let edits = FixEdits(array)
        #expect(edits == FixEdits(array[...]), "made from a sequence")
        #expect(edits.hashValue == array.hashValue)
        #expect(Fix("f", safety: .safe, edits: array).hashValue == Fix("f", safety: .safe, edits: edits).hashValue)
        // Every other count is unequal; so is the same count with one edit changed.
        for other in 0...3 where other != count {
            #expect(edits != FixEdits(Self.inOrder(other)))
        }
        if count > 0 {
            var changed = array
            changed[count - 1].replacement = "changed"
            #expect(edits != FixEdits(changed))
            #expect(Fix("f", safety: .safe, edits: array) != Fix("f", safety: .safe, edits: changed))
        }
    }

    @Test func theWaysToMakeOneAgree() {
        let edit = TextEdit.insert("x", at: 3, in: FileID(1))
        let second = TextEdit.insert("y", at: 4, in: FileID(1))
        #expect(FixEdits() == [])
        #expect(FixEdits() == FixEdits([TextEdit]()))
        #expect(FixEdits(edit) == [edit])
        #expect(FixEdits(edit) == FixEdits([edit]))
        #expect(FixEdits([edit, second]) == [edit, second])
        #expect(Fix("f", safety: .unsafe, edit: edit) == Fix("f", safety: .unsafe, edits: [edit]))
        #expect(Fix("f", safety: .unsafe, edit: edit, isSuppression: true) != Fix("f", safety: .unsafe, edit: edit))
    }

    @Test func editsGivenOutOfOrderAreSortedStably() {
        let a = TextEdit.insert("a", at: 0, in: FileID(0))
        let b1 = TextEdit.insert("b1", at: 5, in: FileID(0))
        let b2 = TextEdit.insert("b2", at: 5, in: FileID(0))
        let c = TextEdit(Span(file: FileID(0), start: 5, end: 7), "c")
        let d = TextEdit.insert("d", at: 0, in: FileID(1))
        #expect(Array(FixEdits([d, c, b1, a, b2])) == [a, b1, b2, c, d])
        #expect(Array(FixEdits([b2, b1])) == [b2, b1], "edits at one place keep the order given")
        #expect(FixEdits([c, a]) == FixEdits([a, c]))
        #expect(Array(FixEdits([c, a, b1])) == [a, b1, c])
        #expect(Fix("f", safety: .safe, edits: [c, a]).edits == [a, c])
    }

    /// Printed as the array of edits (as `Fix` printed before), so failures read the same.
    @Test func printsAsAnArray() {
        let array = Self.inOrder(2)
        #expect(String(describing: FixEdits(array)) == String(describing: array))
        #expect(String(reflecting: FixEdits(array)) == String(reflecting: array))
        #expect(String(describing: FixEdits()) == "[]")
        let fix = Fix("f", safety: .safe, edits: array)
        #expect(String(describing: fix).contains("edits: \(array)"))
    }

    /// The point of the type: one edit takes the room of the edit itself and a byte saying which
    /// case it is, and no heap block of its own.
    @Test func oneEditIsHeldInline() {
        #expect(MemoryLayout<FixEdits>.size <= MemoryLayout<TextEdit>.size + 1)
        #expect(MemoryLayout<Fix>.stride <= 48)
    }

    /// A large design's findings each hold a diagnostic and an array of fixes: the fields are
    /// in an order that wastes no word on padding (an edit's text before its span, a
    /// diagnostic's suppression offset and severity after its span).
    @Test func findingsTakeNoPadding() {
        #expect(MemoryLayout<TextEdit>.size == 28)
        #expect(MemoryLayout<Diagnostic>.stride <= 88)
    }
}
