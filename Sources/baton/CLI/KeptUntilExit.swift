/// Values a command leaves for the end of the process instead of freeing them: the operating
/// system takes a process's memory back at once, while freeing two compiled and checked designs
/// of a megabyte object by object took a twentieth of `baton diff`'s time, after its output was
/// ready. Only for a command's last, large values, right before it returns to `exit`.
enum KeptUntilExit {
    /// Written by the main thread only, just before the process exits.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
