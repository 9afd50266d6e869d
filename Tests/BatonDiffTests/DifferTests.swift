import BatonDiff
import BatonModel
import Testing

/// Small pairs of designs written by hand, with the differences worked out by hand.
@Suite struct DifferTests {
    static let checkout = """
        title "Checkout"
        client Shopper
        service Shop [timeout=5s]
        service Payments [timeout=2s, availability=99.9%]
        queue Legacy [ttl=1h]
        store Books
        Shopper -> Shop : checkout [retries=2] {
          Shop -> Payments : charge [retries=3]
          Shop <- Books : read stock [timeout=1s]
          Shop ->> Legacy : order placed
        }
        Legacy ->> Books : archive
        """

    // MARK: - Equal

    @Test func aDesignEqualsItself() {
        let result = diff(Self.checkout, Self.checkout)
        #expect(result.isEmpty)
        #expect(result == DesignDiff(old: "old.baton", new: "new.baton"))
    }

    /// Layout, comments, attribute order and the way a value is written make no difference.
    @Test func reformattingAndCommentsAreNoDifference() {
        let reformatted = """
            # The same design, written another way.
            title "Checkout"
            client   Shopper
            service  Shop      [timeout=5000ms]   # five seconds
            service  Payments  [availability=99.90%, timeout=2s]
            queue    Legacy    [ttl=60m]
            store    Books

            Shopper->Shop : checkout [retries=2] {
                Shop->Payments : charge [retries=3]
                Shop<-Books : read stock [timeout=1000ms]
                Shop->>Legacy : order placed
            }
            Legacy->>Books : archive
            """
        let result = diff(Self.checkout, reformatted)
        #expect(result.isEmpty, "\(result)")
    }

    // MARK: - Participants

    @Test func participantsAddedRemovedAndChangedAttributeByAttribute() {
        let new = """
            title "Checkout"
            client Shopper
            service Shop [timeout=5s, owner=web]
            service Payments [timeout=1s, availability=99.9%, idempotent]
            service Fraud [availability=99%]
            store Books
            Shopper -> Shop : checkout [retries=2] {
              Shop -> Payments : charge [retries=3]
              Shop -> Fraud : score [timeout=500ms]
              Shop <- Books : read stock [timeout=1s]
            }
            """
        let result = diff(Self.checkout, new)
        #expect(result.summary(result.participants) == ["changed Shop", "changed Payments", "added Fraud", "removed Legacy"])
        #expect(DesignDiff.attributes(result.participants[0]) == ["owner: - → web"])
        // In the schema's order (docs/language.md's table), whatever the order written.
        #expect(DesignDiff.attributes(result.participants[1]) == ["idempotent: - → set", "timeout: 2s → 1s"])
        // An added element lists what it declares (its kind is the change's own field).
        #expect(result.participants[2].kind == "service")
        #expect(DesignDiff.attributes(result.participants[2]) == ["availability: - → 99%"])
        #expect(DesignDiff.attributes(result.participants[3]) == ["ttl: 1h → -"])
        #expect(result.participants[3].oldLocation?.line == 5)
        #expect(result.participants[3].newLocation == nil)
        #expect(result.participants[1].oldLocation?.line == 4 && result.participants[1].newLocation?.line == 4)
    }

