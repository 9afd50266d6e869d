/// The two weights Baton draws text in.
///
/// Only regular and bold exist because those are the only faces with a built-in metrics table;
/// a renderer emitting `font-weight="bold"` must measure with `.bold`, since bold glyphs are
/// about 5–10% wider and a label measured as regular would overflow its box.
public enum FontWeight: Sendable, Hashable, CaseIterable {
    case regular
    case bold
}
