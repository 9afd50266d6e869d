import BatonModel
import BatonSyntax

/// Runs the rules over one compilation.
public enum Checker {
    /// Compile errors alone when the compilation has any (rules need a meaningful model);
    /// otherwise every enabled rule's findings at their configured severity, less the suppressed
    /// ones, plus `unused-suppression` findings. Sorted in source order. `threads` > 1 lets the
    /// rules of a large design run side by side (the result is the same for any number).
    public static func check(_ compilation: Compilation, configuration: Configuration = .defaults, threads: Int = 1) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        return check(compilation, context: CheckContext(compilation), configuration: configuration, threads: threads)
    }

    /// The same with a context already made: `CheckContext(compilation)` offers fixes,
    /// `CheckContext(compilation.model)` does not, which is cheaper when nobody applies them
    /// (`baton diff` compares findings, and shares the context with the metrics).
    public static func check(_ compilation: Compilation, context: CheckContext, configuration: Configuration = .defaults,
                             threads: Int = 1) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        var lists = ruleLists(context, configuration: configuration, threads: threads)
        return finished(compilation, merged(&lists, threads: threads), fixSource: context.fixSource, configuration: configuration)
    }

    /// The same with a context nobody else needs, freed as soon as the rules have run (what
    /// `baton check` does; a long-running caller, such as the language server, would only take
    /// the pages back on its next check). On a large design its memory then holds the merged
    /// findings instead of new pages (a 4 MB design's context is 5 MB, its findings 4 MB): the
    /// memory of the context and, after the merge, of the rules' own lists is handed back to
    /// the system (`FreedMemory`), or the threads that allocate next would take new pages
    /// beside it. With more than one thread, the context is freed before the lists are merged
    /// (whose result can then take its memory), and what is left of its pages is handed back on
    /// another thread while this one merges; that thread then merges too
    /// (`merged(_:threads:first:)`).
    ///
    /// `inLargePages`: the design is checked in 2 MB pages (`HugePages`). Its context's pages
    /// then go back to the system before the merge starts rather than beside it: the result
    /// would otherwise be put in a new large page, counted whole, before the context's pages
    /// were gone. A 1 MB design's peak: 0.6–1.4 MB lower, in the same time (sets of 30
    /// alternating pairs of each shape).
    public static func check(_ compilation: Compilation, releasing context: consuming CheckContext,
                             configuration: Configuration = .defaults, threads: Int = 1,
                             inLargePages: Bool = false) -> [Diagnostic] {
        if compilation.hasErrors { return compilation.diagnostics }
        let fixSource = context.fixSource
        let large = context.model.interactions.count >= parallelThreshold
        var lists = ruleLists(context, configuration: configuration, threads: threads)
        // Freed here, before the merge makes room for its result, which can then take the
        // context's memory; with more than one thread, the other one hands what is left of it
        // back to the system before it starts merging too (or this one, first, in large pages).
        _ = consume context
        let returnedFirst = large && inLargePages
        if returnedFirst { FreedMemory.returnToSystem() }
        let diagnostics = merged(&lists, threads: threads, first: large && !returnedFirst ? FreedMemory.returnToSystem : nil)
        lists = []
        if large { FreedMemory.returnToSystem() }
        return finished(compilation, consume diagnostics, fixSource: fixSource, configuration: configuration)
    }

    /// The rules' merged findings after the compiler's warnings, less the suppressed ones, plus
    /// `unused-suppression` findings, in source order. Consumed, so the array is changed in
    /// place rather than copied.
    private static func finished(_ compilation: Compilation, _ diagnostics: consuming [Diagnostic], fixSource: FixSource?,
                                 configuration: Configuration) -> [Diagnostic] {
        // The compiler's warnings (rarely any) go first; the rules' findings are not copied
        // into another array when there are none.
        if !compilation.diagnostics.isEmpty { diagnostics = compilation.diagnostics + diagnostics }
        var suppressions = Suppressions(compilation, fixSource: fixSource)
        diagnostics = suppressions.filter(diagnostics)
        diagnostics += suppressions.problems(severity: configuration.severity(of: UnusedSuppression.descriptor),
                                             configuration: configuration, source: fixSource)
        putInSourceOrder(&diagnostics)
        return diagnostics
    }

    /// `diagnostics.sort(by: Diagnostic.sourceOrder)`, stable, sorting positions rather than
    /// diagnostics: a diagnostic is a large value, and a merge sort of a hundred thousand moved
    /// each of them (retaining and releasing its texts) many times. The sorted order is then
    /// applied in place, one cycle of the permutation at a time, by swapping the diagnostics'
    /// memory: no diagnostic is copied, and no second array of them is made.
    static func putInSourceOrder(_ diagnostics: inout [Diagnostic]) {
        guard !Diagnostic.areInSourceOrder(diagnostics) else { return }
        sort(&diagnostics, spans: diagnostics.map(\.span), by: Diagnostic.sourceOrder)
    }

    /// The same for one rule's findings: by span, then message.
    static func putInSourceOrder(_ findings: inout [Finding]) {
        guard !Finding.areInSourceOrder(findings) else { return }
        sort(&findings, spans: findings.map(\.span), by: Finding.sourceOrder)
    }

    /// `elements` (whose spans are `spans`) stably sorted by source order, ties decided by
    /// `before`, which reads the elements in place: they are compared only at the same span,
    /// and the spans from an array of their own.
    private static func sort<Element>(_ elements: inout [Element], spans: [Span],
                                      by before: (UnsafeBufferPointer<Element>, Int, UnsafeBufferPointer<Element>, Int) -> Bool) {
        let order = elements.withUnsafeBufferPointer { buffer in
            spans.indices.sorted { a, b in
                if spans[a] != spans[b] { return Span.sourceOrder(spans[a], spans[b]) }
                if before(buffer, a, buffer, b) { return true }
                return !before(buffer, b, buffer, a) && a < b
            }
        }
        apply(order, to: &elements)
    }

    /// Puts `elements` in `order` (position k is to hold the element now at order[k]) in place,
    /// one cycle of the permutation at a time. Following a cycle from `start`, each swap puts
    /// the right element at k and moves the one from `start` along to the next position of
    /// the cycle, where it belongs when the cycle closes.
    private static func apply<Element>(_ order: [Int], to elements: inout [Element]) {
        var placed = [Bool](repeating: false, count: order.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var position = start
                while true {
                    placed[position] = true
                    let next = order[position]
                    if next == start { break }
                    buffer.swapAt(position, next)
                    position = next
                }
            }
        }
    }

    /// Designs with fewer interactions than this run their rules on the calling thread alone:
    /// their rules take less time than starting a thread.
    public static let parallelThreshold = 2_000

    /// The findings of every enabled rule, unsuppressed, in source order (ties in rule order:
    /// the stable sort of the rules' lists one after another). With the source text
    /// (`context.fixSource`), each finding's fixes end with one that suppresses it. On a design
    /// of `parallelThreshold` interactions or more, `threads` > 1 runs the rules side by side
    /// (`ParallelWork`): the findings are the same list in the same order.
    public static func lint(_ context: CheckContext, configuration: Configuration = .defaults,
                            rules: [any Rule] = Rules.all, threads: Int = 1) -> [Diagnostic] {
        var lists = ruleLists(context, configuration: configuration, rules: rules, threads: threads)
        return merged(&lists, threads: threads)
    }

    /// The findings of each enabled rule, a list per rule in rule order, each in source order.
    private static func ruleLists(_ context: CheckContext, configuration: Configuration,
                                  rules: [any Rule] = Rules.all, threads: Int) -> [RuleFindings] {
        let enabled = rules.compactMap { rule -> EnabledRule? in
            let descriptor = rule.descriptor
            let severity = configuration.severity(of: descriptor)
            guard severity != .off else { return nil }
            return EnabledRule(rule: rule, id: descriptor.id, severity: severity, options: configuration.options(of: descriptor))
        }
        let threads = context.model.interactions.count >= parallelThreshold ? threads : 1
        // Started costliest first, so that no long rule is left running alone at the end while
        // the other threads wait (on one thread the order makes no difference); the lists, each
        // sorted where it was made, are put back in rule order.
        let order = schedule(enabled.map(\.id))
        var started = ParallelWork.map(count: enabled.count, jobs: threads) { slot in
            Checker.findings(of: enabled[order[slot]], context: context)
        }
        var found = [RuleFindings](repeating: RuleFindings(findings: [], code: "", severity: .off), count: enabled.count)
        for (slot, index) in order.enumerated() { swap(&found[index], &started[slot]) }
        return found
    }

    /// The rules that take longest on large designs, longest first: on generated designs of 1
    /// and 4 MB, `missing-timeout` took a fifth of all the rules' time, and these nine together
    /// four fifths. Started in this order, a long rule is never the last one running while the
    /// other threads wait (with the catalog's order, `fan-out` ran alone at the end, a tenth of
    /// the rules' time on 1 MB). Only the order of the work changes, never the findings.
    static let costliestFirst = [
        MissingTimeout.descriptor.id, CallbackWithoutRegistration.descriptor.id, SyncCycle.descriptor.id,
        TimeoutInversion.descriptor.id, FanOut.descriptor.id, DuplicateDelivery.descriptor.id,
        RetryWithoutIdempotency.descriptor.id, RetryWithoutBackoff.descriptor.id, ExternalWithoutBreaker.descriptor.id,
    ]

    /// The order in which to start the rules `ids` (given in catalog order), as their indices:
    /// those of `costliestFirst` in its order, then the others in catalog order.
    static func schedule(_ ids: [String]) -> [Int] {
        let costly = costliestFirst.compactMap { ids.firstIndex(of: $0) }
        return costly + ids.indices.filter { !costly.contains($0) }
    }

    /// One rule's findings in source order, and what makes them diagnostics. They stay
    /// findings until the merge (a finding is 64 bytes, a diagnostic 80: on a large design the
    /// lists are held with everything else when the rules finish, the memory's peak).
    struct RuleFindings: Sendable {
        var findings: [Finding]
        var code: String
        var severity: Severity
    }

    /// A rule that runs, with what the configuration says about it.
    private struct EnabledRule: Sendable {
        var rule: any Rule
        var id: String
        var severity: Severity
        var options: RuleOptionValues
    }

    /// One rule's findings, each told where the comment that suppresses it goes, in source
    /// order.
    private static func findings(of enabled: EnabledRule, context: CheckContext) -> RuleFindings {
        var findings = enabled.rule.check(context, options: enabled.options)
        // Read once: each read of the context's copy retained and released everything it holds.
        if let source = context.fixSource {
            // A rule meets its findings mostly in source order: each statement is looked for
            // from the last one's.
            var hint = -1
            for index in findings.indices {
                if let start = source.suppressionLineStart(containing: findings[index].span, from: &hint) {
                    findings[index].suppressionLineStart = start
                }
            }
        }
        // Sorted here, on the rule's thread, for `merged` (most rules find in source order).
        putInSourceOrder(&findings)
        // Held until the merge ends: room the list grew into and does not use is given back.
        findings.fitRoom(leaving: .placeholder)
        return RuleFindings(findings: findings, code: enabled.id, severity: enabled.severity)
    }
}
