/// What a design is called when it has no title: its root file's name without the extension
/// (`checkout.baton` → `checkout`), or `main` when the file has no name of its own (standard
/// input). Its default flow is named so, and so are the pictures of an untitled design.
public enum DesignName {
    /// The name of a design read from standard input, or from no file at all.
    public static let untitled = "main"

    /// The name of an untitled design whose root file is `path`.
    public static func untitled(path: String) -> String {
        let stem = PathName.stem(of: path)
        return stem == "<stdin>" || stem.isEmpty ? untitled : stem
    }
}
