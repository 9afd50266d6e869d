import Foundation

/// Two bands' filtered rows passed between the thread that draws and the thread that
/// compresses: while one is being compressed the next is drawn. Each belongs to one thread at a
/// time — the semaphores hand it over — so nothing is shared, and bands are compressed in order.
final class BandPipeline: @unchecked Sendable {
    private static let depth = 2

    /// One band's rows in their own box: the two threads each hold a different box, and the
    /// list of boxes never changes, so neither thread ever writes anything the other reads.
    private final class Slot {
        var rows: PNGFilteredRows

        init(_ rows: PNGFilteredRows) {
            self.rows = rows
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
        slots = (0..<Self.depth).map { _ in Slot(PNGFilteredRows(width: width, capacity: rows)) }
        for _ in 0..<Self.depth { free.signal() }
    }

    /// On the drawing thread: waits for a free slot, lets `paint` fill it, and hands it on.
    /// False when drawing must stop (a failure, or nobody is compressing any more).
    func fill(_ paint: (inout PNGFilteredRows) throws(FontError) -> Void) -> Bool {
        free.wait()
        lock.lock()
        let stop = abandoned
        lock.unlock()
        guard !stop else { return false }
        let slot = filled % Self.depth
        var ok = true
        do {
            try paint(&slots[slot].rows)
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

    /// On the compressing thread: waits for the next band's rows and lets `encode` read them.
    func drain(_ encode: (PNGFilteredRows) -> Void) throws(FontError) {
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
        encode(slots[drained % Self.depth].rows)
        drained += 1
        free.signal()
    }
}
