import BatonSyntax

/// A validated attribute value, typed by its spec.
enum DecodedValue: Hashable, Sendable {
    case flag(Bool)
    /// Fraction in 0…1.
    case percent(Double)
    /// Seconds.
    case duration(Double)
    case count(Int)
    case bound(Bound)
    /// Per second.
    case rate(Double)
    case choice(String)
    case participant(ParticipantID)
    case string(String)
}

struct DecodedAttribute: Hashable, Sendable {
    var key: String
    var value: DecodedValue
    var span: Span
    /// Where the model keeps it (the schema entry's `property`; see `store(in:)`).
    var property: AttributeProperty
}

/// Checks an attribute list against the schema for its site and types its values. Every
/// problem becomes a compile error that names what is allowed; valid attributes are kept even
/// when others in the same list are wrong.
///
/// Everything it knows about an attribute comes from its schema entry: the key, the value type
/// (which picks the decoding below), whether a duration must be longer than zero, and the
/// property that keeps the value — so adding an attribute is adding its entry.
struct AttributeDecoder {
    /// Looks up a participant by name (for `dlq=` and `reply-to=`): its id and kind.
    var lookup: (String) -> (id: ParticipantID, kind: ParticipantKind)?

    func decode(_ list: AttributeListSyntax?, at site: AttributeSite, diagnostics: inout CappedDiagnostics) -> [DecodedAttribute] {
        guard let list else { return [] }
        var decoded: [DecodedAttribute] = []
        decoded.reserveCapacity(list.attributes.count)
        decode(list, at: site, diagnostics: &diagnostics) { decoded.append($0) }
        return decoded
    }

    /// Decodes `list`, handing each valid attribute to `body` in order: what a site that keeps
    /// its attributes at once (an interaction's) calls, without an array in between.
    func decode(_ list: AttributeListSyntax, at site: AttributeSite, diagnostics: inout CappedDiagnostics,
                _ body: (DecodedAttribute) -> Void) {
        let specs = AttributeSchema.specs(for: site)
        // The keys given so far, as bits for their indices into `specs` (an array past the
        // 64th): a set of strings per list cost a hash table for every interaction.
        var seenMask: UInt64 = 0
        var seenBeyond: [Int] = []
        for (position, attribute) in list.attributes.enumerated() {
            guard let specIndex = specs.firstIndex(where: { $0.key == attribute.key }) else {
                diagnostics.append(unknown(attribute, site: site, allowed: specs))
                continue
            }
            let seen = specIndex < 64 ? seenMask & (1 << UInt64(specIndex)) != 0 : seenBeyond.contains(specIndex)
            if seen {
                // The first attribute with this key is the one kept (a key with no spec is never
                // seen, so the first with this key had one).
                let first = list.attributes[..<position].first { $0.key == attribute.key }?.span ?? attribute.span
                diagnostics.append(Diagnostic(
                    code: CompileError.invalidAttributeValue, severity: .error,
                    message: "'\(attribute.key)' is given twice", span: attribute.span,
                    notes: [.init("first given here", at: first)], help: "keep one of them"))
                continue
            }
            if specIndex < 64 { seenMask |= 1 << UInt64(specIndex) } else { seenBeyond.append(specIndex) }
            // The spec is read in place, only what `value` needs of it: handed over whole, it was
            // copied for every attribute (a retain of each of its strings and arrays, and a release).
            if let value = value(of: attribute, type: specs[specIndex].valueType, positive: specs[specIndex].positive,
                                 diagnostics: &diagnostics) {
                body(DecodedAttribute(key: attribute.key, value: value, span: attribute.span, property: specs[specIndex].property))
            }
        }
    }

