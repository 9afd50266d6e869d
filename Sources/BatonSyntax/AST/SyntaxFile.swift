// The abstract syntax tree: plain value types that mirror the grammar (grammar/baton.ebnf) and keep a
// span for every piece a diagnostic may point at. Comments are kept beside the tree (the
// formatter and `# baton:ignore` need them); everything else about layout is dropped.

/// The syntax of one `.baton` file.
public struct SyntaxFile: Hashable, Sendable {
    public var file: FileID
    public var statements: [Statement]
    /// Every comment in source order.
    public var comments: [Comment]

    public init(file: FileID, statements: [Statement], comments: [Comment]) {
        self.file = file
        self.statements = statements
        self.comments = comments
    }
}

/// A top-level statement.
public enum Statement: Hashable, Sendable {
    case title(TitleSyntax)
    case importFile(ImportSyntax)
    case declaration(DeclarationSyntax)
    case group(GroupSyntax)
    case flow(FlowSyntax)
    case scenario(ScenarioSyntax)
    case step(StepSyntax)

    public var span: Span {
        switch self {
        case .title(let title): title.span
        case .importFile(let importFile): importFile.span
        case .declaration(let declaration): declaration.span
        case .group(let group): group.span
        case .flow(let flow): flow.span
        case .scenario(let scenario): scenario.span
        case .step(let step): step.span
        }
    }

    /// What a statement moved out of an array leaves in its place (`Array.append(moving:leaving:)`):
    /// it holds nothing counted, so freeing it touches no other memory.
    public static var vacated: Statement {
        let nowhere = Span(file: FileID(0), start: 0, end: 0)
        return .title(TitleSyntax(text: StringLiteral(value: "", span: nowhere), span: nowhere))
    }
}

/// `title "Card payments"`
public struct TitleSyntax: Hashable, Sendable {
    public var text: StringLiteral
    public var span: Span
}

/// `import "catalog.baton"`
public struct ImportSyntax: Hashable, Sendable {
    public var path: StringLiteral
    public var span: Span
}

/// A name as written, with where it was written.
public struct Identifier: Hashable, Sendable {
    public var name: String
    public var span: Span
    public init(name: String, span: Span) {
        self.name = name
        self.span = span
    }
}

/// A quoted string; `value` has its escapes decoded.
public struct StringLiteral: Hashable, Sendable {
    public var value: String
    public var span: Span
    public init(value: String, span: Span) {
        self.value = value
        self.span = span
    }
}

/// A `#` comment. `text` is everything after the `#`.
public struct Comment: Hashable, Sendable {
    public var text: String
    public var span: Span
    /// Whether the comment is alone on its line (else it trails a statement).
    public var isOwnLine: Bool
    public init(text: String, span: Span, isOwnLine: Bool) {
        self.text = text
        self.span = span
        self.isOwnLine = isOwnLine
    }
}
