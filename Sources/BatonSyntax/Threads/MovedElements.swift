extension Array {
    /// Appends `other`'s elements by moving them, and leaves `other` empty.
    ///
    /// `append(contentsOf:)` copies each element, retaining every string and array it holds,
    /// and `other` then releases them all again when it goes: for a large design parsed in
    /// parts (`PartParse`), tens of thousands of top-level statements, each holding several
    /// references, on one thread while the others waited. Moved, the elements' bytes are copied
    /// and nothing they hold is touched. Each place they leave in `other` is filled with
    /// `placeholder` before `other` is emptied, so `placeholder` should hold nothing that is
    /// counted (an empty string, no array): freeing it then costs nothing either.
    public mutating func append(moving other: inout [Element], leaving placeholder: Element) {
        append(moving: &other) { count, from, to in Self.move(count, from: from, to: to, leaving: placeholder) }
    }

    /// `append(moving:leaving:)` with the second half of the elements moved on `partner`'s
    /// thread (the work handed to it) while this one moves the first: moving tens of
    /// thousands of large elements is mostly the system handing over the pages of the room
    /// they go to, a page at a time, which two threads do at once. Waits for the partner
    /// (`finish`) before it returns.
    public mutating func append(moving other: inout [Element], leaving placeholder: Element,
                                sharingWith partner: Partner<some Sendable, Void>) where Element: Sendable {
        append(moving: &other) { count, from, to in
            let half = count / 2
            let back = (from: Elements(start: from + half, count: count - half),
                        to: Elements(start: to + half, count: count - half))
            partner.hand { Self.move(back.from.count, from: back.from.start, to: back.to.start, leaving: placeholder) }
            Self.move(half, from: from, to: to, leaving: placeholder)
            _ = partner.finish()
        }
    }

    /// Moves the elements to room of their own size when more than an eighth of the array's
    /// room is unused, leaving `placeholder` where they were (see `append(moving:leaving:)`).
    /// An array filled by appending doubles its room as it grows, so up to half of it can be
    /// unused; one held to the end of a long stage (a rule's findings, held until they are
    /// merged) keeps that room from everything allocated meanwhile. (An array that shares its
    /// storage is copied first, as by any change to it.)
    public mutating func fitRoom(leaving placeholder: Element) {
        guard capacity - count > count / 8 else { return }
        var fitted: [Element] = []
        fitted.reserveCapacity(count)
        fitted.append(moving: &self, leaving: placeholder)
        swap(&self, &fitted)
    }

    /// Makes room for `other`'s elements, has `move` move them there (their count, where they
    /// are, the room), and leaves `other` empty.
    private mutating func append(moving other: inout [Element],
                                 by move: (Int, UnsafeMutablePointer<Element>, UnsafeMutablePointer<Element>) -> Void) {
        let count = other.count
        guard count > 0 else { return }
        other.withUnsafeMutableBufferPointer { source in
            guard let from = source.baseAddress else { return }
            append(addingCapacity: count) { span in
                span.withUnsafeMutableBufferPointer { room, initialized in
                    guard let to = room.baseAddress else { return }
                    move(count, from, to)
                    initialized = count
                }
            }
        }
        other = []
    }

    /// Moves `count` elements from `from` to the uninitialized `to`, and leaves `placeholder`
    /// in each place they left.
    private static func move(_ count: Int, from: UnsafeMutablePointer<Element>, to: UnsafeMutablePointer<Element>,
                             leaving placeholder: Element) {
        to.moveInitialize(from: from, count: count)
        from.initialize(repeating: placeholder, count: count)
    }

    /// Frees the elements before `middle` on this thread and the rest on another, at the same
    /// time, and leaves the array empty: a large design's syntax tree, freed object by object,
    /// takes one thread twice as long. The elements are freed where they are, each place then
    /// holding `placeholder` (see `append(moving:leaving:)`) until the array goes; splitting
    /// them into two arrays first copied (or moved) half of them, on this thread, while the
    /// other waited.
    public mutating func freeInTwo(at middle: Int, leaving placeholder: Element) where Element: Sendable {
        guard middle > 0, middle < count else {
            self = []
            return
        }
        withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let back = Elements(start: start + middle, count: buffer.count - middle)
            let front = Elements(start: start, count: middle)
            _ = Concurrently.both({ front.free(leaving: placeholder) }, { back.free(leaving: placeholder) })
        }
        self = []
    }
}

/// A part of an array's storage that one thread alone works on: frees (`freeInTwo`), or moves
/// from or to (`append(moving:leaving:sharingWith:)`). The arrays are held by the thread that
/// waits for that one, and no other thread touches these places.
private struct Elements<Element: Sendable>: @unchecked Sendable {
    let start: UnsafeMutablePointer<Element>
    let count: Int

    func free(leaving placeholder: Element) {
        start.deinitialize(count: count)
        start.initialize(repeating: placeholder, count: count)
    }
}
