import BatonSyntax

/// A model property's type that a decoded attribute value converts to: `Double` for a
/// percentage, a duration or a rate, `Int` for a count, a choice's enum, … So the schema names
/// where each attribute is kept with a key path (`\ParticipantAttributes.timeout`), the
/// property's type picks the conversion, and no attribute needs a hand-written case.
protocol AttributeValue: Sendable {
    /// Nil when the decoded value is of another kind (a schema entry whose value type does not
    /// fit its property; a test decodes every entry to catch that).
    init?(decoded: DecodedValue)
}

extension Bool: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .flag(let flag) = decoded else { return nil }
        self = flag
    }
}

extension Double: AttributeValue {
    init?(decoded: DecodedValue) {
        switch decoded {
        case .percent(let number), .duration(let number), .rate(let number): self = number
        default: return nil
        }
    }
}

extension Int: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .count(let count) = decoded else { return nil }
        self = count
    }
}

extension UInt64: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .count(let count) = decoded, count >= 0 else { return nil }
        self = UInt64(count)
    }
}

extension Bound: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .bound(let bound) = decoded else { return nil }
        self = bound
    }
}

extension ParticipantID: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .participant(let id) = decoded else { return nil }
        self = id
    }
}

extension String: AttributeValue {
    init?(decoded: DecodedValue) {
        guard case .string(let text) = decoded else { return nil }
        self = text
    }
}

/// An attribute that is not given leaves its property nil.
extension Optional: AttributeValue where Wrapped: AttributeValue {
    init?(decoded: DecodedValue) {
        guard let value = Wrapped(decoded: decoded) else { return nil }
        self = .some(value)
    }
}

/// A choice is its enum's raw value (`delivery=at-most-once`).
extension AttributeValue where Self: RawRepresentable, RawValue == String {
    init?(decoded: DecodedValue) {
        guard case .choice(let word) = decoded else { return nil }
        self.init(rawValue: word)
    }
}

extension Delivery: AttributeValue {}
extension Ordering: AttributeValue {}
extension Overflow: AttributeValue {}
extension Backoff: AttributeValue {}

/// A property a decoded value can be stored in: a key path to an `AttributeValue`, with its
/// root type erased so the schema can list every site's properties in one table.
///
/// The conversion is captured when the entry is made, where the key path's types are known,
/// so storing a value costs a type comparison and a write — not a runtime search for a
/// conformance (a cast to `any AttributeProperty<Root>` took a tenth of compiling a large
/// design).
///
/// A property stored in place in its root is written at its offset (`MemoryLayout.offset(of:)`),
/// and a computed one (the interaction's packed numbers) by the setter its entry gives, both as
/// the key path would write it: applying a key path at run time walks its components and looks
/// up metadata, and took a twentieth of compiling a large design. A test checks that each
/// value lands in its key path's property and nowhere else.
struct AttributeProperty: Hashable, Sendable {
    let keyPath: AnyKeyPath & Sendable
    /// The type the key path starts from.
    private let root: ObjectIdentifier
    private let write: @Sendable (DecodedValue, UnsafeMutableRawPointer) -> Bool
    /// Whether a value is written at the property's offset or by a setter, rather than through
    /// the key path.
    let writesDirectly: Bool

    /// `set`: how to write the property when it is computed (for one stored in place, nil).
    init<Root, Value: AttributeValue>(_ keyPath: WritableKeyPath<Root, Value> & Sendable,
                                      set: (@Sendable (inout Root, Value) -> Void)? = nil) {
        self.keyPath = keyPath
        self.root = ObjectIdentifier(Root.self)
        let offset = MemoryLayout<Root>.offset(of: keyPath)
        writesDirectly = set != nil || offset != nil
        // How a converted value is put into the root the pointer points at.
        let assign: @Sendable (UnsafeMutableRawPointer, Value) -> Void
        if let set {
            assign = { set(&$0.assumingMemoryBound(to: Root.self).pointee, $1) }
        } else if let offset {
            assign = { ($0 + offset).assumingMemoryBound(to: Value.self).pointee = $1 }
        } else {
            assign = { $0.assumingMemoryBound(to: Root.self).pointee[keyPath: keyPath] = $1 }
        }
        self.write = { value, pointer in
            guard let converted = Value(decoded: value) else { return false }
            assign(pointer, converted)
            return true
        }
    }

    /// False when the property is not one of `Root`'s or does not take the value (a mistake in
    /// the schema, which tests catch).
    func store<Root>(_ value: DecodedValue, in root: inout Root) -> Bool {
        // The pointer is only ever read as `Root`, and only when the key path starts at `Root`.
        guard self.root == ObjectIdentifier(Root.self) else { return false }
        return withUnsafeMutablePointer(to: &root) { write(value, UnsafeMutableRawPointer($0)) }
    }

    static func == (lhs: AttributeProperty, rhs: AttributeProperty) -> Bool { lhs.keyPath == rhs.keyPath }
    func hash(into hasher: inout Hasher) { hasher.combine(keyPath) }
}

extension DecodedAttribute {
    /// Stores the value in the property the schema keeps it in. False when that property is not
    /// one of `Root`'s or does not take the value (a mistake in the schema, which tests catch).
    @discardableResult
    func store<Root>(in root: inout Root) -> Bool {
        property.store(value, in: &root)
    }
}

extension Sequence<DecodedAttribute> {
    /// Stores every value in its property of `root` (a group, a flow, a loop).
    func store<Root>(in root: inout Root) {
        for attribute in self { attribute.store(in: &root) }
    }
}
