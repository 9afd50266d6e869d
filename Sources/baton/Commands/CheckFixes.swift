import Baton
import BatonCheck
import BatonModel
import BatonSyntax

/// The fixing part of `baton check --fix`, `--unsafe-fixes` and `--diff`: applies the findings'
/// fixes to the files named on the command line, in memory, until none applies.
///
/// - Only files the user named (or that lie below a named directory) change; a fix that edits
///   any other file, an imported one included, is left alone.
/// - Suppression fixes are never applied: a suppression is a decision only a person can make.
/// - One fix per finding (its first one allowed), whole or not at all. Fixes that overlap are
///   skipped in a pass and tried again on the new text, for at most `maximumPasses` passes.
/// - Edited files are compiled from memory (the root and any import that was edited), so
///   `--diff` writes nothing and `--fix` writes each file once, at the end.
struct CheckFixes {
    static let maximumPasses = 10

    let includeUnsafe: Bool
    /// Real path of each input (its display path for standard input) → the input's index.
    /// Made when the first input is fixed: a run that fixes nothing resolves no real paths.
    private var inputIndex: [String: Int] = [:]
    private var indexed = false
    private let inputs: [InputFile]
    /// The current text of each edited file, by key.
    private(set) var contents: [String: [UInt8]] = [:]
    /// Each edited file's text before the first fix.
    private(set) var originals: [String: [UInt8]] = [:]
    /// Edited files' keys, in the order they were first edited.
    private(set) var edited: [String] = []
    /// Fixes applied (each resolves one finding).
    private(set) var fixed = 0

    init(inputs: [InputFile], includeUnsafe: Bool) {
        self.inputs = inputs
        self.includeUnsafe = includeUnsafe
    }

    private mutating func indexInputs() {
        guard !indexed else { return }
        indexed = true
        for (index, input) in inputs.enumerated() where inputIndex[Self.key(of: input)] == nil {
            inputIndex[Self.key(of: input)] = index
        }
    }

    static func key(of input: InputFile) -> String {
        input.isStandardInput ? input.displayPath : PathName.normalize(FileReader.canonical(input.displayPath))
    }

    /// The input a key names (to show or write an edited file by the path the user gave).
    func input(for key: String) -> InputFile? { inputIndex[key].map { inputs[$0] } }

    /// The text to check for `input`: edited, or as read. (Without edits no path is resolved:
    /// a run that fixes nothing must not pay for a real path per file.)
    func bytes(of input: InputFile) -> [UInt8] {
        contents.isEmpty ? input.bytes : contents[Self.key(of: input)] ?? input.bytes
    }

    /// Reads imports, from memory for the files edited so far.
    func reader() -> Compiler.Reader {
        let snapshot = contents
        if snapshot.isEmpty { return FileReader.readImport }
        return { path throws(Compiler.ReadFailure) in
            if let bytes = snapshot[PathName.normalize(FileReader.canonical(path))] { return bytes }
            return try FileReader.readImport(path)
        }
    }

    /// Fixes one input (and the named files it imports) until no fix applies.
    mutating func fix(_ input: InputFile, options: CompileOptions, configuration: Configuration) {
        indexInputs()
        let rootKey = Self.key(of: input)
        for _ in 0..<Self.maximumPasses {
            let compilation = Baton.compile(bytes: bytes(of: input), displayPath: input.displayPath, options: options, read: reader())
            guard !compilation.hasErrors else { return }
            // The first allowed fix of each finding, grouped by the one file it edits.
            var byFile: [FileID: [Fix]] = [:]
            var files: [FileID] = []
            for diagnostic in Baton.check(compilation, configuration: configuration) {
                guard let fix = diagnostic.fixes.first(where: allowed),
                      let file = fix.edits.first?.span.file,
                      fix.edits.allSatisfy({ $0.span.file == file }) else { continue }
                if byFile[file] == nil { files.append(file) }
                byFile[file, default: []].append(fix)
            }
            var progress = false
            for file in files.sorted() {
                let key = file == compilation.rootFile ? rootKey : compilation.resolvedPaths[file.rawValue]
                // Imported files change only when the user named them too.
                guard inputIndex[key] != nil, let fixes = byFile[file] else { continue }
                let before = compilation.sources[file].bytes
                let result = TextEdits.apply(fixes, to: before, file: file)
                guard !result.applied.isEmpty, result.bytes != before else { continue }
                if originals[key] == nil {
                    originals[key] = before
                    edited.append(key)
                }
                contents[key] = result.bytes
                fixed += result.applied.count
                progress = true
            }
            if !progress { return }
        }
    }

    func allowed(_ fix: Fix) -> Bool {
        !fix.isSuppression && (fix.safety == .safe || includeUnsafe) && !fix.edits.isEmpty
    }

    /// The edited files whose text differs from what was read, in the order first edited.
    var changed: [String] { edited.filter { contents[$0] != originals[$0] } }
}
