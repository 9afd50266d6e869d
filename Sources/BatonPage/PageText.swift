import BatonRender

/// Every untrusted text on the page goes through here: names, labels, messages, titles.
///
/// `XMLEscaping.escape` turns `<`, `>`, `&` and both quotes into entities, so no text can open or
/// close an element (a `</script>` in a label is `&lt;/script&gt;`) or leave an attribute value,
/// and it writes bidi overrides and other invisible controls out as `\u{202E}`, so the page
/// shows the text in the order it was written. The page puts text only in element content and
/// double-quoted attributes, never in a script or a style.
enum PageText {
    static func escape(_ text: String) -> String {
        XMLEscaping.escape(text)
    }
}
