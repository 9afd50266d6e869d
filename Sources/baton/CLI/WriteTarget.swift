import Baton
import BatonModel
import Foundation

/// Where a write lands, found the way the kernel finds it.
///
/// The path is never resolved by reading links in user space (as `realpath(3)` does): the
/// kernel follows them when the directory or the linked file is opened, so its own protections
/// (`fs.protected_symlinks`) apply. On top of that, Baton refuses what those protections refuse
/// whether or not the system enables them: a symbolic link in a shared, sticky directory (such
/// as `/tmp`) that belongs neither to the user running Baton nor to the directory's owner — the
/// classic way to make a privileged program write somewhere else.
///
/// A regular file (existing or new) is replaced through a temporary file beside it; a named
/// pipe or a character device (`/dev/null`, a terminal) is written in place, since there is
/// nothing to replace.
struct WriteTarget {
    /// Linux's `O_PATH` (a descriptor that names a file without opening it for reading or
    /// writing), which Glibc's Swift module leaves out.
    static let openPath: Int32 = 0o10000000

    enum Destination {
        /// Replace the file `name` in the open `directory`; `existing` is what it replaces.
        case file(directory: Int32, name: String, existing: stat?)
        /// Write straight into this open descriptor (nil when only checking).
        case stream(descriptor: Int32?)
    }

    var destination: Destination

    /// Closes the descriptors the target holds.
    func close() {
        switch destination {
        case .file(let directory, _, _): Glibc.close(directory)
        case .stream(let descriptor): if let descriptor { Glibc.close(descriptor) }
        }
    }

