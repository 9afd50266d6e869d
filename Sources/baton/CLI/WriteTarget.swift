import Baton
import BatonModel
import Foundation

/// Where a write really lands: the directory (symbolic links resolved) and the name in it.
///
/// A path that is a symbolic link resolves to the file the link points at, so writing replaces
/// that file and leaves the link alone; the directory is resolved too, so a link anywhere in the
/// path leads to the real place.
struct WriteTarget {
    /// The real directory, no symbolic links in it.
    var directory: String
    /// The file's name inside `directory`.
    var name: String

    static func resolve(_ path: String) throws(AtomicWrite.Failure) -> WriteTarget {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': not a file name")
        }
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let real = FileReader.realPath(path) else {
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw AtomicWrite.Failure(
                    message: "cannot write '\(path)': it is a symbolic link to '\(destination)', which does not exist",
                    help: "Baton writes through a link only to an existing file; remove the link or create its target first")
            }
            return WriteTarget(directory: PathName.directory(of: real), name: PathName.fileName(of: real))
        }
        let directory = PathName.directory(of: path)
        guard let realDirectory = FileReader.realPath(directory) else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': the directory '\(directory)' does not exist")
        }
        return WriteTarget(directory: realDirectory, name: PathName.fileName(of: path))
    }

    /// The file about to be replaced (nil: a new file), after checking that replacing it is safe
    /// and wanted.
    func existingFile(in directory: Int32, shownAs path: String, options: AtomicWrite.Options) throws(AtomicWrite.Failure) -> stat? {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw AtomicWrite.Failure(message: "cannot write '\(path)': \(SystemIO.Failure(errno).message)")
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFLNK {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': it was replaced by a symbolic link while Baton was working")
        }
        guard type == S_IFREG else {
            throw AtomicWrite.Failure(message: "cannot write '\(path)': it is not a regular file")
        }
        if let input = options.protected.first(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }) {
            let same = input.path == path ? "" : " ('\(input.path)')"
            throw AtomicWrite.Failure(message: "refusing to write over '\(path)': it is \(input.role)\(same)",
                                      help: "choose another output path")
        }
        if status.st_nlink > 1 {
            throw AtomicWrite.Failure(
                message: "refusing to replace '\(path)': it has \(status.st_nlink) hard links, and replacing one of them would leave the others with the old content",
                help: "write to another path, or make it a single file first (cp '\(path)' tmp && mv tmp '\(path)')")
        }
        if !options.force, !isWritable(status, in: directory) {
            throw AtomicWrite.Failure(message: "refusing to replace '\(path)': it is read-only",
                                      help: "make it writable (chmod u+w '\(path)'), or pass --force to replace it anyway")
        }
        return status
    }

    /// Whether the caller may write the file itself (not only replace it in its directory).
    /// Root may write anything, so for root a file is read-only when nobody has a write bit.
    private func isWritable(_ status: stat, in directory: Int32) -> Bool {
        if geteuid() == 0 { return status.st_mode & 0o222 != 0 }
        return faccessat(directory, name, W_OK, AT_EACCESS) == 0
    }
}
