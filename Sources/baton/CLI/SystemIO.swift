import Foundation

/// The system calls Baton's output goes through, with their errors as values (reading is
/// `FileReader`'s).
///
/// Foundation's `FileHandle.write(_:)` and `readDataToEndOfFile()` trap on any I/O error (a full
/// disk, a closed descriptor, a broken pipe, standard input that is a directory), which turns an
/// ordinary mistake in a CI script into a crash with a backtrace. These never trap.
enum SystemIO {
    /// An `errno` value with its message.
    struct Failure: Error, Equatable {
        var code: Int32
        var message: String { String(cString: strerror(code)) }

        init(_ code: Int32) { self.code = code }
    }

    /// Writes every byte to `descriptor`, retrying short writes and interruptions.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(Failure) {
        var failure: Failure?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(Failure) { try writeAll(descriptor, buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) throws(Failure) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(errno)
            }
            offset += written
        }
    }

    /// Makes sure descriptors 0, 1 and 2 are open, so that no file Baton opens later can land on
    /// one of them and receive what was meant for a standard stream. A closed one is reopened on
    /// `/dev/null` in the direction it is *not* used (standard input write-only, the outputs
    /// read-only), so using it still fails — with an error Baton reports — instead of silently
    /// reading nothing or writing into the void.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