    private func unknown(_ attribute: AttributeSyntax, site: AttributeSite, allowed: [AttributeSpec]) -> Diagnostic {
        let allowedKeys = allowed.map(\.key)
        let allowedText = allowedKeys.isEmpty ? "\(site.description) takes no attributes" : "allowed here: \(allowedKeys.joined(separator: ", "))"
        if case .participant(let kind) = site, let other = AttributeSchema.anySpec(key: attribute.key, site: site) {
            let kinds = other.kinds.map(\.rawValue).joined(separator: ", ")
            return Diagnostic(
                code: CompileError.unknownAttribute, severity: .error,
                message: "'\(attribute.key)' does not apply to a \(kind.rawValue); it applies to \(kinds)",
                span: attribute.keySpan, help: allowedText)
        }
        var help = allowedText
        if let suggestion = Suggestion.closest(to: attribute.key, in: allowedKeys) {
            help = "did you mean '\(suggestion)'? " + allowedText
        }
        return Diagnostic(
            code: CompileError.unknownAttribute, severity: .error,
            message: "unknown attribute '\(attribute.key)' on \(site.description)",
            span: attribute.keySpan, help: help)
    }

    private func invalid(_ attribute: AttributeSyntax, _ message: String, help: String? = nil) -> Diagnostic {
        Diagnostic(code: CompileError.invalidAttributeValue, severity: .error, message: message,
                   span: attribute.value?.span ?? attribute.span, help: help)
    }

    private func value(of attribute: AttributeSyntax, type valueType: AttributeSpec.ValueType, positive: Bool,
                       diagnostics: inout CappedDiagnostics) -> DecodedValue? {
        let key = attribute.key
        /// What the key takes, for messages only (made only when there is one to write).
        var expected: String { "'\(key)' takes \(valueType.summary)" }
        guard let value = attribute.value else {
            if valueType == .flag { return .flag(true) }
            diagnostics.append(invalid(attribute, "'\(key)' needs a value: \(valueType.summary)",
                                       help: "write it as \(key)=\(Self.example(valueType))"))
            return nil
        }
        /// A count, or nil after saying what is wrong with it: a fraction is not a count, and one
        /// below the least value names that bound.
        func counted(_ number: Double, minimum: Int) -> Int? {
            guard let count = Self.wholeNumber(number) else {
                diagnostics.append(invalid(attribute, "\(expected), not \(LiteralFormat.number(number))"))
                return nil
            }
            guard count >= minimum else {
                diagnostics.append(invalid(attribute, "'\(key)' must be at least \(minimum), not \(count)"))
                return nil
            }
            return count
        }
        func mismatch(_ help: String? = nil) -> DecodedValue? {
            diagnostics.append(invalid(attribute, "\(expected), not \(value.typeName)",
                                       help: help ?? "for example: \(key)=\(Self.example(valueType))"))
            return nil
        }
        switch (valueType, value.kind) {
        case (.count, .number(let number)), (.countOrUnbounded, .number(let number)):
            if number >= Self.countLimit {
                diagnostics.append(invalid(attribute, "'\(key)' must be at most \(LiteralFormat.number(Self.countLimit - 1))"))
                return nil
            }
        default:
            break
        }
        switch valueType {
        case .flag:
            if case .word(let word) = value.kind, word == "true" || word == "false" { return .flag(word == "true") }
            return mismatch("write the bare key '\(key)' to set it, or leave it out")
        case .percent:
            guard case .percent(let percent) = value.kind else {
                if case .number(let number) = value.kind, number <= 1 {
                    return mismatch("write it as a percentage: \(key)=\(LiteralFormat.number(number * 100))%")
                }
                if case .number(let number) = value.kind {
                    return mismatch("write it as a percentage: \(key)=\(LiteralFormat.number(number))%")
                }
                return mismatch()
            }
            guard percent <= 100 else {
                diagnostics.append(invalid(attribute, "'\(key)' must be at most 100%, not \(LiteralFormat.number(percent))%"))
                return nil
            }
            guard percent > 0 else {
                diagnostics.append(invalid(attribute, "'\(key)' must be above 0%, not \(LiteralFormat.number(percent))%"))
                return nil
            }
            return .percent(percent / 100)
        case .duration:
            guard case .duration(let seconds) = value.kind else {
                if case .number(let number) = value.kind {
                    return mismatch("add a unit: \(key)=\(LiteralFormat.number(number))s or \(key)=\(LiteralFormat.number(number))ms")
                }
                return mismatch()
            }
            if positive, seconds <= 0 {
                diagnostics.append(invalid(attribute, "'\(key)' must be longer than zero"))
                return nil
            }
            return .duration(seconds)
        case .count(let minimum):
            guard case .number(let number) = value.kind else { return mismatch() }
            guard let count = counted(number, minimum: minimum) else { return nil }
            return .count(count)
        case .countOrUnbounded(let minimum):
            if case .unbounded = value.kind { return .bound(.unbounded) }
            guard case .number(let number) = value.kind else { return mismatch() }
            guard let count = counted(number, minimum: minimum) else { return nil }
            return .bound(.count(count))
        case .rate:
            guard case .rate(let rate) = value.kind else {
                if case .number(let number) = value.kind {
                    return mismatch("add a time unit: \(key)=\(LiteralFormat.number(number))/s")
                }
                return mismatch()
            }
            guard rate > 0 else {
                diagnostics.append(invalid(attribute, "'\(key)' must be above zero"))
                return nil
            }
            return .rate(rate)
        case .choice(let choices):
            let word: String
            switch value.kind {
            case .word(let text), .string(let text): word = text
            default: return mismatch()
            }
            guard choices.contains(word) else {
                var help = "use one of: \(choices.joined(separator: ", "))"
                if let suggestion = Suggestion.closest(to: word, in: choices) { help = "did you mean '\(suggestion)'? " + help }
                diagnostics.append(invalid(attribute, "'\(word)' is not a valid '\(key)'", help: help))
                return nil
            }
            return .choice(word)
        case .participant(let kinds):
            guard case .word(let name) = value.kind else { return mismatch() }
            guard let participant = lookup(name) else {
                diagnostics.append(Diagnostic(
                    code: CompileError.undeclaredName, severity: .error,
                    message: "'\(name)' is not declared", span: value.span,
                    help: "declare it: \(kinds[0].rawValue) \(name)"))
                return nil
            }
            guard kinds.contains(participant.kind) else {
                diagnostics.append(invalid(attribute, "\(expected), but '\(name)' is a \(participant.kind.rawValue)",
                                           help: nil))
                return nil
            }
            return .participant(participant.id)
        case .stringOrName:
            switch value.kind {
            case .word(let text), .string(let text): return .string(text)
            default: return mismatch()
            }
        case .string:
            guard case .string(let text) = value.kind else { return mismatch("quote it: \(key)=\"…\"") }
            return .string(text)
        }
    }

