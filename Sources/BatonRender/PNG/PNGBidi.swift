/// Right-to-left text in a left-to-right line, put in the order it is drawn: what the Unicode
/// bidirectional algorithm does for a line of one paragraph level 0 (SVG text is left to right
/// unless it says otherwise), cut down to what a label needs. Hebrew, Arabic and the other
/// right-to-left scripts form runs drawn right to left; digits inside such a run keep their own
/// order; spaces and punctuation between two right-to-left letters join their run; brackets in a
/// run are mirrored. Embedding and override controls are not followed — Baton writes them out
/// as visible escapes (`\u{202E}`) anyway — and Arabic letters are drawn unjoined.
enum PNGBidi {
    enum Direction {
        case left, right, number, neutral
    }

    /// `line` in drawing order; a line without right-to-left letters comes back as it is.
    static func visualOrder(_ line: String) -> String {
        let characters = Array(line)
        guard characters.contains(where: { direction($0) == .right }) else { return line }
        let classes = characters.map(direction)
        var resolved = classes
        // Numbers take the direction of the strong letter before them.
        var previousStrong = Direction.left
        for index in classes.indices {
            switch classes[index] {
            case .left, .right: previousStrong = classes[index]
            case .number: resolved[index] = previousStrong == .right ? .number : .left
            case .neutral: break
            }
        }
        // A bracket pair around right-to-left letters only, after right-to-left text, belongs to
        // it (both brackets, so the pair stays a pair); around any left-to-right letter, to the line.
        for (open, close) in bracketPairs(characters) {
            let inside = resolved[open + 1..<close]
            let before = resolved[..<open].last { $0 == .left || $0 == .right } ?? .left
            let direction: Direction? = inside.contains(.left) ? .left
                : inside.contains(where: { $0 == .right || $0 == .number }) ? (before == .right ? .right : .left) : nil
            if let direction {
                resolved[open] = direction
                resolved[close] = direction
            }
        }
        // Neutrals between two right-to-left sides (numbers in a run count as such) join them;
        // the line's ends count as left to right.
        var index = 0
        while index < resolved.count {
            guard resolved[index] == .neutral else {
                index += 1
                continue
            }
            var end = index
            while end < resolved.count, resolved[end] == .neutral { end += 1 }
            let before: Direction = index > 0 ? resolved[index - 1] : .left
            let after: Direction = end < resolved.count ? resolved[end] : .left
            let joins = before != .left && after != .left
            for inner in index..<end { resolved[inner] = joins ? .right : .left }
            index = end
        }
        // Each right-to-left run reversed, its numbers kept in order.
        var out: [Character] = []
        out.reserveCapacity(characters.count)
        index = 0
        while index < characters.count {
            guard resolved[index] != .left else {
                out.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, resolved[end] != .left { end += 1 }
            var units: [[Character]] = []
            var position = index
            while position < end {
                if resolved[position] == .number {
                    var last = position
                    while last < end, resolved[last] == .number { last += 1 }
                    units.append(Array(characters[position..<last]))
                    position = last
                } else {
                    units.append([mirrored(characters[position])])
                    position += 1
                }
            }
            for unit in units.reversed() { out.append(contentsOf: unit) }
            index = end
        }
        return String(out)
    }

    /// Matching brackets, innermost first, as the algorithm pairs them (a closing bracket
    /// matches the nearest open one of its kind; unmatched ones are left alone).
    static func bracketPairs(_ characters: [Character]) -> [(Int, Int)] {
        let closing: [Character: Character] = [")": "(", "]": "[", "}": "{"]
        var stack: [(Character, Int)] = []
        var pairs: [(Int, Int)] = []
        for (index, character) in characters.enumerated() {
            if character == "(" || character == "[" || character == "{" {
                stack.append((character, index))
            } else if let opening = closing[character], let match = stack.lastIndex(where: { $0.0 == opening }) {
                pairs.append((stack[match].1, index))
                stack.removeSubrange(match...)
            }
        }
        return pairs
    }

    static func direction(_ character: Character) -> Direction {
        guard let scalar = character.unicodeScalars.first else { return .neutral }
        let value = scalar.value
        switch value {
        case 0x0660...0x0669, 0x06F0...0x06F9: return .number  // Arabic-Indic digits
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return .right
        default: break
        }
        if ("0"..."9").contains(scalar) { return .number }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .otherLetter { return .left }
        return .neutral
    }

    static func mirrored(_ character: Character) -> Character {
        switch character {
        case "(": ")"
        case ")": "("
        case "[": "]"
        case "]": "["
        case "{": "}"
        case "}": "{"
        case "<": ">"
        case ">": "<"
        case "«": "»"
        case "»": "«"
        default: character
        }
    }
}
