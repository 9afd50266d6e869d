@testable import BatonModel
import BatonSyntax
import BatonWorkload
import Testing

/// Composite availability computed a pass of columns at a time must equal, bit for bit, the
/// product over every dependency that a full reachability set per participant gives.
@Suite struct CompositeAvailabilityTests {
    /// The definition, the quadratic way: every participant's reachable set as a full Bool
    /// array, factors multiplied in ascending participant order.
    static func reference(_ model: Model, graph: SyncGraph) -> (values: [Double], dependencies: [[ParticipantID]]) {
        let count = model.participants.count
        var values: [Double] = []
        var dependencies: [[ParticipantID]] = []
        for start in 0..<count {
            var reached = Array(repeating: false, count: count)
            var stack = graph.successors[start].map(\.rawValue)
            while let next = stack.popLast() {
                guard !reached[next] else { continue }
                reached[next] = true
                stack += graph.successors[next].map(\.rawValue)
            }
            reached[start] = false
            var product = model.participants[start].attributes.availability ?? 1
            for member in 0..<count where reached[member] {
                product *= model.participants[member].attributes.availability ?? 1
            }
            values.append(product)
            dependencies.append((0..<count).filter { reached[$0] }.map(ParticipantID.init))
        }
        return (values, dependencies)
    }

    /// A random design: some availabilities declared (100% among them), sync calls forming
    /// chains, cycles and self-calls, and async sends that must not count.
    static func randomDesign(seed: UInt64, participants: Int, calls: Int) -> String {
        var random = SplitMix64(seed: seed)
        let levels = ["99.9%", "99.95%", "100%", "97.3%", "99.999%", "50%", "99.5%"]
        var lines: [String] = []
        for index in 0..<participants {
            lines.append(random.chance(0.4) ? "service P\(index) [availability=\(random.pick(levels))]" : "service P\(index)")
        }
        for call in 0..<calls {
            let from = random.below(participants)
            let to = random.chance(0.7) ? random.below(participants) : from
            lines.append("P\(from) \(random.chance(0.8) ? "->" : "->>") P\(to) : c\(call)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [(1, 12, 30), (2, 40, 90), (3, 150, 400), (4, 300, 300), (5, 90, 600)])
    func passesOfColumnsGiveExactlyTheFullProduct(seed: UInt64, participants: Int, calls: Int) {
        let model = compileClean(Self.randomDesign(seed: seed, participants: participants, calls: calls))
        let graph = SyncGraph(model)
        let expected = Self.reference(model, graph: graph)
        for columnsPerPass in [1, 3, 64, 65, CompositeAvailability.columnsPerPass] {
            let availability = CompositeAvailability(model, graph: graph, columnsPerPass: columnsPerPass)
            #expect(availability.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "\(columnsPerPass) columns per pass")
        }
        let availability = CompositeAvailability(model, graph: graph)
        #expect(model.participants.map { availability.dependencies(of: $0.id) } == expected.dependencies)
    }

    @Test func withoutDeclaredAvailabilityEverythingIsFull() {
        let model = compileClean("service A\nservice B\nA -> B : x\nB -> A : y\n")
        let availability = CompositeAvailability(model, graph: SyncGraph(model))
        #expect(availability.values == [1, 1])
        #expect(availability.dependencies(of: model.id("A")).map { model[$0].name } == ["B"])
        #expect(availability.dependencies(of: model.id("B")).map { model[$0].name } == ["A"])
    }
}
