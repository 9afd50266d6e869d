import Foundation

/// The one way Baton writes a file (`fmt`, `render -o`, `markdown`, the pandoc filter's images).
///
/// Baton runs in CI, often as root, over directories other users can write to, so writing must
/// not be hijackable, and must not lose anything:
///
/// - The bytes go to a temporary file created *exclusively* next to the target
///   (`O_CREAT|O_EXCL|O_NOFOLLOW`, mode 0600, an unpredictable name), so nobody can plant a
///   symbolic link or a file there beforehand. Everything after that happens on the open
///   descriptor (`fchown`, `fchmod`, `fsync`) or relative to the opened directory, never by path.
/// - One `rename` puts it in place: a crash or a full disk never leaves half a file.
/// - A file that is replaced keeps its permission bits, and its owner and group where the
///   process may set them. A new file gets the usual `0666` less the umask.
/// - A symbolic link is written *through*: its target is replaced and the link stays. A link to
///   nothing is refused, as `cp` does, rather than creating a file wherever it points.
/// - A file with several hard links is refused (replacing one name would silently split them),
///   and so is a read-only one, unless the user forces it.
/// - A file that this run read as input is refused, so `render main.baton -o lib.baton` cannot
///   replace a design with a picture of it.
enum AtomicWrite {
    struct Failure: Error {
        var message: String
        var help: String?
    }

    struct Options {
        /// Replace read-only files too (the user said `--force`).
        var force = false
        /// Files this run must not replace: its inputs and everything they import.
        var protected: [ProtectedFile] = []
        /// When not empty, the file must land inside one of these real directories (the pandoc
        /// filter's images stay in the working directory), links and all.
        var confinedTo: [String] = []
        /// What to say when a file would land outside `confinedTo`.
        var confinementHelp: String?
    }

    /// Checks, without writing, that `write` to `path` would not be refused; commands call it
    /// before long work so that a bad output path fails at once.
    static func check(_ path: String, options: Options = Options()) throws(Failure) {
        try WriteTarget.open(path, options: options, forWriting: false).close()
    }

    /// `temporaryNames` proposes names for the temporary file, beside the target; the default
    /// is unpredictable (tests pass their own, to plant files and links at them first).
    static func write(_ bytes: [UInt8], to path: String, options: Options = Options(),
                      temporaryNames: (String) -> String = randomTemporaryName) throws(Failure) {
        let target = try WriteTarget.open(path, options: options, forWriting: true)
        defer { target.close() }
        switch target.destination {
        case .stream(let descriptor):
            guard let descriptor else { return }
            do {
                try SystemIO.writeAll(descriptor, bytes)
            } catch {
                throw Failure(message: "cannot write '\(path)': \(error.message)")
            }
        case .file(let directory, let name, let existing):
            try replace(name, in: directory, with: bytes, like: existing, shownAs: path, temporaryNames: temporaryNames)
        }
    }

    /// Writes `bytes` to a new temporary file in `directory` and renames it over `name`.
    private static func replace(_ name: String, in directory: Int32, with bytes: [UInt8], like existing: stat?,
                                shownAs path: String, temporaryNames: (String) -> String) throws(Failure) {
        let (descriptor, temporaryName) = try createTemporary(in: directory, for: name, shownAs: path, names: temporaryNames)
        var placed = false
        defer {
            if !placed { unlinkat(directory, temporaryName, 0) }
        }
        do {
            try SystemIO.writeAll(descriptor, bytes)
        } catch {
            close(descriptor)
            throw Failure(message: "cannot write '\(path)': \(error.message)")
        }
        setMetadata(descriptor, like: existing)
        // A file system that cannot sync (EINVAL) has nothing to sync to; any other error counts.
        let synced = fsync(descriptor) == 0 || errno == EINVAL ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        if synced != 0 || closed != 0 {
            throw Failure(message: "cannot write '\(path)': \(SystemIO.Failure(synced != 0 ? synced : closed).message)")
        }
        guard renameat(directory, temporaryName, directory, name) == 0 else {
            throw Failure(message: "cannot replace '\(path)': \(SystemIO.Failure(errno).message)")
        }
        placed = true
        // The rename itself is durable once the directory is synced; failing that is not worth an error.
        _ = fsync(directory)
    }

    /// `.NAME.baton-RANDOM.tmp`, with NAME cut to stay well inside NAME_MAX (255 bytes).
    static func randomTemporaryName(for name: String) -> String {
        let stem = String(decoding: Array(name.utf8.prefix(200)), as: UTF8.self)
        var generator = SystemRandomNumberGenerator()
        return ".\(stem).baton-\(String(generator.next() as UInt64, radix: 36)).tmp"
    }

    /// Creates the temporary file beside the target, exclusively and without following links:
    /// a name that is taken (by a file, or by a link planted there) is skipped, never opened.
    private static func createTemporary(in directory: Int32, for target: String, shownAs path: String,
                                        names: (String) -> String) throws(Failure) -> (descriptor: Int32, name: String) {
        for _ in 0..<100 {
            let name = names(target)
            let descriptor = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, name) }
            if errno == EEXIST || errno == EINTR { continue }
            throw Failure(message: "cannot write '\(path)': cannot create a temporary file beside it: \(SystemIO.Failure(errno).message)")
        }
        throw Failure(message: "cannot write '\(path)': no free temporary file name beside it")
    }

    /// The replaced file's owner, group and permission bits, or those of a new file.
    private static func setMetadata(_ descriptor: Int32, like existing: stat?) {
        guard let existing else {
            fchmod(descriptor, 0o666 & ~currentUmask())
            return
        }
        var keptOwner = true
        if existing.st_uid != geteuid() || existing.st_gid != getegid() {
            if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
                keptOwner = false
                // Not allowed to give it away; keeping the group may still be allowed.
                _ = fchown(descriptor, uid_t.max, existing.st_gid)
            }
        }
        // Set-user-id and set-group-id bits only ever go back on a file with its original owner.
        let bits = existing.st_mode & (keptOwner ? 0o7777 : 0o1777)
        fchmod(descriptor, bits)
    }
}

/// The process's umask. Linux shows it in /proc/self/status; reading it there avoids setting it
/// to learn it, which would race with other threads creating files.
private func currentUmask() -> mode_t {
    if let status = FileManager.default.contents(atPath: "/proc/self/status"),
       let line = String(decoding: status, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
       let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
        return value
    }
    let mask = umask(0)
    umask(mask)
    return mask
}

/// A file this run read, which no output may replace.
struct ProtectedFile {
    var device: UInt64
    var inode: UInt64
    /// How the user knows it, for the message.
    var path: String
    /// Why it is protected ("the input", "imported by the input").
    var role: String

    /// The file at `path` (symbolic links followed), or nil when there is none.
    init?(path: String, role: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status, path: path, role: role)
    }

    /// The file open as `descriptor` when it is a regular file (standard input redirected from
    /// one: `baton markdown - -o README.md < README.md`), else nil.
    init?(descriptor: Int32, path: String, role: String) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(status, path: path, role: role)
    }

    private init(_ status: stat, path: String, role: String) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        self.path = path
        self.role = role
    }
}
