/// Which way the graph view's edges flow: layers are columns (left to right) or rows (top to
/// bottom). The raw values are Graphviz's `rankdir` words, which the command line
/// (`--direction LR|TB`), documentation fences (`direction=TB`) and the DOT export all use.
/// Where a direction is optional, nil asks the graph view to choose (`--direction auto`, the
/// default: see `AutomaticDirection`).
public enum LayoutDirection: String, Hashable, Sendable, CaseIterable {
    /// Left to right: data flows across the page, as most architecture diagrams read.
    case leftToRight = "LR"
    /// Top to bottom: for tall, narrow pages and long pipelines.
    case topToBottom = "TB"
}
