/// The edits of a `Fix`, in source order, with a single edit held inline.
///
/// Nearly every fix makes one edit (a large design's findings each carry a rule's fix and the
/// fix that suppresses them: on 16 MB, 370,000 fixes of one edit and 300 of two). As an array,
/// each of those edits was a heap block of its own — a header and the edit, 80 bytes with the
/// allocator's — plus an allocation, a release and a free per fix. Here the one edit is stored
/// in the fix itself, in the room the edit takes and one byte saying which case it is, and only
/// two or more edits use an array. The collection reads like an array of edits: same elements,
/// order, count, indices, equality and hash; `Array(edits)` where a caller needs an array.
public struct FixEdits: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral,
    CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// One representation per count (no edit, one, several), so the cases compare directly.
    private enum Storage: Sendable {
        case empty
        case one(TextEdit)
        /// Two or more edits.
        case several([TextEdit])
    }

    private var storage: Storage

    /// No edits, without allocating.
    public init() {
        storage = .empty
    }

    /// One edit, without allocating.
    public init(_ edit: TextEdit) {
        storage = .one(edit)
    }

    /// The edits in source order (`TextEdit.sourceOrder`); edits at one place keep the order
    /// they were given in (a fix may insert twice at one offset).
    public init(_ edits: [TextEdit]) {
        switch edits.count {
        case 0: storage = .empty
        case 1: storage = .one(edits[0])
        default:
            // Edits made in order keep their array (a sort makes a new one).
            let inOrder = zip(edits, edits.dropFirst()).allSatisfy { !TextEdit.sourceOrder($1, $0) }
            storage = .several(inOrder ? edits : edits.sorted(by: TextEdit.sourceOrder))
        }
    }

    /// The edits of `sequence` in source order (see `init(_:)` for an array).
    public init<Edits: Sequence<TextEdit>>(_ sequence: Edits) {
        self.init(Array(sequence))
    }

    public init(arrayLiteral elements: TextEdit...) {
        self.init(elements)
    }

    // MARK: - Collection

    public var startIndex: Int { 0 }

    public var endIndex: Int { count }

    public var count: Int {
        switch storage {
        case .empty: 0
        case .one: 1
        case .several(let edits): edits.count
        }
    }

    public var isEmpty: Bool {
        if case .empty = storage { return true }
        return false
    }

    /// Out of range traps, as an array's subscript does.
    public subscript(position: Int) -> TextEdit {
        switch storage {
        case .empty: EmptyCollection<TextEdit>()[position]
        case .one(let edit): CollectionOfOne(edit)[position]
        case .several(let edits): edits[position]
        }
    }

    // MARK: - Equality, hashing, printing

    /// Equal when the edits are, one by one (as for arrays of edits).
    public static func == (lhs: FixEdits, rhs: FixEdits) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.empty, .empty): true
        case (.one(let left), .one(let right)): left == right
        case (.several(let left), .several(let right)): left == right
        default: false
        }
    }

    /// Hashes as an array of the same edits does: the count, then each edit.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for edit in self { hasher.combine(edit) }
    }

    /// Printed and dumped as an array of the edits (`[TextEdit(…), …]`), not as its storage, so
    /// a printed fix reads as it did when its edits were an array.
    public var description: String { Array(self).description }

    public var debugDescription: String { Array(self).debugDescription }

    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection)
    }
}
