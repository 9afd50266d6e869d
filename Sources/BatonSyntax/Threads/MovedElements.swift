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
        let count = other.count
        guard count > 0 else { return }
        other.withUnsafeMutableBufferPointer { source in
            guard let from = source.baseAddress else { return }
            append(addingCapacity: count) { span in
                span.withUnsafeMutableBufferPointer { room, initialized in
                    guard let to = room.baseAddress else { return }
                    to.moveInitialize(from: from, count: count)
                    initialized = count
                }
            }
            from.initialize(repeating: placeholder, count: count)
        }
        other = []
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
            let back = Elements(buffer: UnsafeMutableBufferPointer(rebasing: buffer[middle...]))
            let front = Elements(buffer: UnsafeMutableBufferPointer(rebasing: buffer[..<middle]))
            _ = Concurrently.both({ front.free(leaving: placeholder) }, { back.free(leaving: placeholder) })
        }
        self = []
    }
}

/// A part of an array's storage that one thread alone frees (`freeInTwo`): the array is held
/// by its owner meanwhile, and no other thread touches these elements.
private struct Elements<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    func free(leaving placeholder: Element) {
        buffer.deinitialize()
        buffer.initialize(repeating: placeholder)
    }
}
