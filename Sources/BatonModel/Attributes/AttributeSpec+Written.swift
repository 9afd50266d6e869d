import BatonSyntax

extension AttributeSpec {
    /// What a flag that is set reads as in `written(in:model:)`.
    public static let flagSet = "set"

    /// The value `root` (a participant's or an interaction's attributes, a group, a flow …)
    /// keeps for this attribute, written as Baton writes it — `5s`, `99.9%`, `100/s`,
    /// `unbounded`, `exponential`, a participant's name — or nil when it is not declared (a
    /// flag that is not set included; one that is reads `flagSet`).
    ///
    /// It reads the property through the schema's key path, so a comparison of two designs
    /// (`baton diff`) sees every attribute the table lists, a new one included, and two ways of
    /// writing one value (`5000ms`, `5s`) read alike. Nil too when `root` is not the type the
    /// property belongs to.
    public func written<Root>(in root: Root, model: Model) -> String? {
        let path: AnyKeyPath = property.keyPath
        guard let value = root[keyPath: path] else { return nil }
        switch valueType {
        case .flag:
            return (value as? Bool) == true ? Self.flagSet : nil
        case .percent:
            return (value as? Double).map { LiteralFormat.percent($0, digits: 10) }
        case .duration:
            return (value as? Double).map { LiteralFormat.duration($0, digits: 9) }
        case .rate:
            return (value as? Double).map { LiteralFormat.number($0, digits: 9) + "/s" }
        case .count:
            if let count = value as? Int { return String(count) }
            return (value as? UInt64).map { String($0) }
        case .countOrUnbounded:
            return (value as? Bound)?.description
        case .choice:
            return (value as? any RawRepresentable)?.rawValue as? String
        case .participant:
            return (value as? ParticipantID).flatMap { $0.rawValue < model.participants.count ? model[$0].name : nil }
        case .stringOrName, .string:
            return value as? String
        }
    }
}
