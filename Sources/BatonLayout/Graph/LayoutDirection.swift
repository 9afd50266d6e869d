/// Which way the graph view's edges flow: layers are columns (left to right) or rows (top to
/// bottom). The raw values are Graphviz's `rankdir` words, which the command line
/// (`--direction LR|TB`), documentation fences (`direction=TB`) and the DOT export all use.
public enum LayoutDirection: String, Hashable, Sendable, CaseIterable {
    /// Left to right (the default): data flows across the page, as most architecture diagrams read.
    case leftToRight = "LR"
    /// Top to bottom: for tall, narrow pages and long pipelines.
    case topToBottom = "TB"
}
