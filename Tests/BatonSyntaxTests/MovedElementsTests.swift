@testable import BatonSyntax
import Testing

/// Elements moved between arrays, or freed where they are on two threads, are each freed
/// exactly once, and nothing they hold is copied on the way.
@Suite struct MovedElementsTests {
    /// Says in the log, by its number, when it is freed.
    final class Numbered: Sendable {
        let number: Int
        let log: LockedList<Int>
        init(_ number: Int, _ log: LockedList<Int>) {
            self.number = number
            self.log = log
        }
        deinit { log.add(number) }
    }

    @Test func appendingByMovingKeepsTheOrderAndFreesNothing() {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var first = (1...3).map { Numbered($0, log) }
        var second = (4...9).map { Numbered($0, log) }
        first.append(moving: &second, leaving: placeholder)
        #expect(second.isEmpty)
        #expect(first.map(\.number) == Array(1...9))
        // Moved, not copied: the array is each element's only owner, and nobody was freed (the
        // placeholders left behind were dropped with `second`, the placeholder itself is held here).
        for index in first.indices { #expect(isKnownUniquelyReferenced(&first[index])) }
        #expect(log.all.isEmpty)
        first = []
        #expect(log.all.sorted() == Array(1...9))
    }

    /// Half the moving on a partner's thread: the same order, each element still moved (not
    /// copied, nothing freed), the partner's own work done too, and every count split alike.
    @Test(arguments: [1, 2, 7, 1000])
    func appendingByMovingWithAPartner(count: Int) {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var first = [Numbered(-1, log)]
        var second = (1...count).map { Numbered($0, log) }
        let partner = Partner<String, Void>({ "scanned" })
        first.append(moving: &second, leaving: placeholder, sharingWith: partner)
        #expect(second.isEmpty)
        #expect(first.map(\.number) == [-1] + Array(1...count))
        for index in first.indices { #expect(isKnownUniquelyReferenced(&first[index])) }
        #expect(log.all.isEmpty)
        #expect(partner.finish().first == "scanned")
        first = []
        #expect(log.all.sorted() == [-1] + Array(1...count))
    }

    @Test func appendingNothingOrToNothing() {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var empty: [Numbered] = []
        var some = [Numbered(1, log)]
        some.append(moving: &empty, leaving: placeholder)
        #expect(some.map(\.number) == [1])
        empty.append(moving: &some, leaving: placeholder)
        #expect(empty.map(\.number) == [1])
        #expect(some.isEmpty)
        #expect(log.all.isEmpty)
    }

    /// Room fitted to the elements only when more than an eighth of it is unused; either way
    /// the elements stay in order, moved rather than copied, and nothing is freed.
    @Test(arguments: [(appended: 600, extra: 0), (appended: 1025, extra: 0), (appended: 100, extra: 6)])
    func fittingRoomMovesOnlyWhenMuchIsUnused(appended: Int, extra: Int) {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var elements: [Numbered] = []
        if extra > 0 { elements.reserveCapacity(appended + extra) }
        for number in 1...appended { elements.append(Numbered(number, log)) }
        let unused = elements.capacity - elements.count
        elements.fitRoom(leaving: placeholder)
        #expect(elements.map(\.number) == Array(1...appended))
        if unused > appended / 8 {
            #expect(elements.capacity - elements.count <= appended / 8)
        } else {
            #expect(elements.capacity - elements.count == unused)
        }
        for index in elements.indices { #expect(isKnownUniquelyReferenced(&elements[index])) }
        #expect(log.all.isEmpty)
        elements = []
        #expect(log.all.sorted() == Array(1...appended))
    }

    /// An empty array's room is given back whole; an array without room is left as it is.
    @Test func fittingRoomOfAnEmptyArray() {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var roomy: [Numbered] = []
        roomy.reserveCapacity(64)
        roomy.fitRoom(leaving: placeholder)
        #expect(roomy.isEmpty)
        #expect(roomy.capacity == 0)
        var bare: [Numbered] = []
        bare.fitRoom(leaving: placeholder)
        #expect(bare.isEmpty)
        #expect(log.all.isEmpty)
    }

    @Test(arguments: [0, 1, 37, 99, 100, 250])
    func freeingInTwoFreesEachElementOnce(middle: Int) {
        let log = LockedList<Int>()
        let placeholder = Numbered(0, log)
        var elements = (1...100).map { Numbered($0, log) }
        elements.freeInTwo(at: middle, leaving: placeholder)
        #expect(elements.isEmpty)
        // Every element once, and not the placeholder, which is still held here.
        #expect(log.all.sorted() == Array(1...100))
        #expect(placeholder.number == 0)
    }
}
