import BatonModel
import BatonSyntax

/// The time series of a simulation as CSV (`baton simulate --format csv`): one row per
/// statistics interval, for a spreadsheet, pandas or gnuplot.
///
/// The first row names the columns; then each row is one interval, starting with its start time
/// in seconds. Totals come first — scheduled and offered load, goodput, failed runs, response-time
/// percentiles and attempts — then, per flow when there are several, per station (waiting line,
/// servers in use), per channel (depth) and per interaction (attempts, first attempts), each
/// column named `measure:subject`. Rates are per second, times in seconds; a percentile of an
/// interval in which no run succeeded is an empty field. Fields holding a comma, a quote or a
/// line break are quoted as RFC 4180 says (quotes doubled); lines end with a line feed.
public enum SimulationCSVReport {
    public static func report(_ result: SimulationResult, model: Model, sources: SourceMap) -> String {
        let series = result.series
        var columns: [(name: String, values: [Double?])] = [
            ("scheduledLoad", series.scheduledLoad.map { $0 }),
            ("offeredLoad", series.offeredLoad.map { $0 }),
            ("goodput", series.goodput.map { $0 }),
            ("failures", series.failures.map { $0 }),
            ("responseP50", series.responseP50),
            ("responseP95", series.responseP95),
            ("responseP99", series.responseP99),
            ("attempts", series.attempts.map { $0 }),
        ]
        if series.flows.count > 1 {
            for row in series.flows {
                let name = row.flow.rawValue < model.flows.count ? model[row.flow].name : "flow \(row.flow.rawValue)"
                columns += [
                    ("scheduledLoad:" + name, row.scheduledLoad.map { $0 }),
                    ("offeredLoad:" + name, row.offeredLoad.map { $0 }),
                    ("goodput:" + name, row.goodput.map { $0 }),
                    ("failures:" + name, row.failures.map { $0 }),
                    ("responseP50:" + name, row.responseP50),
                    ("responseP95:" + name, row.responseP95),
                    ("responseP99:" + name, row.responseP99),
                ]
            }
        }
        for row in series.participants {
            let name = row.participant.rawValue < model.participants.count ? model[row.participant].name : "\(row.participant.rawValue)"
            columns += [
                ("meanWaiting:" + name, row.meanWaiting.map { $0 }),
                ("maxWaiting:" + name, row.maxWaiting.map { $0 }),
                ("meanBusy:" + name, row.meanBusy.map { $0 }),
            ]
        }
        for row in series.channels {
            let name = row.participant.rawValue < model.participants.count ? model[row.participant].name : "\(row.participant.rawValue)"
            columns += [
                ("meanDepth:" + name, row.meanDepth.map { $0 }),
                ("maxDepth:" + name, row.maxDepth.map { $0 }),
            ]
        }
        let interactions = Dictionary(result.interactions.map { ($0.interaction, $0) }, uniquingKeysWith: { first, _ in first })
        for row in series.interactions {
            let name = interactions[row.interaction].map { interaction in
                ReportSubjects.interaction(interaction, model: model)
                    + (ReportSubjects.line(interaction.span, sources: sources).map { " (line \($0))" } ?? "")
            } ?? "interaction \(row.interaction.rawValue)"
            columns += [
                ("attempts:" + name, row.attempts.map { $0 }),
                ("firstAttempts:" + name, row.firstAttempts.map { $0 }),
            ]
        }
        var out = (["time"] + columns.map(\.name)).map(field).joined(separator: ",") + "\n"
        for index in 0..<series.count {
            var fields = [number(series.start(index))]
            for column in columns {
                fields.append(index < column.values.count ? column.values[index].map(number) ?? "" : "")
            }
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break,
    /// with quotes doubled.
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    static func number(_ value: Double) -> String {
        SimulationJSONReport.number(value).serialized(pretty: false)
    }
}