    /// Counts stop below a trillion: far beyond any real design, and safe in every sum and
    /// product of the derived quantities.
    static let countLimit = 1e12

    static func wholeNumber(_ value: Double) -> Int? {
        guard value >= 0, value < countLimit, value == Double(Int(value)) else { return nil }
        return Int(value)
    }



    static func example(_ type: AttributeSpec.ValueType) -> String {
        switch type {
        case .flag: "true"
        case .percent: "99.9%"
        case .duration: "2s"
        case .count(let minimum): String(max(minimum, 3))
        case .countOrUnbounded: "3"
        case .rate: "100/s"
        case .choice(let values): values.first ?? ""
        case .participant(let kinds): "\(kinds[0].rawValue.prefix(1).uppercased())\(kinds[0].rawValue.dropFirst())Name"
        case .stringOrName: "\"Team\""
        case .string: "\"…\""
        }
    }
}

extension ParticipantAttributes {
    /// Stores a decoded attribute and where it was written.
    mutating func keep(_ attribute: DecodedAttribute) {
        spans[attribute.key] = attribute.span
        attribute.store(in: &self)
    }
}

extension InteractionAttributes {
    /// Stores a decoded attribute and where it was written.
    mutating func keep(_ attribute: DecodedAttribute) {
        spans[attribute.key] = attribute.span
        attribute.store(in: &self)
    }
}
