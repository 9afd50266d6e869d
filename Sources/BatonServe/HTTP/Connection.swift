import Foundation

/// One accepted socket: reads with a deadline, writes every byte or fails, and closes once.
///
/// Writes never raise SIGPIPE (`MSG_NOSIGNAL`): a client that went away is an error value, and
/// the send timeout set at accept bounds how long a client that stops reading can hold a write.
final class Connection: @unchecked Sendable {
    let descriptor: Int32
    private var closed = false

    init(descriptor: Int32, sendTimeout: TimeInterval) {
        self.descriptor = descriptor
        var timeout = timeval(tv_sec: Int(sendTimeout), tv_usec: Int((sendTimeout - Double(Int(sendTimeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close() }

    /// Reads what is available, waiting no later than `deadline`: nil at end of stream, on an
    /// error or when the deadline passes.
    func read(until deadline: Date, maximum: Int = 4096) -> [UInt8]? {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if ready == 0 { continue }
            var buffer = [UInt8](repeating: 0, count: maximum)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return nil }
            return Array(buffer[..<count])
        }
    }

    /// Writes every byte, retrying short writes; false when the client is gone or stopped
    /// reading for longer than the send timeout.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let sent = send(descriptor, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    /// Whether the client has closed its end (or the socket failed): checked without waiting,
    /// between events of a stream, so a departed subscriber is noticed before the next write.
    var peerClosed: Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        if poller.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        // Bytes sent on an event stream mean nothing and are dropped; the end of the stream or
        // an error means the client left.
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR)
    }

    /// Closes after the response: the write side first, then a short drain of anything the
    /// client still sends (a body it was told not to send), so the kernel does not answer the
    /// unread bytes with a reset that could destroy the response before the client reads it.
    func finish(drainFor seconds: TimeInterval = 0.2) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(seconds)
        var drained = 0
        while drained < 64 * 1024, let bytes = read(until: deadline) { drained += bytes.count }
        close()
    }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(descriptor)
    }
}
