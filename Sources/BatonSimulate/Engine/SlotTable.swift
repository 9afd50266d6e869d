/// A growable table of plain values that the engine reads and writes in place, tens of millions
/// of times a second.
///
/// Why not `Array`: writing `tasks[i].kind = .free` into an array held by a struct costs a call to
/// the runtime's uniqueness check (copy-on-write) and often a retain and release of the buffer, on
/// every write. Replacing the engine's arrays by tables took a quarter off the time per request
/// (`baton-sim-bench`). A table is one heap buffer addressed through a cached pointer: a read or a
/// write is a load or a store, and nothing else.
///
/// What keeps that safe:
/// - Elements are `BitwiseCopyable` (plain numbers, flags and enums), so the buffer never has to
///   retain, release or deinitialise them, and growing it is a plain copy of bytes.
/// - The table keeps its buffer alive (`storage`); `base` only caches where its elements start.
/// - Every write checks its index (a bad one would corrupt memory), in every build, as an
///   `Array` would: every index comes from the engine's own slot numbering, never from input,
///   so a bad one is a bug in the engine, not an error a user can cause. That costs 1–3% of
///   the time. Reads are not checked: a bad slot number is almost always written through as
///   well, and checking reads made the debug test suite a quarter slower.
/// - Copies of a table share the buffer (reference semantics, like a class): the engine owns its
///   tables and is never copied while it runs, so nothing relies on a copy being independent.
///
/// The subscript is `mutating` even for reads: in unoptimised builds a non-mutating access
/// copies the table first (a retain and a release per read), which made the debug test suite
/// markedly slower. The engine's methods are `mutating` anyway; `element(_:)` serves the few
/// read-only callers.
struct SlotTable<Element: BitwiseCopyable> {
    /// Owns the memory: freed when the last table using it goes away.
    private var storage: ManagedBuffer<Void, Element>
    /// Where the elements start (inside `storage`).
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Elements in use: indices 0..<count.
    private(set) var count: Int

    init(capacity: Int = 16) {
        let capacity = Swift.max(1, capacity)
        storage = ManagedBuffer<Void, Element>.create(minimumCapacity: capacity) { _ in }
        base = storage.withUnsafeMutablePointerToElements { $0 }
        self.capacity = capacity
        count = 0
    }

    init(repeating element: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: element, count: count)
        self.count = count
    }

    init(_ elements: [Element]) {
        self.init(capacity: elements.count)
        for element in elements { append(element) }
    }

    var isEmpty: Bool { count == 0 }

    subscript(index: Int) -> Element {
        @inline(__always)
        mutating unsafeAddress {
            return UnsafePointer(base + index)
        }
        @inline(__always)
        unsafeMutableAddress {
            // One unsigned comparison catches negative indices too.
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "a slot outside the table")
            return base + index
        }
    }

    /// The element at `index`, for code that only reads (the subscript is `mutating`, see above;
    /// this one is for cold paths, and checks its index in every build).
    func element(_ index: Int) -> Element {
        precondition(index >= 0 && index < count, "a slot outside the table")
        return base[index]
    }

    /// `count` elements from `start` on, as an array (for reports: a cold path).
    func elements(_ start: Int, _ count: Int) -> [Element] {
        precondition(start >= 0 && count >= 0 && start + count <= self.count, "slots outside the table")
        return Array(UnsafeBufferPointer(start: base + start, count: count))
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes and returns the last element (the table must not be empty).
    @inline(__always)
    mutating func removeLast() -> Element {
        precondition(count > 0, "a slot outside the table")
        count -= 1
        return base[count]
    }

    /// Doubles the buffer, copying the elements (plain bytes) into a new one.
    @inline(never)
    private mutating func grow() {
        let newCapacity = capacity * 2
        let newStorage = ManagedBuffer<Void, Element>.create(minimumCapacity: newCapacity) { _ in }
        let newBase = newStorage.withUnsafeMutablePointerToElements { $0 }
        newBase.initialize(from: base, count: count)
        storage = newStorage
        base = newBase
        capacity = newCapacity
    }
}
