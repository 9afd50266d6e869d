import BatonJSON
import BatonModel
import BatonSyntax

/// `workspace/symbol`: participants, groups and flows of the open documents and everything they
/// import, whose name matches the query as a case-insensitive subsequence ("cpay" finds
/// `CardPayments`), the way editors' symbol pickers filter.
public enum WorkspaceSymbols {
    public struct Symbol: Hashable, Sendable {
        public var name: String
        public var kind: Int
        public var uri: String
        public var range: TextRange
        public var container: String?

        public var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("name", .string(name)),
                ("kind", .int(kind)),
                ("location", .object([("uri", .string(uri)), ("range", range.json)])),
            ]
            if let container { members.append(("containerName", .string(container))) }
            return .object(members)
        }
    }

    /// The symbols of one analysis that match `query`, in file then source order.
    public static func symbols(in analysis: Analysis, matching query: String, encoding: PositionEncoding,
                               uri: (FileID) -> String) -> [Symbol] {
        let model = analysis.model
        var converters: [Int: PositionConverter] = [:]
        func range(_ span: Span) -> TextRange {
            if let known = converters[span.file.rawValue] { return known.range(of: span) }
            let made = PositionConverter(source: analysis.compilation.sources[span.file], encoding: encoding)
            converters[span.file.rawValue] = made
            return made.range(of: span)
        }
        var found: [(span: Span, symbol: Symbol)] = []
        for participant in model.participants where matches(participant.name, query: query) {
            let container = participant.group.map { model.groups[$0.rawValue].name }
            found.append((participant.nameSpan, Symbol(name: participant.name, kind: DocumentSymbols.kind(of: participant.kind),
                                                        uri: uri(participant.nameSpan.file), range: range(participant.nameSpan),
                                                        container: container)))
        }
        for group in model.groups where matches(group.name, query: query) {
            found.append((group.span, Symbol(name: group.name, kind: DocumentSymbols.Kind.namespace, uri: uri(group.span.file),
                                             range: range(group.span), container: group.parent.map { model.groups[$0.rawValue].name })))
        }
        for flow in model.flows where !flow.isDefault && matches(flow.name, query: query) {
            found.append((flow.span, Symbol(name: flow.name, kind: DocumentSymbols.Kind.function, uri: uri(flow.span.file),
                                            range: range(flow.span), container: nil)))
        }
        return found.sorted { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }.map(\.symbol)
    }

    /// Whether every character of `query` occurs in `name` in order, ignoring case.
    public static func matches(_ name: String, query: String) -> Bool {
        var remaining = query.lowercased()[...]
        guard !remaining.isEmpty else { return true }
        for character in name.lowercased() where character == remaining.first {
            remaining = remaining.dropFirst()
            if remaining.isEmpty { return true }
        }
        return false
    }
}
