import Baton
import Foundation
@testable import BatonCheck
import BatonModel
import BatonSyntax
import BatonWorkload
import Testing

/// Rules run side by side on a large design give the same findings, in the same order, as one
/// after another: the report must not depend on the number of threads.
@Suite struct ParallelRulesTests {
    @Test(arguments: [1, 2] as [UInt64])
    func threadsChangeNothing(seed: UInt64) {
        // Just past the size at which the rules run side by side (a debug build is slow).
        let source = DesignGenerator.design(bytes: 160_000, seed: seed)
        let compilation = Baton.compile(source: source, path: "generated.baton")
        #expect(!compilation.hasErrors)
        #expect(compilation.model.interactions.count >= Checker.parallelThreshold)
        let alone = Checker.check(compilation, threads: 1)
        #expect(alone.count > 100)
        for threads in [2, 5] {
            #expect(Checker.check(compilation, threads: threads) == alone)
        }
        // A context freed before the rules' lists are merged, its memory handed back to the
        // system (what `baton check` does), gives the same findings.
        #expect(Checker.check(compilation, releasing: CheckContext(compilation), threads: 2) == alone)
        // And so does one whose memory goes back before the merge rather than beside it (a
        // design checked in large pages), on one thread or two.
        for threads in [1, 2] {
            #expect(Checker.check(compilation, releasing: CheckContext(compilation), threads: threads, inLargePages: true) == alone)
        }
    }

    /// A large design's derived facts made half on each thread are those made on one, and its
    /// syntax tree freed in two halves, one on each thread, leaves the findings as they were.
    @Test func twoThreadsMakeTheSameContextAndFreeTheTree() throws {
        // Past the size at which a tree is freed on two threads.
        // With a dead-letter queue and a reply channel, which the generator does not write.
        let source = DesignGenerator.design(bytes: 300_000, seed: 3) + """

            queue Failed [ttl=24h]
            queue Requests [ttl=1h, dlq=Failed]
            queue Replies [ttl=1h]
            service Asker [timeout=1s]
            Asker ->> Requests : ask [reply-to=Replies, correlation=id]

            """
        var compilation = Baton.compile(source: source, path: "generated.baton")
        #expect(compilation.diagnostics.map(\.message) == [])
        let fixSource = FixSource(compilation)
        let one = CheckContext(compilation.model, fixSource: fixSource, threads: 1)
        let two = CheckContext(compilation.model, fixSource: fixSource, threads: 2)
        #expect(two.initiated == one.initiated)
        #expect(two.received == one.received)
        #expect(two.syncParent == one.syncParent)
        #expect(two.syncDepth == one.syncDepth)
        #expect(two.namedByAttribute == one.namedByAttribute)
        #expect(two.isDeadLetterChannel == one.isDeadLetterChannel)
        // Both as defined, from the model alone.
        let model = compilation.model
        for participant in model.participants.indices {
            let id = ParticipantID(participant)
            #expect(one.initiated[participant] == model.interactions.indices.filter { model.interactions[$0].from == id }.map(InteractionID.init))
            #expect(one.received[participant] == model.interactions.indices.filter { model.interactions[$0].to == id }.map(InteractionID.init))
        }
        for interaction in model.interactions.indices {
            // The sync calls above it, up to the first asynchronous one.
            var depth = model.interactions[interaction].arrow.isSynchronous ? 1 : 0
            var parent: InteractionID?
            var up = model.interactions[interaction].parent
            if let first = up, model.interactions[first.rawValue].arrow.isSynchronous { parent = first }
            while depth > 0, let above = up, model.interactions[above.rawValue].arrow.isSynchronous {
                depth += 1
                up = model.interactions[above.rawValue].parent
            }
            #expect(one.syncParent[interaction] == parent)
            #expect(one.syncDepth[interaction] == depth)
        }
        #expect(one.syncDepth.contains { $0 > 2 })
        let named = model.participants.indices.filter { one.namedByAttribute[$0] }.map { model.participants[$0].name }
        #expect(named == ["Failed", "Replies"])
        #expect(model.participants.indices.filter { one.isDeadLetterChannel[$0] }.map { model.participants[$0].name } == ["Failed"])
        let alone = Checker.check(compilation, context: one, threads: 1)

        // The tree is cut where the bytes its statements span are halved (looked at in a scope
        // of its own, so that nothing here still holds the statements when they are freed).
        do {
            let statements = compilation.syntax[0].statements
            let first = statements[0].span.start
            let half = first + (statements[statements.count - 1].span.start - first) / 2
            let middle = try #require(Compilation.byteMiddle(of: statements))
            #expect(statements[middle - 1].span.start < half && statements[middle].span.start >= half)
            #expect(Compilation.byteMiddle(of: Array(statements.prefix(40))) == nil)
            #expect(Compilation.byteMiddle(of: Array(statements.prefix(1))) == nil)
        }

        let comments = compilation.syntax[0].comments
        compilation.releaseSyntaxTree(threads: 2)
        #expect(compilation.syntax.allSatisfy { $0.statements.isEmpty })
        #expect(compilation.syntax[0].comments == comments)
        #expect(Checker.check(compilation, releasing: two, threads: 2) == alone)
    }

    /// The costliest rules start first, the others follow in catalog order, and every rule
    /// runs once, whichever rules are enabled.
    @Test func theCostliestRulesStartFirst() {
        let all = Rules.all.map(\.descriptor.id)
        let order = Checker.schedule(all)
        #expect(order.sorted() == Array(all.indices))
        #expect(order.prefix(Checker.costliestFirst.count).map { all[$0] } == Checker.costliestFirst)
        let rest = order.dropFirst(Checker.costliestFirst.count)
        #expect(Array(rest) == rest.sorted())
        // Two of the costliest turned off: the others keep their places.
        let some = all.filter { $0 != MissingTimeout.descriptor.id && $0 != FanOut.descriptor.id }
        let someOrder = Checker.schedule(some)
        #expect(someOrder.sorted() == Array(some.indices))
        #expect(someOrder.prefix(7).map { some[$0] }
            == Checker.costliestFirst.filter { $0 != MissingTimeout.descriptor.id && $0 != FanOut.descriptor.id })
        #expect(Checker.schedule([]).isEmpty)
    }

    @Test func resultsComeBackInOrder() {
        for threads in [1, 2, 5, 40] {
            let squares = ParallelWork.map(count: 30, jobs: threads) { $0 * $0 }
            #expect(squares == (0..<30).map { $0 * $0 })
        }
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
    }

    /// However few results the threads may make ahead, every one is consumed once, in order,
    /// and no item starts more than twice the window ahead of what was consumed (the consumer
    /// is the slow side here, so without a window the other thread would run far ahead).
    @Test func aNarrowWindowKeepsTheOrder() {
        final class Progress: @unchecked Sendable {
            let lock = NSLock()
            var consumed = 0
            var furthest = 0
        }
        for ahead in [1, 2, 3] {
            let progress = Progress()
            var consumed: [Int] = []
            ParallelWork.forEach(count: 50, jobs: 2, ahead: ahead, work: { index in
                progress.lock.lock()
                progress.furthest = max(progress.furthest, index + 1 - progress.consumed)
                progress.lock.unlock()
                return index * 3
            }) { index, result in
                #expect(result == index * 3)
                consumed.append(index)
                usleep(300)
                progress.lock.lock()
                progress.consumed = index + 1
                progress.lock.unlock()
            }
            #expect(consumed == Array(0..<50))
            #expect(progress.furthest <= 2 * ahead, "items in flight at once: \(progress.furthest), window \(ahead)")
        }
    }
}
