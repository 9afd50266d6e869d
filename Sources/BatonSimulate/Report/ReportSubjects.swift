import BatonModel
import BatonSyntax

/// How reports name what they measure: an interaction as it is written (`Client -> Server :
/// request`), the line it is on, a fault or a load spike in a few words (`Stripe down`,
/// `spike to 80/s`). The text report, the JSON, the CSV header and the chart all use these, so a
/// reader finds the same words everywhere.
public enum ReportSubjects {
    /// `Client -> Server : request`, or `Client -> Server` without a label: the interaction as
    /// the design writes it. Control characters in names are left as they are; each format
    /// escapes them its own way.
    public static func interaction(_ row: InteractionResult, model: Model) -> String {
        let arrow = row.interaction.rawValue < model.interactions.count ? model[row.interaction].arrow.rawValue : "->"
        var text = "\(row.fromName) \(arrow) \(row.toName)"
        if let label = row.label { text += " : \(label)" }
        return text
    }

    /// The line of `span` (1-based) in its file.
    public static func line(_ span: Span, sources: SourceMap) -> Int? {
        guard span.file.rawValue >= 0, span.file.rawValue < sources.files.count else { return nil }
        return sources[span.file].location(of: span.start).line
    }

    /// `30` for a line of the design's own file, `lib.baton:12` for one of a file it imports,
    /// `--fault` for a fault given on the command line.
    public static func place(_ span: Span, sources: SourceMap, root: FileID = FileID(0)) -> String {
        guard let line = line(span, sources: sources) else { return ReportNumbers.missing }
        let file = sources[span.file]
        if span.file == root { return String(line) }
        if file.path.hasPrefix("--") { return file.path }
        return "\(file.path):\(line)"
    }

    /// `line 30`, `lib.baton:12` or `--fault`: where something is written, in a sentence.
    public static func location(_ span: Span, sources: SourceMap, root: FileID = FileID(0)) -> String {
        let place = place(span, sources: sources, root: root)
        return span.file == root && place != ReportNumbers.missing ? "line \(place)" : place
    }

    /// What triggered a verdict, in a few words: `Stripe down`, `Warehouse hangs`,
    /// `Search slow ×10`, `Stripe errors 30%`, `Billing capacity 25%`, `spike to 80/s`.
    public static func trigger(_ trigger: RecoveryVerdict.Trigger) -> String {
        switch trigger {
        case .fault(_, let name, let effect):
            switch effect {
            case .down: return "\(name) down"
            case .hang: return "\(name) hangs"
            case .slow(let factor): return "\(name) slow ×\(ReportNumbers.significant(factor, digits: 3))"
            case .errors(let probability): return "\(name) errors \(ReportNumbers.percent(probability))"
            case .capacity(let fraction): return "\(name) capacity \(ReportNumbers.percent(fraction))"
            }
        case .loadSpike(_, _, let rate):
            return "spike to \(ReportNumbers.format(rate, .rate))"
        }
    }

    /// `1m–1m5s`: a window of scenario time.
    public static func window(_ window: TimeWindow) -> String {
        "\(formatSeconds(window.from))–\(formatSeconds(window.to))"
    }
}
