import BatonCheck
import BatonJSON
import BatonSyntax

/// The bytes of the suppression fixes a JSON report writes, around their positions: from the
/// title to the edit's first line number (`head`), and from its last column on (`tail`), as
/// `FindingJSON.fix` and `FindingJSON.edit` write them (`FindingJSON.suppression` writes the
/// rest). Every finding offers a suppression, and a rule's differ only in their line and in the
/// indentation of their comment, so a report needs one layout per rule, indentation and file
/// for tens of thousands of findings: each thread that writes a report keeps its own across
/// the chunks it writes (`ReportChunk.ThreadLayouts`).
///
/// A layout is known by where its title and comment are stored, not by their bytes: the texts
/// of a rule's suppressions are made once per indentation and shared (`SuppressionFix.Texts`,
/// which the layouts keep for the writers of their thread, `texts`). The
/// layout holds those texts, so while it is kept no other text can be stored where they are:
/// the same places are the same texts. (Its file's quoted path is compared byte for byte.) A
/// text stored in the string itself (15 bytes or fewer) has no place of its own, and its fix is
/// written member by member; a text stored elsewhere, or a slot another layout took, costs a
/// layout made again, never a byte.
public struct SuppressionLayouts: Sendable {
    struct Layout: Sendable {
        /// Held, so that no other text is stored where these are while the layout is kept.
        let title: String
        let newText: String
        let quoted: [UInt8]
        let head: [UInt8]
        let tail: [UInt8]

        /// `quoted` is the file's path as a JSON string.
        init(title: String, safety: Fix.Safety, quoted: [UInt8], newText: String) {
            self.title = title
            self.quoted = quoted
            self.newText = newText
            var head: [UInt8] = []
            head.appendInPlace(estimate: 256 + title.utf8.count + quoted.count) { out in
                out.string(title)
                FindingJSON.fixMembers(safety: safety, isSuppression: true, into: &out)
                FindingJSON.openEdit(first: true, file: quoted, into: &out)
            }
            self.head = head
            var tail: [UInt8] = []
            tail.appendInPlace(estimate: 64 + newText.utf8.count) { out in
                FindingJSON.closeEdit(newText: newText, into: &out)
            }
            self.tail = tail
        }
    }

    /// Where a layout's texts are stored, and what else it depends on: compared as numbers.
    struct Key: Equatable, Sendable {
        var title: UInt
        var newText: UInt
        var file: FileID
        var safety: Fix.Safety

        /// Nil when a text has no place of its own (see `SuppressionLayouts`).
        init?(title: String, safety: Fix.Safety, file: FileID, newText: String) {
            guard title.utf8.count > Self.heldInString, newText.utf8.count > Self.heldInString,
                  let title = Self.place(of: title), let newText = Self.place(of: newText)
            else { return nil }
            self.title = title
            self.newText = newText
            self.file = file
            self.safety = safety
        }

        /// The most UTF-8 bytes a string holds in itself.
        static let heldInString = 15

        static func place(of text: String) -> UInt? {
            text.utf8.withContiguousStorageIfAvailable { $0.baseAddress.map { UInt(bitPattern: $0) } } ?? nil
        }

        /// The first slot of the layout (strings allocated at run time are 16-byte aligned, so
        /// their lowest bits carry nothing; a literal's may, which only spreads it differently).
        var slot: Int {
            Int(((newText >> 4) ^ (newText >> 10) ^ (title >> 4)) % UInt(SuppressionLayouts.slotCount))
        }
    }

    /// Slots: more than the layouts of most reports (a dozen rules, each at a few indentations).
    /// A layout may take any of `slotsPerKey` slots from the one its key picks, so that two
    /// layouts whose keys pick the same slot do not keep replacing each other.
    static let slotCount = 64
    static let slotsPerKey = 4

    /// Each slot's key and layout, set together. The keys stand apart so that looking for one
    /// compares numbers in place: reading a layout out of its slot retained and released its
    /// texts and arrays.
    private var keys: [Key?] = []
    private var slots: [Layout?] = []
    /// Which of its slots a key without a layout takes next, when all of them are taken.
    private var replaced = 0
    /// How many layouts were made: the misses.
    private(set) var made = 0
    /// The suppressions' texts the report's writers on this thread made.
    private var texts = SuppressionFix.Texts()

    public init() {}

    /// Trades the texts kept here for `other` (a writer takes them while it writes).
    mutating func swapTexts(_ other: inout SuppressionFix.Texts) {
        swap(&texts, &other)
    }

    /// Lends `body` the suppressions' texts kept here (a report's text and GitHub chunks
    /// resolve their findings with them).
    public mutating func withTexts<Result>(_ body: (inout SuppressionFix.Texts) -> Result) -> Result {
        body(&texts)
    }

    /// The slot that holds the layout of these texts, made now when none of the key's slots
    /// held it; nil when a text has no place of its own (see `SuppressionLayouts`).
    mutating func slot(title: String, safety: Fix.Safety, file: FileID, quoted: [UInt8], newText: String) -> Int? {
        guard let key = Key(title: title, safety: safety, file: file, newText: newText) else { return nil }
        if slots.isEmpty {
            keys = Array(repeating: nil, count: Self.slotCount)
            slots = Array(repeating: nil, count: Self.slotCount)
        }
        var free: Int?
        for probe in 0..<Self.slotsPerKey {
            let slot = (key.slot + probe) % Self.slotCount
            guard let held = keys[slot] else {
                if free == nil { free = slot }
                continue
            }
            if held == key, slots.withUnsafeBufferPointer({ $0[slot]?.quoted == quoted }) { return slot }
        }
        let slot = free ?? (key.slot + replaced) % Self.slotCount
        if free == nil { replaced = (replaced + 1) % Self.slotsPerKey }
        keys[slot] = key
        slots[slot] = Layout(title: title, safety: safety, quoted: quoted, newText: newText)
        made += 1
        return slot
    }

    /// Lends `body` the bytes of the layout in `slot` (see `slot(title:safety:file:quoted:newText:)`),
    /// before and after the positions.
    func withBytes<Result>(of slot: Int, _ body: (_ head: UnsafeBufferPointer<UInt8>, _ tail: UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            let head = slots[slot]?.head ?? []
            let tail = slots[slot]?.tail ?? []
            return head.withUnsafeBufferPointer { head in tail.withUnsafeBufferPointer { tail in body(head, tail) } }
        }
    }
}
