import BatonJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor as a byte source: a trace file or standard input, read a chunk at a
/// time so that a file of any size is read in the same memory.
public struct FileDescriptorSource: JSONByteSource {
    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(JSONStreamError) -> Int {
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw JSONStreamError(message: "cannot read: \(String(cString: strerror(errno)))")
        }
    }
}
