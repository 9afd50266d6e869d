import BatonJSON
import BatonSyntax

/// `textDocument/documentSymbol`: the outline of one document, from its syntax alone (so it
/// works while the design does not compile): participants, groups as namespaces with their
/// members, flows with their interactions and fragments, scenarios with their lines, imports.
public enum DocumentSymbols {
    /// LSP `SymbolKind` values used here.
    public enum Kind {
        public static let file = 1
        public static let module = 2
        public static let namespace = 3
        public static let `class` = 5
        public static let method = 6
        public static let property = 7
        public static let interface = 11
        public static let function = 12
        public static let array = 18
        public static let object = 19
        public static let `struct` = 23
        public static let event = 24
        public static let `operator` = 25
    }

    public static func symbols(of bytes: [UInt8], encoding: PositionEncoding) -> [JSONValue] {
        let source = SourceFile(id: FileID(0), path: "<document>", bytes: bytes)
        let syntax = BatonParser.parse(source).syntax
        return symbols(of: syntax, source: source, converter: PositionConverter(source: source, encoding: encoding))
    }

    public static func symbols(of syntax: SyntaxFile, source: SourceFile, converter: PositionConverter) -> [JSONValue] {
        var out: [JSONValue] = []
        for statement in syntax.statements {
            switch statement {
            case .title:
                continue
            case .importFile(let statement):
                out.append(symbol(statement.path.value, detail: "import", kind: Kind.file, range: statement.span,
                                  selection: statement.path.span, converter: converter))
            case .declaration(let declaration):
                out.append(participant(declaration, converter: converter))
            case .group(let group):
                out.append(self.group(group, converter: converter))
            case .flow(let flow):
                out.append(symbol(flow.name.value, detail: "flow", kind: Kind.function, range: flow.fullSpan,
                                  selection: flow.name.span, children: steps(flow.steps, converter: converter), converter: converter))
            case .scenario(let scenario):
                let lines = scenario.lines.map { line in
                    symbol(Formatter.text(of: line, source: source), detail: nil, kind: Kind.property, range: line.span,
                           selection: line.span, converter: converter)
                }
                out.append(symbol(scenario.name.value, detail: "scenario", kind: Kind.module, range: scenario.fullSpan,
                                  selection: scenario.name.span, children: lines, converter: converter))
            case .step(let step):
                out += steps([step], converter: converter)
            }
        }
        return out
    }

    static func participant(_ declaration: DeclarationSyntax, converter: PositionConverter) -> JSONValue {
        var detail = declaration.kind.rawValue
        if let label = declaration.label { detail += " \"\(label.value)\"" }
        return symbol(declaration.name.name, detail: detail, kind: kind(of: declaration.kind), range: declaration.span,
                      selection: declaration.name.span, converter: converter)
    }

    static func group(_ group: GroupSyntax, converter: PositionConverter) -> JSONValue {
        let members = group.members.map { member in
            switch member {
            case .declaration(let declaration): participant(declaration, converter: converter)
            case .group(let inner): self.group(inner, converter: converter)
            }
        }
        return symbol(group.name.name, detail: group.label.map { "group \"\($0.value)\"" } ?? "group", kind: Kind.namespace,
                      range: group.fullSpan, selection: group.name.span, children: members, converter: converter)
    }

    static func steps(_ steps: [StepSyntax], converter: PositionConverter) -> [JSONValue] {
        steps.compactMap { step in
            switch step {
            case .interaction(let interaction):
                var name = "\(interaction.from.name) \(interaction.arrow.rawValue) \(interaction.to.name)"
                if let label = interaction.label { name += " : \(label.text)" }
                let range = interaction.block.map { interaction.span.through($0.span) } ?? interaction.span
                return symbol(name, detail: nil, kind: interaction.arrow.isSynchronous ? Kind.method : Kind.event, range: range,
                              selection: interaction.span, children: self.steps(interaction.block?.steps ?? [], converter: converter),
                              converter: converter)
            case .fragment(let fragment):
                var name = fragment.kind.rawValue
                if let label = fragment.branches.first?.label { name += " \"\(label.value)\"" }
                let range = fragment.branches.last.map { fragment.span.through($0.block.span) } ?? fragment.span
                let children = fragment.branches.flatMap { self.steps($0.block.steps, converter: converter) }
                return symbol(name, detail: nil, kind: Kind.operator, range: range, selection: fragment.span,
                              children: children, converter: converter)
            case .note:
                return nil
            }
        }
    }

    static func kind(of kind: ParticipantKind) -> Int {
        switch kind {
        case .client: Kind.object
        case .service: Kind.class
        case .external: Kind.interface
        case .queue, .topic: Kind.array
        case .store: Kind.struct
        case .driver: Kind.object
        }
    }

    /// LSP `DocumentSymbol`. The name must not be empty, so an unnamed one is shown as "?".
    static func symbol(_ name: String, detail: String?, kind: Int, range: Span, selection: Span, children: [JSONValue] = [],
                       converter: PositionConverter) -> JSONValue {
        // The selection must lie inside the range.
        let whole = range.through(selection)
        var members: [(String, JSONValue)] = [("name", .string(name.isEmpty ? "?" : name))]
        if let detail { members.append(("detail", .string(detail))) }
        members += [
            ("kind", .int(kind)),
            ("range", converter.range(of: whole).json),
            ("selectionRange", converter.range(of: selection).json),
        ]
        if !children.isEmpty { members.append(("children", .array(children))) }
        return .object(members)
    }
}
