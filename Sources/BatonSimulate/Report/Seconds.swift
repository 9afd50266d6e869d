/// Seconds as people write them: "90s", "4m", "3m5s", "250ms".
func formatSeconds(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "for ever" }
    if seconds < 0 { return "-" + formatSeconds(-seconds) }
    if seconds == 0 { return "0s" }
    if seconds < 1 {
        let milliseconds = (seconds * 1000).rounded()
        return milliseconds == 1000 ? "1s" : "\(Int(milliseconds))ms"
    }
    if seconds < 60 {
        let rounded = (seconds * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))s" : "\(rounded)s"
    }
    let whole = Int(seconds.rounded())
    let hours = whole / 3600
    let minutes = (whole % 3600) / 60
    let rest = whole % 60
    var text = ""
    if hours > 0 { text += "\(hours)h" }
    if minutes > 0 { text += "\(minutes)m" }
    if rest > 0 || text.isEmpty { text += "\(rest)s" }
    return text
}
