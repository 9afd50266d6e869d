import BatonCheck
import BatonModel
import BatonReport
import BatonSyntax

/// Compares two designs: `Differ.diff(old:new:workingDirectory:)`.
///
/// Participants match by name (and evident renames, `ParticipantMatching`), interactions by
/// their ends, arrow and label (`InteractionMatching`), groups, named flows and scenarios by
/// name, the top-level steps of a file by the file; matched elements are compared attribute by
/// attribute (`ElementAttributes`). Findings are compared by fingerprint (`FindingMatching`),
/// numbers through each side's metrics (`MetricComparison`). Near-linear: matching goes
/// through dictionaries, output follows the designs' order.
public enum Differ {
    /// - Parameter workingDirectory: absolute paths below it are written relative to it in the
    ///   findings' fingerprints, as `baton check --format sarif` writes them.
    public static func diff(old: DesignSide, new: DesignSide, workingDirectory: String) -> DesignDiff {
        // The elements and the findings share nothing: matched at once.
        let (matching, findings) = Concurrently.both({ Matching(old: old, new: new) }, {
            let uris = FindingURIs(old: old, new: new, workingDirectory: workingDirectory)
            return FindingMatching.compare(old: FindingMatching.identify(old, uri: uris.oldURI),
                                           new: FindingMatching.identify(new, uri: uris.newURI))
        })
        let participants = matching.participants, interactions = matching.interactions
        let oldNames = matching.oldNames, newNames = matching.newNames, ownOldNames = matching.ownOldNames
        let oldPlaces = matching.oldPlaces, newPlaces = matching.newPlaces
        let oldLists = matching.oldLists, newLists = matching.newLists
        let oldModel = old.model, newModel = new.model

        var diff = DesignDiff(old: old.label, new: new.label)
        diff.design = ElementAttributes.changes([("title", oldModel.title)], [("title", newModel.title)])

        diff.participants = changes(
            old: Elements(oldModel.participants.map { p in
                Element(name: p.name, kind: p.kind.rawValue, list: ElementAttributes.participant(p, in: oldModel, names: oldNames),
                        span: p.span)
            }, old),
            new: Elements(newModel.participants.map { p in
                Element(name: p.name, kind: p.kind.rawValue, list: ElementAttributes.participant(p, in: newModel, names: newNames),
                        span: p.span)
            }, new),
            oldOf: participants.oldOf.map { $0?.rawValue }, renames: true)

        // Interactions are many, and most are unchanged: each is described (`A -> B : label`)
        // only when reported.
        diff.interactions = changes(
            old: Elements(count: oldModel.interactions.count, side: old,
                          name: { ElementAttributes.describe(InteractionID($0), in: oldModel, names: ownOldNames) },
                          kind: { oldModel.interactions[$0].arrow.rawValue }, list: { oldLists[$0] },
                          span: { oldModel.interactions[$0].span }, occurrence: { interactions.oldOccurrence[$0] }),
            new: Elements(count: newModel.interactions.count, side: new,
                          name: { ElementAttributes.describe(InteractionID($0), in: newModel, names: newNames) },
                          kind: { newModel.interactions[$0].arrow.rawValue }, list: { newLists[$0] },
                          span: { newModel.interactions[$0].span }, occurrence: { interactions.newOccurrence[$0] }),
            oldOf: interactions.oldOf.map { $0?.rawValue }, renames: false)

        let oldGroups = Elements(oldModel.groups.map { g in
            Element(name: g.name, list: ElementAttributes.group(g, in: oldModel, names: oldNames), span: g.span)
        }, old)
        let newGroups = Elements(newModel.groups.map { g in
            Element(name: g.name, list: ElementAttributes.group(g, in: newModel, names: newNames), span: g.span)
        }, new)
        diff.groups = changes(old: oldGroups, new: newGroups, oldOf: matchByName(oldGroups, newGroups), renames: false)

        // A default flow is known by its file (see `InteractionPlaces.flowNames`).
        let oldFlows = Elements(oldModel.flows.map { f in
            Element(name: oldPlaces.flowNames[f.id.rawValue], list: ElementAttributes.flow(f, in: oldModel, names: oldNames),
                    span: f.span)
        }, old)
        let newFlows = Elements(newModel.flows.map { f in
            Element(name: newPlaces.flowNames[f.id.rawValue], list: ElementAttributes.flow(f, in: newModel, names: newNames),
                    span: f.span)
        }, new)
        diff.flows = changes(old: oldFlows, new: newFlows, oldOf: matchByName(oldFlows, newFlows), renames: false)

        let oldScenarios = Elements(oldModel.scenarios.map { s in
            Element(name: s.name, list: ElementAttributes.scenario(s, in: oldModel, names: oldNames, places: oldPlaces),
                    span: s.span)
        }, old)
        let newScenarios = Elements(newModel.scenarios.map { s in
            Element(name: s.name, list: ElementAttributes.scenario(s, in: newModel, names: newNames, places: newPlaces),
                    span: s.span)
        }, new)
        diff.scenarios = changes(old: oldScenarios, new: newScenarios, oldOf: matchByName(oldScenarios, newScenarios), renames: false)

        diff.newFindings = findings.new
        diff.resolvedFindings = findings.resolved
        diff.metrics = MetricComparison.compare(old: old, new: new, participants: participants, interactions: interactions,
                                                newNames: newNames)
        return diff
    }

