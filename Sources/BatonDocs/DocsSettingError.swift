/// A setting of a whole documentation build that Baton does not have — in book.toml's
/// `[preprocessor.baton]` or a document's metadata — refused before any diagram is drawn, since
/// every diagram would fail on it. (A fence's own settings fail that fence, at its line.)
public struct DocsSettingError: Error, Hashable, Sendable {
    public var message: String
    public var help: String?

    public init(message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }

    /// The value `word` names; `place` says where it is written ("the metadata field baton-theme").
    static func reading<Value>(_ word: String, as setting: String, from place: String) throws(DocsSettingError) -> Value
        where Value: RawRepresentable & CaseIterable, Value.RawValue == String
    {
        guard let value = Value(rawValue: word) else {
            throw DocsSettingError(message: "\(place) asks for an unknown \(setting) '\(word)'", help: "use \(DiagramSetting.choices(Value.self))")
        }
        return value
    }
}
