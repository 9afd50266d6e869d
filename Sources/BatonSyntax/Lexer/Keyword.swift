/// Reserved words: they can never be participant or group names (docs/language.md#names).
public enum Keyword: String, Sendable, CaseIterable {
    case title, `import`, client, service, external, queue, topic, store, driver, group
    case flow, loop, opt, alt, `else`, par, and, note, over, unbounded, scenario
}
