#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a system setting: a small file the kernel writes (under `/sys` or `/proc`),
/// read with the C library's calls. Foundation's reading costs more, the first time, than
/// everything else a short run does before it reads its input (see `ProcessorCount`).
public enum SystemSetting {
    /// The most of a setting read: settings are a line or a few.
    static let largest = 4_096

    /// The file's text (its first `largest` bytes), empty where there is no such file.
    public static func text(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: largest)
        var count = 0
        while count < largest {
            let got = bytes.withUnsafeMutableBytes { room in
                read(descriptor, room.baseAddress.map { $0 + count }, largest - count)
            }
            if got > 0 {
                count += got
            } else if got < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    /// The file's first line, without the spaces around it; empty where there is no such file.
    public static func firstLine(_ path: String) -> Substring {
        var line = text(path).prefix { $0 != "\n" }
        while let first = line.first, first == " " || first == "\t" { line.removeFirst() }
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        return line
    }
}
