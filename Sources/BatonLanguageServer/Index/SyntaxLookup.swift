import BatonModel
import BatonSyntax

/// Finds the piece of syntax under a cursor that the symbol index does not keep: an attribute
/// (with the site its list belongs to), an interaction's arrow or label, a declaration.
///
/// Each lookup is one walk over one file's tree, linear in its size, and runs once per request;
/// keeping a second index of every attribute and arrow would cost every edit instead.
struct SyntaxLookup {
    let syntax: SyntaxFile

    init(_ compilation: Compilation, file: FileID) {
        syntax = compilation.syntax.indices.contains(file.rawValue)
            ? compilation.syntax[file.rawValue]
            : SyntaxFile(file: file, statements: [], comments: [])
    }

    /// An attribute list with the site it is written at.
    struct SitedList {
        var list: AttributeListSyntax
        var site: AttributeSite
    }

    /// Every attribute list of the file, in source order of their owners.
    var attributeLists: [SitedList] {
        var lists: [SitedList] = []
        func add(_ list: AttributeListSyntax?, _ site: AttributeSite) {
            if let list { lists.append(SitedList(list: list, site: site)) }
        }
        func declaration(_ declaration: DeclarationSyntax) {
            add(declaration.attributes, .participant(declaration.kind))
        }
        func group(_ node: GroupSyntax) {
            add(node.attributes, .group)
            for member in node.members {
                switch member {
                case .declaration(let member): declaration(member)
                case .group(let nested): group(nested)
                }
            }
        }
        func steps(_ list: [StepSyntax]) {
            for step in list {
                switch step {
                case .interaction(let interaction):
                    add(interaction.attributes, .interaction)
                    if let block = interaction.block { steps(block.steps) }
                case .fragment(let fragment):
                    add(fragment.attributes, .fragment(fragment.kind))
                    for branch in fragment.branches {
                        add(branch.attributes, .fragment(fragment.kind))
                        steps(branch.block.steps)
                    }
                case .note:
                    break
                }
            }
        }
        for statement in syntax.statements {
            switch statement {
            case .title, .importFile: break
            case .declaration(let member): declaration(member)
            case .group(let member): group(member)
            case .flow(let flow):
                add(flow.attributes, .flow)
                steps(flow.steps)
            case .scenario(let scenario): add(scenario.attributes, .scenario)
            case .step(let step): steps([step])
            }
        }
        return lists
    }

    /// The attribute whose key holds the cursor (or ends right at it), with its site.
    func attributeKey(at offset: Int) -> (attribute: AttributeSyntax, site: AttributeSite)? {
        for sited in attributeLists where sited.list.span.start <= offset && offset <= sited.list.span.end {
            for attribute in sited.list.attributes where attribute.keySpan.start <= offset && offset <= attribute.keySpan.end {
                return (attribute, sited.site)
            }
        }
        return nil
    }

    /// Every interaction of the file, in source order.
    var interactions: [InteractionSyntax] {
        var result: [InteractionSyntax] = []
        func steps(_ list: [StepSyntax]) {
            for step in list {
                switch step {
                case .interaction(let interaction):
                    result.append(interaction)
                    if let block = interaction.block { steps(block.steps) }
                case .fragment(let fragment):
                    for branch in fragment.branches { steps(branch.block.steps) }
                case .note:
                    break
                }
            }
        }
        for statement in syntax.statements {
            switch statement {
            case .flow(let flow): steps(flow.steps)
            case .step(let step): steps([step])
            default: break
            }
        }
        return result
    }

    /// The interaction whose arrow or label holds the cursor.
    func interaction(at offset: Int) -> InteractionSyntax? {
        interactions.first { interaction in
            if interaction.arrowSpan.start <= offset, offset <= interaction.arrowSpan.end { return true }
            if let label = interaction.label, label.span.start <= offset, offset <= label.span.end { return true }
            return false
        }
    }

    /// The declaration whose name is written at `nameSpan`.
    func declaration(at nameSpan: Span) -> DeclarationSyntax? {
        func find(_ node: GroupSyntax) -> DeclarationSyntax? {
            for member in node.members {
                switch member {
                case .declaration(let declaration) where declaration.name.span == nameSpan: return declaration
                case .declaration: continue
                case .group(let nested): if let found = find(nested) { return found }
                }
            }
            return nil
        }
        for statement in syntax.statements {
            switch statement {
            case .declaration(let declaration) where declaration.name.span == nameSpan: return declaration
            case .group(let group): if let found = find(group) { return found }
            default: continue
            }
        }
        return nil
    }
}
