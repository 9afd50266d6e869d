/// Command lines shown to the user to copy: each word quoted for a POSIX shell when it needs it.
enum ShellWords {
    static func join(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    /// `design.baton` stays as it is; `my design.baton` becomes `'my design.baton'`, and a `'`
    /// inside becomes `'\''`.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:,@%+".unicodeScalars.contains(scalar))
        }
        if plain { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
