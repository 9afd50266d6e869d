// Pass 3 of a large design on two threads: its flows and steps built in parts.
//
// Building the model is the one long stretch of a check that ran on one thread: the other
// thread made the fix index beside it (`beside`), then waited. Here the top-level statements
// are cut into parts of about as many interactions each. This thread takes parts from the
// front, the other (a `Partner`, which started `beside` before passes 1 and 2) from the back
// once `beside` is made, until they meet. Each part writes its
// interactions straight into their places in the model's array: the parser counted the
// interactions before each statement (`ParseResult.interactionsBefore`), so each part knows its
// first interaction id, and the flow of each statement is known from the statements' kinds.
//
// The result must be exactly what building the parts one after the other gives. It is, as
// long as no part finds a problem (diagnostics are reported in statement order, and an
// unresolved name takes no id), so a part that finds one, or keeps other than its planned
// count of interactions, sends the whole pass back to the one-thread build.

import BatonSyntax
import Foundation

extension ModelBuilder {
    /// The parts of a build in parts, and the ids their interactions and flows take.
    struct PartPlan: Sendable {
        /// Indices into the statement order, one range per part, in order.
        var parts: [Range<Int>]
        /// Each part's first interaction id, then the count of all of them.
        var firstInteraction: [Int]
        /// For each statement of the order, the flow it makes or adds to (-1 for none).
        var flows: [Int32]
        /// The flows the pass makes.
        var flowCount: Int
        /// The flow of the top-level steps, and where it starts (its first step).
        var defaultFlow: (id: FlowID, span: Span)?
    }

    /// About how many parts: enough for the two threads to end close together, few enough
    /// that each is worth taking.
    static let partCount = 16

    /// The plan for this builder's flows, after passes 1 and 2 (for tests).
    mutating func partPlan() -> PartPlan? {
        guard !files.isEmpty else { return nil }
        return partPlan(prepare())
    }

    /// The plan for building the flows in parts, or nil when it would not give what one
    /// thread gives, or not worth it: more than one file (each has its default flow and its
    /// own counts), any problem found already, flows named alike (a diagnostic of its own).
    func partPlan(_ order: [StatementPosition]) -> PartPlan? {
        guard files.count == 1, diagnostics.isEmpty, model.flows.isEmpty, order.count >= 2,
              files[0].interactionsBefore.count == files[0].syntax.statements.count,
              files[0].interactionCount >= 2 * Self.partCount else { return nil }
        let before = files[0].interactionsBefore
        let total = files[0].interactionCount
        var flows = [Int32](repeating: -1, count: order.count)
        var flowCount = 0
        var defaultFlow: (id: FlowID, span: Span)?
        var names = Set<String>()
        let statements = files[0].syntax.statements
        for index in order.indices {
            let position = order[index]
            if position.kind == .step {
                if defaultFlow == nil {
                    defaultFlow = (FlowID(flowCount), statements[position.index].span)
                    flowCount += 1
                }
                flows[index] = Int32(truncatingIfNeeded: defaultFlow?.id.rawValue ?? -1)
            } else if position.kind == .flow, case .flow(let flow) = statements[position.index] {
                guard names.insert(flow.name.value).inserted else { return nil }
                flows[index] = Int32(truncatingIfNeeded: flowCount)
                flowCount += 1
            }
        }
        // Cut before the first statement at or past each share of the interactions.
        var cuts = [0]
        var next = 0
        for share in 1..<Self.partCount {
            let target = total * share / Self.partCount
            while next < order.count, Int(before[order[next].index]) < target { next += 1 }
            if next < order.count, let last = cuts.last, next > last { cuts.append(next) }
        }
        cuts.append(order.count)
        guard cuts.count >= 3 else { return nil }
        let parts = (0..<cuts.count - 1).map { cuts[$0]..<cuts[$0 + 1] }
        let firstInteraction = parts.map { Int(before[order[$0.lowerBound].index]) } + [total]
        guard firstInteraction.first == 0, zip(firstInteraction, firstInteraction.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        return PartPlan(parts: parts, firstInteraction: firstInteraction, flows: flows, flowCount: flowCount,
                        defaultFlow: defaultFlow)
    }

    /// Pass 3 in the parts of `plan`, the partner thread taking parts once it has made what it
    /// makes first; one thread's build after all when a part finds a problem.
    mutating func buildFlowsInParts<Beside: Sendable>(_ order: [StatementPosition], plan: PartPlan,
                                                      partner: Partner<Beside, [(Int, PartResult)]>) {
        let total = plan.firstInteraction[plan.parts.count]
        let builder = self
        var results: [PartResult] = []
        model.interactions = Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            results = builder.buildParts(plan, order: order, into: base, partner: partner)
            if results.count == plan.parts.count, results.allSatisfy(\.succeeded) {
                initialized = total
            } else {
                // Undo what the parts kept; the one-thread build below makes it all again.
                for result in results where !result.written.isEmpty {
                    (base + result.written.lowerBound).deinitialize(count: result.written.count)
                }
            }
        }
        guard model.interactions.count == total else {
            model.interactions = []
            buildFlows(order)
            return
        }
        var flows: [Flow?] = Array(repeating: nil, count: plan.flowCount)
        for result in results {
            for flow in result.flows { flows[flow.id.rawValue] = flow }
        }
        if let (id, span) = plan.defaultFlow {
            var steps: [Step] = []
            steps.reserveCapacity(results.reduce(0) { $0 + $1.defaultSteps.count })
            for result in results { steps.append(contentsOf: result.defaultSteps) }
            flows[id.rawValue] = Flow(id: id, name: defaultFlowName(root), description: nil, steps: steps, span: span,
                                      isDefault: true)
        }
        model.flows = flows.compactMap { $0 }
        checkFlowNames()
    }

