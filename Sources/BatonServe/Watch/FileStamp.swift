import Foundation

/// What a poll remembers of a file: enough to see an edit (size, modification and change
/// times to the nanosecond, inode for a file replaced by rename), or that it is gone.
struct FileStamp: Equatable, Sendable {
    var exists: Bool
    var size: Int64 = 0
    var inode: UInt64 = 0
    var modified: timespec = timespec()
    var changed: timespec = timespec()

    init(path: String) {
        var status = stat()
        exists = stat(path, &status) == 0
        guard exists else { return }
        size = Int64(status.st_size)
        inode = UInt64(status.st_ino)
        modified = status.st_mtim
        changed = status.st_ctim
    }

    static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        lhs.exists == rhs.exists && lhs.size == rhs.size && lhs.inode == rhs.inode
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
            && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
}