    /// One element of one side, ready to compare.
    struct Element {
        var name: String
        var kind: String? = nil
        var list: ElementAttributes.List
        /// Where it is declared: made a line and column only for the elements reported.
        var span: Span
    }

    /// The elements of one kind on one side, each read by its index when asked for: a
    /// name, for instance, is made only for the elements a change reports.
    struct Elements {
        var count: Int
        var side: DesignSide
        var name: (Int) -> String
        var kind: (Int) -> String?
        var list: (Int) -> ElementAttributes.List
        var span: (Int) -> Span
        var occurrence: (Int) -> Int?

        init(count: Int, side: DesignSide, name: @escaping (Int) -> String, kind: @escaping (Int) -> String?,
             list: @escaping (Int) -> ElementAttributes.List, span: @escaping (Int) -> Span, occurrence: @escaping (Int) -> Int?) {
            self.count = count
            self.side = side
            self.name = name
            self.kind = kind
            self.list = list
            self.span = span
            self.occurrence = occurrence
        }

        /// Elements made in full beforehand (the few participants, groups, flows and scenarios).
        init(_ all: [Element], _ side: DesignSide) {
            self.init(count: all.count, side: side, name: { all[$0].name }, kind: { all[$0].kind }, list: { all[$0].list },
                      span: { all[$0].span }, occurrence: { _ in nil })
        }

        func location(_ index: Int) -> DiffLocation { side.location(span(index)) }
    }

    /// For each new element, the old one of the same name (names are unique per side).
    static func matchByName(_ old: Elements, _ new: Elements) -> [Int?] {
        var byName: [String: Int] = [:]
        for index in 0..<old.count {
            let name = old.name(index)
            if byName[name] == nil { byName[name] = index }
        }
        return (0..<new.count).map { byName[new.name($0)] }
    }

    /// The changes between matched elements (`oldOf`: for each new element, its old one): in the
    /// new design's order, the added and the changed ones, then the removed ones in the old
    /// design's order. With `renames`, a matched element under another name was renamed.
    static func changes(old: Elements, new: Elements, oldOf: [Int?], renames: Bool) -> [ElementChange] {
        var result: [ElementChange] = []
        var matched = [Bool](repeating: false, count: old.count)
        for index in 0..<new.count {
            guard let oldIndex = oldOf[index] else {
                result.append(ElementChange(change: .added, name: new.name(index), kind: new.kind(index), occurrence: new.occurrence(index),
                                            attributes: ElementAttributes.declared(new.list(index), added: true),
                                            newLocation: new.location(index)))
                continue
            }
            matched[oldIndex] = true
            let attributes = ElementAttributes.changes(old.list(oldIndex), new.list(index))
            let renamed = renames && old.name(oldIndex) != new.name(index)
            guard renamed || !attributes.isEmpty else { continue }
            let name = new.name(index), oldName = old.name(oldIndex)
            result.append(ElementChange(change: renamed ? .renamed : .changed, name: name,
                                        oldName: oldName == name ? nil : oldName, kind: new.kind(index),
                                        occurrence: new.occurrence(index), attributes: attributes,
                                        oldLocation: old.location(oldIndex), newLocation: new.location(index)))
        }
        for index in 0..<old.count where !matched[index] {
            result.append(ElementChange(change: .removed, name: old.name(index), kind: old.kind(index), occurrence: old.occurrence(index),
                                        attributes: ElementAttributes.declared(old.list(index), added: false),
                                        oldLocation: old.location(index)))
        }
        return result
    }
}

/// How the findings' fingerprints name files: a file of the new design by its path (relative to
/// the working directory when below it, as `baton check --format sarif` writes it), a file of the
/// old design by the path of the new design's file in the same place relative to the root.
struct FindingURIs {
    let old: DesignSide
    let new: DesignSide
    let workingDirectory: String

    func newURI(_ file: FileID) -> String {
        SARIFReporter.relativeURI(new.compilation.sources[file].path, workingDirectory: workingDirectory)
    }

    func oldURI(_ file: FileID) -> String {
        SARIFReporter.relativeURI(new.compilationPath(logical: old.logicalPaths[file.rawValue]), workingDirectory: workingDirectory)
    }
}