    /// Every part of `plan`, its interactions into their slots from `base`: this thread takes
    /// parts from the front, the partner from the back once it has made what it makes first.
    /// Returns the parts' results in order.
    private func buildParts<Beside: Sendable>(_ plan: PartPlan, order: [StatementPosition],
                                              into base: UnsafeMutablePointer<Interaction>,
                                              partner: Partner<Beside, [(Int, PartResult)]>) -> [PartResult] {
        let shared = Shared(value: (builder: self, base: base))
        let queue = PartQueue(count: plan.parts.count)
        @Sendable func take(_ next: () -> Int?) -> [(Int, PartResult)] {
            var results: [(Int, PartResult)] = []
            while let index = next() {
                results.append((index, shared.value.builder.buildPart(index, of: plan, order: order, into: shared.value.base)))
            }
            return results
        }
        partner.hand { take(queue.takeBack) }
        let mine = take(queue.takeFront)
        let theirs = partner.finish().later ?? []
        var results: [PartResult?] = Array(repeating: nil, count: plan.parts.count)
        for (index, result) in mine + theirs { results[index] = result }
        return results.compactMap { $0 }
    }

    /// What one part made: its named flows, its top-level steps, the ids it wrote, and
    /// whether it is what the one-thread build would have made.
    struct PartResult {
        var flows: [Flow]
        var defaultSteps: [Step]
        var written: Range<Int>
        var succeeded: Bool
    }

    /// Builds part `index` of `plan`, its interactions into their slots from `base`.
    func buildPart(_ index: Int, of plan: PartPlan, order: [StatementPosition],
                   into base: UnsafeMutablePointer<Interaction>) -> PartResult {
        var builder = self
        let first = plan.firstInteraction[index], end = plan.firstInteraction[index + 1]
        builder.slots = InteractionSlots(base: base, next: first, end: end)
        var flows: [Flow] = []
        var defaultSteps: [Step] = []
        let statements = files[0].syntax.statements
        for statement in plan.parts[index] where order[statement].kind.holdsSteps {
            let flow = FlowID(Int(plan.flows[statement]))
            switch statements[order[statement].index] {
            case .flow(let syntax):
                flows.append(builder.buildFlow(syntax, id: flow))
            case .step(let step):
                builder.buildStep(step, flow: flow, enclosing: nil, into: &defaultSteps)
            default:
                break
            }
        }
        let slots = builder.slots ?? InteractionSlots(base: base, next: first, end: first)
        return PartResult(flows: flows, defaultSteps: defaultSteps, written: first..<min(slots.nextID.rawValue, end),
                          succeeded: builder.diagnostics.isEmpty && builder.undeclaredOrder.isEmpty
                              && slots.nextID.rawValue == end && !slots.overflowed)
    }

    /// Hands the other thread the builder, only read there (each part builds on a copy of it),
    /// and the array's storage, whose slots each part writes its own of.
    struct Shared<Value>: @unchecked Sendable {
        var value: Value
    }

    /// Which parts are left: this thread takes them from the front, the other from the back.
    final class PartQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var front = 0
        private var back: Int

        init(count: Int) {
            back = count - 1
        }

        func takeFront() -> Int? {
            lock.withLock {
                guard front <= back else { return nil }
                front += 1
                return front - 1
            }
        }

        func takeBack() -> Int? {
            lock.withLock {
                guard back >= front else { return nil }
                back -= 1
                return back + 1
            }
        }
    }
}

/// A part's interactions, written into slots of the model's array from `next` up to `end`
/// (the part's planned ids). One past `end` is counted, not written, and marks the part as
/// not what the plan expected.
struct InteractionSlots {
    let base: UnsafeMutablePointer<Interaction>
    private(set) var next: Int
    let end: Int
    private(set) var overflowed = false

    init(base: UnsafeMutablePointer<Interaction>, next: Int, end: Int) {
        self.base = base
        self.next = next
        self.end = end
    }

    var nextID: InteractionID { InteractionID(next) }

    mutating func add(_ interaction: consuming Interaction) {
        if next < end {
            (base + next).initialize(to: consume interaction)
        } else {
            overflowed = true
        }
        next += 1
    }

    /// Whether `id` is a slot this part wrote.
    private func wrote(_ id: InteractionID) -> Bool {
        id.rawValue < min(next, end) && id.rawValue >= 0
    }

    mutating func setBlock(_ steps: [Step], of id: InteractionID) {
        guard wrote(id) else { return }
        (base + id.rawValue).pointee.block = steps
    }

    func interaction(_ id: InteractionID) -> Interaction? {
        wrote(id) ? base[id.rawValue] : nil
    }
}
