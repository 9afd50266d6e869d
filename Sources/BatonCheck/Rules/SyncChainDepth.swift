import BatonModel
import BatonSyntax

/// A sync call tree deeper than `max` interactions.
public struct SyncChainDepth: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    /// How deep a synchronous call chain may go.
    public static let max = RuleOptionKey<Int>("max", summary: "the deepest allowed chain, in interactions", default: 3, minimum: 1)

    public static let descriptor = RuleDescriptor(
        id: "sync-chain-depth",
        defaultSeverity: .warning,
        summary: "a synchronous call chain is deeper than `max` interactions",
        rationale: """
            Every synchronous hop adds its latency to the caller's and multiplies the ways the \
            request can fail: the first caller is only as fast and as available as the slowest, least \
            available participant at the bottom of the chain (temporal coupling). Deep chains also \
            make timeouts impossible to set consistently from the outside in.
            """,
        details: """
            The depth of a sync interaction is the number of sync interactions (`->`, `<-`) on its \
            call-tree path, itself included; fragments are transparent and an async boundary starts a \
            new tree. Fires at each interaction whose depth is exactly `max` + 1 — the one that makes \
            the chain too deep — with a note at the chain's root.
            """,
        options: [max.option],
        triggering: [
            RuleExample("""
                client  App
                service Gateway [timeout=2s]
                service Catalog [timeout=1s]
                service Pricing [timeout=500ms]
                service Tax     [timeout=100ms]
                App -> Gateway : product page {
                  Gateway -> Catalog : product {
                    Catalog -> Pricing : price {
                      ↓Pricing -> Tax : tax rate
                    }
                  }
                }
                """),
            RuleExample("""
                client  App
                service Gateway [timeout=2s]
                service Catalog [timeout=1s]
                App -> Gateway : product page {
                  ↓Gateway -> Catalog : product
                }
                """, options: [max.set(to: 1)]),
        ],
        nonTriggering: [
            RuleExample("""
                client  App
                service Gateway [timeout=2s]
                service Catalog [timeout=1s]
                service Pricing [idempotent]
                service Tax     [timeout=100ms]
                App -> Gateway : product page {
                  Gateway -> Catalog : product {
                    Catalog ->> Pricing : Reprice {
                      Pricing -> Tax : tax rate
                    }
                  }
                }
                """),
        ])

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let max = options[Self.max]
        var findings: [Finding] = []
        for id in context.interactions(where: { context.syncDepth[$0] == max + 1 }) {
            // Fields are read in place: binding the interaction copied its label, block and attributes.
            let index = id.rawValue
            let path = context.syncPath(to: id)
            let root = path[0]
            findings.append(Finding(
                at: context.model.interactions[index].span,
                "synchronous call chain is \(max + 1) interactions deep (max \(max)): \(context.chain(path))",
                notes: [.note("the chain starts here: \(context.describe(root))", at: context.model[root].span)],
                help: "make a hop asynchronous (a message through a queue), or let '\(context.name(context.model.interactions[index].from))' use data it already holds instead of calling '\(context.name(context.model.interactions[index].to))'"))
        }
        return findings
    }
}
