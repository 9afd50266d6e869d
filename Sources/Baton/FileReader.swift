import BatonModel
import Foundation

/// Reads designs and imports from disk: regular files and pipes only, and never more than
/// `maximumSize` bytes, so that `import` of a device, or `/dev/zero` as an input, is an error
/// instead of a hang or an exhausted memory.
public enum FileReader {
    /// The largest input Baton reads (256 MiB): a design is text, and compiling one this size
    /// already takes most of a machine's memory.
    public static let maximumSize = 256 << 20

    /// Why a file could not be read, as a sentence fragment ("it is a directory", "Permission
    /// denied").
    public struct Failure: Error, Sendable {
        public var reason: String
        /// The path names a directory: callers say what to give instead.
        public var isDirectory = false

        public init(reason: String, isDirectory: Bool = false) {
            self.reason = reason
            self.isDirectory = isDirectory
        }

        /// Why opening or examining `path` failed with `code` (an `errno`). A dangling symbolic
        /// link says where it points, since "No such file or directory" for a path that `ls`
        /// shows is a puzzle; everything else is the system's own words ("Permission denied",
        /// "Too many levels of symbolic links", "Not a directory").
        public init(path: String, errno code: Int32) {
            var status = stat()
            if code == ENOENT, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
               let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                self.init(reason: "it is a symbolic link to '\(destination)', which does not exist")
            } else {
                self.init(reason: String(cString: strerror(code)))
            }
        }
    }

    /// The bytes of the file at `path`, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        try? contents(of: path)
    }

    /// Reads an imported file: `contents(of:)` with the reason in the compiler's terms, which
    /// the import's error quotes.
    @Sendable public static func readImport(_ path: String) throws(Compiler.ReadFailure) -> [UInt8] {
        do {
            return try contents(of: path)
        } catch {
            throw Compiler.ReadFailure(reason: error.reason)
        }
    }

    /// The bytes of the file at `path` (symbolic links followed).
    ///
    /// With `pipes`, a named pipe (or a socket) is read like a file, waiting for its writer as
    /// `cat` does: for paths the user names (`baton check <(generate)`, a FIFO fed by another
    /// process). Without it — imports, configurations found by walking up, designs found below
    /// a directory — only regular files are read, so a pipe planted in a tree cannot hang a run.
    public static func contents(of path: String, pipes: Bool = false) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (pipes ? 0 : O_NONBLOCK))
        guard descriptor >= 0 else { throw Failure(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(path: path, errno: errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFIFO, S_IFSOCK:
            // (A `where` on a case with two patterns would guard only the second.)
            guard pipes else { throw Failure(reason: "it is \(describe(status.st_mode)), not a regular file") }
        case S_IFDIR:
            throw Failure(reason: "it is a directory", isDirectory: true)
        default:
            throw Failure(reason: "it is a device, not a file")
        }
        if !pipes { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        return try readAll(descriptor, what: "the file", expectedSize: Int(status.st_size))
    }

    /// A name in a directory. `isUTF8` is false when the name's bytes are not UTF-8: `name` then
    /// holds U+FFFD in their place and names no file, so the caller must not use it as a path.
    public struct Entry: Sendable {
        public var name: String
        public var isUTF8: Bool
        /// Whether it may be a directory (or a link to one), as far as listing the directory
        /// tells without looking the name up.
        public var mayBeDirectory: Bool
        /// Whether the listing says it is a regular file (not a link to one): then looking the
        /// name up would only say so again.
        public var isRegularFile = false
    }

    /// The names in a directory (without `.` and `..`), in the order the system lists them.
    public static func entries(of directory: String) throws(Failure) -> [Entry] {
        guard let stream = opendir(directory) else { throw Failure(path: directory, errno: errno) }
        defer { closedir(stream) }
        var names: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw Failure(path: directory, errno: errno) }
                return names
            }
            let type = entry.pointee.d_type
            let mayBeDirectory = type == UInt8(DT_DIR) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)
            let isRegularFile = type == UInt8(DT_REG)
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(validatingCString: $0).map { Entry(name: $0, isUTF8: true, mayBeDirectory: mayBeDirectory, isRegularFile: isRegularFile) }
                        ?? Entry(name: String(cString: $0), isUTF8: false, mayBeDirectory: mayBeDirectory, isRegularFile: isRegularFile)
                }
            }
            if name.name != ".", name.name != ".." { names.append(name) }
        }
    }

    /// What kind of file a `stat` mode describes, for messages: "a named pipe (FIFO)".
    public static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// Everything `descriptor` delivers up to its end, or an error once it exceeds `maximumSize`.
    /// `expectedSize` (a regular file's size when it was opened) reserves the room up front, so
    /// a large design is not copied again and again as the array grows; the file may still
    /// grow or shrink while it is read.
    public static func readAll(_ descriptor: Int32, what: String, expectedSize: Int = 0) throws(Failure) -> [UInt8] {
        try readAll(descriptor, what: what, expectedSize: expectedSize, maximum: maximumSize)
    }

    /// `readAll` with another cap than `maximumSize` (tests).
    static func readAll(_ descriptor: Int32, what: String, expectedSize: Int, maximum maximumSize: Int) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        // Each read goes straight into the array's room, never through a buffer copied after
        // (that copy was about 6 ms of a 4 MB check's single-threaded start). The first asks for
        // a byte more than expected, so that a file of the size it had when opened is read in
        // one call and its end seen in a second, without the array growing; one that has grown
        // since, or a pipe, is read on 64 KiB at a time, the array growing as arrays do.
        var wanted = expectedSize > 0 ? min(expectedSize, maximumSize) + 1 : 64 * 1024
        while true {
            var count = 0
            var failure: Int32?
            result.append(addingCapacity: wanted) { span in
                span.withUnsafeMutableBufferPointer { room, initialized in
                    guard let base = room.baseAddress else { return }
                    repeat { count = Glibc.read(descriptor, base, room.count) } while count < 0 && errno == EINTR
                    if count < 0 { failure = errno } else { initialized = count }
                }
            }
            if let failure { throw Failure(reason: String(cString: strerror(failure))) }
            if count == 0 { return result }
            guard result.count <= maximumSize else { throw tooLarge(what, maximumSize) }
            let room = result.capacity - result.count
            wanted = room > 0 ? room : 64 * 1024
        }
    }

    private static func tooLarge(_ what: String, _ maximumSize: Int) -> Failure {
        let most = maximumSize >= 1 << 20 ? "\(maximumSize >> 20) MiB" : "\(maximumSize) bytes"
        return Failure(reason: "\(what) is larger than \(most), the most Baton reads")
    }

    /// The absolute path `path` really names, every symbolic link resolved the way the
    /// operating system resolves it when it opens or creates the path.
    ///
    /// `realpath(3)` resolves the longest prefix of the path that exists, so a chain of links is
    /// followed to its end (Foundation's `resolvingSymlinksInPath` follows one link per
    /// component) and `link/..` is the parent of the link's *target*, not the link's own
    /// directory. Components that do not exist (yet) are appended as written, with `..` among
    /// them folded lexically: nothing below a missing component can be a link. When such a `..`
    /// folds the missing component away (`missing/../x`), what remains is resolved again.
    /// Confinement checks (imports, the pandoc filter's image directory) compare these paths, so
    /// no link can lead outside unnoticed.
    ///
    /// One `realpath` walks the whole path, so resolving each component on its own would be
    /// cubic in the depth (an import 800 directories deep took 15 s); the longest existing
    /// prefix is found by bisection instead, a handful of calls when the path does not exist.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let resolved = realPath(absolute) { return resolved }
        // A prefix resolves exactly when every shorter one does (`realpath` fails at the first
        // component that is missing, a dangling link or a loop), so bisect on its length.
        let components = absolute.split(separator: "/")
        var resolved = "/"
        var existing = 0
        var missing = components.count
        while missing - existing > 1 {
            let middle = (existing + missing) / 2
            if let prefix = realPath("/" + components[..<middle].joined(separator: "/")) {
                resolved = prefix
                existing = middle
            } else {
                missing = middle
            }
        }
        let rest = components[existing...]
        let folded = PathName.normalize(rest.joined(separator: "/"))
        let joined = PathName.normalize(resolved + "/" + folded)
        // The missing component still leads the rest: nothing after it exists.
        if folded.split(separator: "/").first == rest.first { return joined }
        // A `..` folded it away: the rest (now without `..`) may name existing files again.
        return realPath(joined) ?? canonical(joined)
    }

    /// `realpath(3)`: nil when the path does not exist (or is a dangling link or a loop).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute, normalized path for `path` relative to the current directory.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return PathName.normalize(path) }
        return PathName.join(FileManager.default.currentDirectoryPath, path)
    }
}