    /// Opens the target of a write to `path` after every check that can refuse it. With
    /// `forWriting` false nothing is opened for writing (a pipe is not connected), for checks
    /// made before long work.
    static func open(_ path: String, options: AtomicWrite.Options, forWriting: Bool) throws(AtomicWrite.Failure) -> WriteTarget {
        guard !path.isEmpty, !path.hasSuffix("/"), PathName.fileName(of: path) != ".", PathName.fileName(of: path) != ".." else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': not a file name")
        }
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return try throughLink(path, link: status, options: options, forWriting: forWriting)
        }
        let directoryPath = PathName.directory(of: path)
        let directory = Glibc.open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            let reason = errno == ENOENT ? "the directory '\(directoryPath)' does not exist"
                : "cannot open its directory '\(directoryPath)': \(SystemIO.Failure(errno).message)"
            throw AtomicWrite.Failure(message: "cannot write '\(path)': \(reason)")
        }
        return try inDirectory(directory, name: PathName.fileName(of: path), shownAs: path, expected: nil,
                               options: options, forWriting: forWriting)
    }

    /// A path that is itself a symbolic link: followed by the kernel, written at its target.
    private static func throughLink(_ path: String, link: stat, options: AtomicWrite.Options,
                                    forWriting: Bool) throws(AtomicWrite.Failure) -> WriteTarget {
        var parent = stat()
        let parentPath = PathName.directory(of: path)
        if stat(parentPath, &parent) == 0, parent.st_mode & S_ISVTX != 0, parent.st_mode & S_IWOTH != 0,
           link.st_uid != geteuid(), link.st_uid != parent.st_uid {
            throw AtomicWrite.Failure(
                message: "refusing to write through '\(path)': it is a symbolic link that another user (uid \(link.st_uid)) left in the shared directory '\(parentPath)'",
                help: "a link planted in a sticky, world-writable directory can lead anywhere; remove it, or write to its target by name")
        }
        let handle = Glibc.open(path, Self.openPath | O_CLOEXEC)
        guard handle >= 0 else {
            let code = errno
            switch code {
            case ENOENT:
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw AtomicWrite.Failure(
                    message: "cannot write '\(path)': it is a symbolic link to '\(destination)', which does not exist",
                    help: "Baton writes through a link only to an existing file; remove the link or create its target first")
            case EACCES:
                throw AtomicWrite.Failure(message: "cannot write '\(path)': the system refuses to follow this symbolic link (\(SystemIO.Failure(code).message))",
                                          help: "a link in a shared directory that belongs to another user is not followed; write to its target by name")
            default:
                throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(code).message)")
            }
        }
        defer { Glibc.close(handle) }
        var target = stat()
        guard fstat(handle, &target) == 0 else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(errno).message)")
        }
        if target.st_mode & S_IFMT != S_IFREG {
            return try stream(handle, status: target, shownAs: path, options: options, forWriting: forWriting)
        }
        // The file the kernel found, by the name it knows it by; its directory is opened by that
        // real path, and must hold that very file.
        guard let real = descriptorPath(handle), real.hasPrefix("/") else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': cannot tell where the symbolic link leads")
        }
        let directory = Glibc.open(PathName.directory(of: real), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': cannot open the directory of '\(real)': \(SystemIO.Failure(errno).message)")
        }
        return try inDirectory(directory, name: PathName.fileName(of: real), shownAs: path, expected: target,
                               options: options, forWriting: forWriting)
    }

    /// The name in an open directory: checks what is there now (nothing, or a regular file that
    /// may be replaced). `expected` is the file a followed link led to, which must still be there.
    private static func inDirectory(_ directory: Int32, name: String, shownAs path: String, expected: stat?,
                                    options: AtomicWrite.Options, forWriting: Bool) throws(AtomicWrite.Failure) -> WriteTarget {
        do throws(AtomicWrite.Failure) {
            try confine(directory, shownAs: path, options: options)
            var status = stat()
            guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                guard errno == ENOENT, expected == nil else {
                    throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(errno).message)")
                }
                return WriteTarget(destination: .file(directory: directory, name: name, existing: nil))
            }
            if let expected, expected.st_dev != status.st_dev || expected.st_ino != status.st_ino {
                throw AtomicWrite.Failure(message: "cannot write '\(path)': it changed while Baton was working")
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                try checkReplacing(status, in: directory, name: name, shownAs: path, options: options)
                return WriteTarget(destination: .file(directory: directory, name: name, existing: status))
            case S_IFLNK:
                throw AtomicWrite.Failure(message: "cannot write '\(path)': it was replaced by a symbolic link while Baton was working")
            case S_IFIFO, S_IFCHR:
                let flags = (forWriting ? O_WRONLY : Self.openPath) | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW
                let handle = openat(directory, name, flags)
                guard handle >= 0 else {
                    throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(errno).message)")
                }
                do throws(AtomicWrite.Failure) {
                    let target = try stream(handle, status: status, shownAs: path, options: options, forWriting: forWriting, owned: true)
                    if !forWriting { Glibc.close(handle) }
                    Glibc.close(directory)
                    return target
                } catch {
                    Glibc.close(handle)
                    throw error
                }
            default:
                throw AtomicWrite.Failure(message: "cannot write '\(path)': it is \(FileReader.describe(status.st_mode)), not a regular file")
            }
        } catch {
            Glibc.close(directory)
            throw error
        }
    }

    /// A named pipe or a character device: written in place. `handle` is borrowed unless
    /// `owned`; a writable descriptor is opened anew from it when writing.
    private static func stream(_ handle: Int32, status: stat, shownAs path: String, options: AtomicWrite.Options,
                               forWriting: Bool, owned: Bool = false) throws(AtomicWrite.Failure) -> WriteTarget {
        let type = status.st_mode & S_IFMT
        guard type == S_IFIFO || type == S_IFCHR else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': it is \(FileReader.describe(status.st_mode)), not a regular file")
        }
        if let input = options.protected.first(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }) {
            throw AtomicWrite.Failure(message: "refusing to write over '\(path)': it is \(input.role)", help: "choose another output path")
        }
        guard forWriting else { return WriteTarget(destination: .stream(descriptor: nil)) }
        if owned { return WriteTarget(destination: .stream(descriptor: handle)) }
        // Reopen what the kernel found, through its descriptor, without resolving the path again.
        let writable = Glibc.open("/proc/self/fd/\(handle)", O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard writable >= 0 else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(errno).message)")
        }
        return WriteTarget(destination: .stream(descriptor: writable))
    }

    /// With `options.confinedTo`, the directory must lie inside one of those (real) directories.
    private static func confine(_ directory: Int32, shownAs path: String, options: AtomicWrite.Options) throws(AtomicWrite.Failure) {
        guard !options.confinedTo.isEmpty else { return }
        guard let real = descriptorPath(directory), real.hasPrefix("/") else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': cannot tell where its directory really is")
        }
        guard options.confinedTo.contains(where: { PathName.isInside(real, root: $0) }) else {
            throw AtomicWrite.Failure(
                message: "refusing to write '\(path)': it would land in '\(real)', outside \(options.confinedTo.map { "'\($0)'" }.joined(separator: ", "))",
                help: options.confinementHelp)
        }
    }

    /// That a regular file may be replaced: not an input of this run, not split from other hard
    /// links, not read-only (unless forced).
    private static func checkReplacing(_ status: stat, in directory: Int32, name: String, shownAs path: String,
                                       options: AtomicWrite.Options) throws(AtomicWrite.Failure) {
        if let input = options.protected.first(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }) {
            let same = input.path == path || input.path == "<stdin>" ? "" : " ('\(input.path)')"
            throw AtomicWrite.Failure(message: "refusing to write over '\(path)': it is \(input.role)\(same)",
                                      help: "choose another output path")
        }
        if status.st_nlink > 1 {
            throw AtomicWrite.Failure(
                message: "refusing to replace '\(path)': it has \(status.st_nlink) hard links, and replacing one of them would leave the others with the old content",
                help: "write to another path, or make it a single file first (cp '\(path)' tmp && mv tmp '\(path)')")
        }
        guard !options.force, !isWritable(status, in: directory, name: name) else { return }
        if geteuid() != 0, status.st_uid != geteuid() {
            throw AtomicWrite.Failure(message: "refusing to replace '\(path)': it belongs to another user (uid \(status.st_uid)) and you may not write it",
                                      help: "pass --force to replace it anyway; the new file will belong to you")
        }
        throw AtomicWrite.Failure(message: "refusing to replace '\(path)': it is read-only",
                                  help: "make it writable (chmod u+w '\(path)'), or pass --force to replace it anyway")
    }

    /// Whether the caller may write the file itself (not only replace it in its directory).
    /// Root may write anything, so for root a file is read-only when nobody has a write bit.
    private static func isWritable(_ status: stat, in directory: Int32, name: String) -> Bool {
        if geteuid() == 0 { return status.st_mode & 0o222 != 0 }
        return faccessat(directory, name, W_OK, AT_EACCESS) == 0
    }

    /// The path the kernel knows an open descriptor by (Linux: `/proc/self/fd/N`).
    static func descriptorPath(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
