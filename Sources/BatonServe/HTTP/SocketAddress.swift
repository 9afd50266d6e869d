import Foundation

/// An IPv4 or IPv6 address and port to bind. Only address literals and `localhost` are taken:
/// resolving other names could bind somewhere the user did not mean.
struct SocketAddress {
    var family: Int32
    private var storage: sockaddr_storage

    init(host: String, port: Int) throws(ServerError) {
        guard (0...65535).contains(port) else { throw ServerError("the port must be between 0 and 65535, not \(port)") }
        storage = sockaddr_storage()
        let literal = host == "localhost" ? "127.0.0.1" : host
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            family = AF_INET
            withUnsafeMutableBytes(of: &storage) { raw in
                let address = raw.baseAddress.map { $0.assumingMemoryBound(to: sockaddr_in.self) }
                address?.pointee.sin_family = sa_family_t(AF_INET)
                address?.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                address?.pointee.sin_addr = v4
            }
        } else if inet_pton(AF_INET6, literal, &v6) == 1 {
            family = AF_INET6
            withUnsafeMutableBytes(of: &storage) { raw in
                let address = raw.baseAddress.map { $0.assumingMemoryBound(to: sockaddr_in6.self) }
                address?.pointee.sin6_family = sa_family_t(AF_INET6)
                address?.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                address?.pointee.sin6_addr = v6
            }
        } else {
            throw ServerError("'\(host)' is not an IP address (give one such as 127.0.0.1, ::1 or 0.0.0.0, or localhost)")
        }
    }

    func bind(_ descriptor: Int32) -> Int32 {
        var copy = storage
        let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
        return withUnsafePointer(to: &copy) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, length) }
        }
    }

    /// The port a bound socket listens on.
    static func localPort(_ descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return 0 }
        return withUnsafeBytes(of: storage) { raw -> Int in
            if storage.ss_family == sa_family_t(AF_INET) {
                return Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            }
            return Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
        }
    }
}
