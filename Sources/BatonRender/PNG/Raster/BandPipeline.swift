import Foundation

/// Two bands passed between the thread that draws and the thread that encodes: while one is
/// being encoded the next is drawn. Each band belongs to one thread at a time — the
/// semaphores hand it over — so the pixels are never shared, and bands are encoded in order.
final class BandPipeline: @unchecked Sendable {
    private static let depth = 2
    private var bands: [RasterBand]
    private var failure: FontError?
    /// Bands free to draw into, and bands drawn and waiting to be encoded.
    private let free = DispatchSemaphore(value: BandPipeline.depth)
    private let drawn = DispatchSemaphore(value: 0)
    private var filled = 0, drained = 0
    /// Set when the encoder stops early: the drawing thread then stops too.
    private var abandoned = false
    private let lock = NSLock()

    init(width: Int, rows: Int) {
        bands = (0..<Self.depth).map { _ in RasterBand(width: width, capacity: rows) }
    }

    /// On the drawing thread: waits for a free band, lets `paint` draw it, and hands it on.
    /// False when drawing must stop (a failure, or nobody is encoding any more).
    func fill(_ paint: (inout RasterBand) throws(FontError) -> Void) -> Bool {
        free.wait()
        lock.lock()
        let stop = abandoned
        lock.unlock()
        guard !stop else { return false }
        let slot = filled % Self.depth
        var ok = true
        do {
            try paint(&bands[slot])
        } catch {
            lock.lock()
            failure = error
            lock.unlock()
            ok = false
        }
        filled += 1
        drawn.signal()
        return ok
    }

    /// On the encoding thread: waits for the next drawn band and lets `encode` read it.
    func drain(_ encode: (RasterBand) -> Void) throws(FontError) {
        drawn.wait()
        lock.lock()
        let failed = failure
        lock.unlock()
        if let failed {
            lock.lock()
            abandoned = true
            lock.unlock()
            free.signal()
            throw failed
        }
        encode(bands[drained % Self.depth])
        drained += 1
        free.signal()
    }
}