    @Test func kindLabelGroupAndOwnerAreAttributesToo() {
        let old = """
            group Team [owner=payments] {
              service A "Alpha"
            }
            service B
            A -> B : call
            """
        let new = """
            external A "Alpha one"
            service B
            A -> B : call
            """
        let result = diff(old, new)
        #expect(result.summary(result.participants) == ["changed A"])
        #expect(DesignDiff.attributes(result.participants.first) == [
            "kind: service → external", "label: Alpha → Alpha one", "group: Team → -", "owner: payments → -",
        ])
        #expect(result.summary(result.groups) == ["removed Team"])
        #expect(DesignDiff.attributes(result.groups.first) == ["owner: payments → -", "members: A → -"])
    }

    // MARK: - Renames

    /// Same kind, same attributes, same interactions under a new name: renamed, and the
    /// interactions that name it are not reported again.
    @Test func anEvidentRenameIsOneChange() {
        let new = Self.checkout.replacingOccurrences(of: "Books", with: "Ledger")
            .replacingOccurrences(of: "store Ledger", with: "store Ledger \"Stock ledger\"")
        let result = diff(Self.checkout, new)
        #expect(result.summary(result.participants) == ["renamed Ledger"])
        #expect(result.participants.first?.oldName == "Books")
        #expect(DesignDiff.attributes(result.participants.first) == ["label: - → Stock ledger"])
        #expect(result.interactions.isEmpty, "\(result.interactions)")
        #expect(result.metrics.isEmpty)
    }

    /// A changed attribute, or another candidate that looks the same, makes it a removal and
    /// an addition: a rename is reported only when it is evident.
    @Test func aRenameThatIsNotEvidentIsARemovalAndAnAddition() {
        let changed = Self.checkout.replacingOccurrences(of: "Books", with: "Ledger")
            .replacingOccurrences(of: "store Ledger", with: "store Ledger [latency=5ms]")
        let result = diff(Self.checkout, changed)
        #expect(result.summary(result.participants) == ["added Ledger", "removed Books"])
        #expect(result.summary(result.interactions) == [
            "added Shop <- Ledger : read stock", "added Legacy ->> Ledger : archive",
            "removed Shop <- Books : read stock", "removed Legacy ->> Books : archive",
        ])

        let twins = """
            service A
            store X
            store Y
            A <- X : read
            A <- Y : read
            """
        let renamedTwins = twins.replacingOccurrences(of: "X", with: "P").replacingOccurrences(of: "Y", with: "Q")
        let ambiguous = diff(twins, renamedTwins)
        #expect(ambiguous.summary(ambiguous.participants) == ["added P", "added Q", "removed X", "removed Y"])
    }

    @Test func aParticipantWithoutInteractionsIsNeverTakenForRenamed() {
        let result = diff("service A\nstore Cache\n", "service A\nstore Ledger\n")
        #expect(result.summary(result.participants) == ["added Ledger", "removed Cache"])
    }

    /// A renamed participant named by another's attribute (`dlq=`) changes only itself.
    @Test func attributesThatNameARenamedParticipantFollowIt() {
        let old = """
            service A
            service B [idempotent]
            queue Orders [dlq=Dead, ttl=1h]
            queue Dead [ttl=24h]
            A ->> Orders : order
            B <- Orders : next [timeout=1s]
            B <- Dead : dead letters [timeout=1s]
            """
        let new = old.replacingOccurrences(of: "Dead", with: "Parked")
        let result = diff(old, new)
        #expect(result.summary(result.participants) == ["renamed Parked"])
        #expect(result.participants.first?.attributes == [])
        #expect(result.interactions.isEmpty)
    }

    // MARK: - Interactions

    /// Interactions that share ends, arrow and label pair up by their attributes first, then
    /// in document order: a change to the second of three is reported on the second.
    @Test func duplicateInteractionsPairDeterministically() {
        let old = """
            service A
            service B [timeout=1s]
            A -> B : poll
            A -> B : poll [retries=1]
            A -> B : poll
            """
        let changedSecond = old.replacingOccurrences(of: "[retries=1]", with: "[retries=2]")
        let changed = diff(old, changedSecond)
        #expect(changed.summary(changed.interactions) == ["changed A -> B : poll"])
        #expect(changed.interactions.first?.occurrence == 2)
        #expect(DesignDiff.attributes(changed.interactions.first) == ["retries: 1 → 2"])

        // Removing the first plain one leaves the one with retries matched to its twin.
        let fewer = """
            service A
            service B [timeout=1s]
            A -> B : poll [retries=1]
            A -> B : poll
            """
        let removed = diff(old, fewer)
        #expect(removed.summary(removed.interactions) == ["removed A -> B : poll"])
        #expect(removed.interactions.first?.attributes.isEmpty == false, "the removed one is a plain poll: its flow is listed")
        #expect(DesignDiff.attributes(removed.interactions.first) == ["flow: (top-level steps) → -"])
        #expect(removed.interactions.first?.occurrence == 3, "the last of the three plain-or-not polls went")
    }

    /// Where an interaction stands is compared too: its flow, the call whose block holds it and
    /// the fragments around it.
    @Test func anInteractionsPlaceIsCompared() {
        let old = """
            service A
            service B [timeout=1s]
            service C [timeout=1s]
            flow "Main" {
              A -> B : go {
                B -> C : work
              }
            }
            """
        let new = """
            service A
            service B [timeout=1s]
            service C [timeout=1s]
            flow "Main" {
              A -> B : go {
                alt "busy" {
                  loop [times=3] {
                    B -> C : work
                  }
                }
              }
            }
            """
        let result = diff(old, new)
        #expect(result.summary(result.interactions) == ["changed B -> C : work"])
        #expect(DesignDiff.attributes(result.interactions.first) == ["in: - → alt \"busy\" › loop ×3"])
        // B's timeout bounds the call whatever its block does: no wait moved; the loop does
        // not multiply attempts (it is repetition by design, not amplification).
        #expect(result.metrics.isEmpty, "\(result.metrics)")
    }

    // MARK: - Groups, flows, scenarios, title

    @Test func groupsFlowsScenariosAndTheTitle() {
        let old = """
            title "Old"
            group Web [owner=web] {
              client C
              service S
            }
            flow "Buy" [description="one purchase"] {
              C -> S : buy [timeout=1s]
            }
            flow "Gone" {
              C -> S : look [timeout=1s]
            }
            scenario "Load" [duration=5m] {
              load 10/s flow "Buy"
            }
            """
        let new = """
            title "New"
            group Web [owner=platform] {
              client C
              service S
              service T
            }
            flow "Buy" [description="one purchase, paid"] {
              C -> S : buy [timeout=1s]
            }
            flow "Browse" {
              C -> S : look [timeout=1s]
              C -> T : recommend [timeout=1s]
            }
            scenario "Load" [duration=10m] {
              load 10/s flow "Buy"
              expect p99 <= 2s
            }
            """
        let result = diff(old, new)
        #expect(result.design == [AttributeChange(key: "title", old: "Old", new: "New")])
        #expect(result.summary(result.groups) == ["changed Web"])
        #expect(DesignDiff.attributes(result.groups.first) == ["owner: web → platform", "members: C, S → C, S, T"])
        #expect(result.summary(result.flows) == ["changed Buy", "added Browse", "removed Gone"])
        #expect(DesignDiff.attributes(result.flows.first) == ["description: one purchase → one purchase, paid"])
        #expect(result.summary(result.scenarios) == ["changed Load"])
        #expect(DesignDiff.attributes(result.scenarios.first) == ["duration: 5m → 10m", "expect: - → p99 <= 2s"])
        // Owner is effective: S and C changed owner with their group.
        #expect(result.summary(result.participants) == ["changed C", "changed S", "added T"])
        #expect(result.summary(result.interactions) == ["changed C -> S : look", "added C -> T : recommend"])
        #expect(DesignDiff.attributes(result.interactions.first) == ["flow: Gone → Browse"])
    }

    /// The top-level steps of the root file are one flow whatever the file is called.
    @Test func theDefaultFlowIsKnownByItsFileNotItsName() {
        let design = "service A\nservice B [timeout=1s]\nA -> B : call\n"
        let result = Differ.diff(old: side(design, path: "before.baton"), new: side(design, path: "after.baton"), workingDirectory: "/t")
        #expect(result.isEmpty, "\(result.flows)")
    }

    // MARK: - Imports

    /// Imported files are part of the design: a change in one is a change of the design, and a
    /// library found beside each root is the same library.
    @Test func changesInImportedFilesCount() {
        let root = """
            import "lib/shared.baton"
            client App
            App -> Shared : call
            """
        let oldLibrary = "service Shared [timeout=1s]\n"
        let newLibrary = "service Shared [timeout=3s, availability=99.5%]\nstore Cache\n"
        let old = side(root, path: "old/design.baton", files: ["old/lib/shared.baton": oldLibrary])
        let new = side(root, path: "new/design.baton", files: ["new/lib/shared.baton": newLibrary])
        let result = Differ.diff(old: old, new: new, workingDirectory: "/t")
        #expect(result.summary(result.participants) == ["changed Shared", "added Cache"])
        #expect(DesignDiff.attributes(result.participants.first) == ["availability: - → 99.5%", "timeout: 1s → 3s"])
        #expect(result.participants.first?.newLocation?.file == "new/lib/shared.baton")
        #expect(result.participants.first?.oldLocation?.file == "old/lib/shared.baton")
        #expect(result.metrics.map { "\($0.metric.rawValue) \($0.subject)" } == [
            // Participants in declaration order: the import comes first.
            "worstCaseWait App -> Shared : call", "compositeAvailability Shared", "compositeAvailability App",
        ])
        #expect(result.metrics.first?.oldText == "1s" && result.metrics.first?.newText == "3s")
        // The same library, unchanged, under another directory name, is no difference.
        let moved = side(root.replacingOccurrences(of: "lib/", with: "common/"), path: "x/design.baton",
                         files: ["x/common/shared.baton": oldLibrary])
        #expect(Differ.diff(old: old, new: moved, workingDirectory: "/t").isEmpty)
    }

    // MARK: - Numbers

    @Test func theNumbersThatMoved() {
        let old = """
            client App
            service Gateway [timeout=2s, availability=99.9%]
            service Search [availability=99%]
            App -> Gateway : page [retries=1] {
              Gateway -> Search : query [retries=2, latency=100ms]
            }
            """
        let new = """
            client App
            service Gateway [timeout=2s, availability=99.9%]
            service Search [availability=99.5%]
            service Ads
            App -> Gateway : page [retries=2] {
              Gateway -> Search : query [retries=4, latency=100ms]
              Gateway -> Ads : ads
            }
            """
        let result = diff(old, new)
        let moved = result.metrics.map { "\($0.metric.rawValue) \($0.subject): \($0.oldText) → \($0.newText)" }
        #expect(moved == [
            "worstCaseWait App -> Gateway : page: 4s → 6s",
            "amplification App -> Gateway : page: 6 → 15",
            // 99.9% × 99% = 98.901% → 99.9% × 99.5% = 99.4005%, printed as precisely as tells them apart.
            "compositeAvailability App: 98.9% → 99.4%",
            "compositeAvailability Gateway: 98.9% → 99.4%",
            "compositeAvailability Search: 99% → 99.5%",
            "fanOut Gateway: 1 → 2",
        ])
        #expect(result.metrics[0].old == 4 && result.metrics[0].new == 6)
        #expect(abs(result.metrics[2].old - 0.98901) < 1e-12 && abs(result.metrics[2].new - 0.994005) < 1e-12)
    }

    // MARK: - Findings

    @Test func findingsNewAndResolvedByFingerprint() {
        let old = """
            service A
            service B
            A -> B : call
            """
        // Lines move (a comment and a blank line above): the old finding is still the same one.
        // A new call without a timeout is a new finding.
        let new = """
            # moved down

            service A
            service B
            service C
            A -> B : call
            A -> C : other
            """
        let result = diff(old, new)
        #expect(result.resolvedFindings.isEmpty, "\(result.resolvedFindings.map(\.message))")
        #expect(result.newFindings.map(\.code) == ["missing-timeout"])
        #expect(result.newFindings.first?.location == DiffLocation(file: "new.baton", line: 7, column: 1))
        #expect(result.newFindings.first?.message.contains("'C'") == true)
        // Making the call safe resolves its finding, where the old design had it.
        let fixed = diff(old, "service A\nservice B [timeout=1s]\nA -> B : call\n")
        #expect(fixed.resolvedFindings.map(\.code) == ["missing-timeout"])
        #expect(fixed.resolvedFindings.first?.location == DiffLocation(file: "old.baton", line: 3, column: 1))
        #expect(fixed.newFindings.isEmpty)
    }
}
