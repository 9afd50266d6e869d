import Foundation

/// Two bands passed between the thread that draws and the thread that encodes: while one is
/// being encoded the next is drawn. Each band belongs to one thread at a time — the
/// semaphores hand it over — so the pixels are never shared, and bands are encoded in order.
final class BandPipeline: @unchecked Sendable {
    private static let depth = 2

    /// One band in its own box: the two threads each hold a different box, and the list of
    /// boxes never changes, so neither thread ever writes anything the other reads.
    private final class Slot {
        var band: RasterBand

        init(_ band: RasterBand) {
            self.band = band
        }
    }

    private let slots: [Slot]
    /// Why drawing stopped, and at which band.
    private var failure: (error: FontError, band: Int)?
    /// Bands free to draw into, and bands drawn and waiting to be encoded. Both start at zero
    /// (the free ones are signalled in), as libdispatch refuses to free a semaphore left below
    /// the value it was made with — which a stop part way would otherwise do.
    private let free = DispatchSemaphore(value: 0)
    private let drawn = DispatchSemaphore(value: 0)
    private var filled = 0, drained = 0
    /// Set when the encoder stops early: the drawing thread then stops too.
    private var abandoned = false
    private let lock = NSLock()

    init(width: Int, rows: Int) {
        slots = (0..<Self.depth).map { _ in Slot(RasterBand(width: width, capacity: rows)) }
        for _ in 0..<Self.depth { free.signal() }
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
            try paint(&slots[slot].band)
        } catch {
            lock.lock()
            failure = (error, filled)
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
        // The bands drawn before the failure are encoded first; the failed one stops the image.
        if let failed, failed.band == drained {
            lock.lock()
            abandoned = true
            lock.unlock()
            free.signal()
            throw failed.error
        }
        encode(slots[drained % Self.depth].band)
        drained += 1
        free.signal()
    }
}
