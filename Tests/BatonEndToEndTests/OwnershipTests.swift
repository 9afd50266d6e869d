// Ownership, where it matters: Baton run as root over files other users own (as CI does), and
// run as an unprivileged user over files it may replace but not write. These need root (or
// password-less sudo) to switch users; on a laptop without either they are skipped, in CI
// (`CI=true`) they fail instead.

import BatonTestSupport
import Foundation
import Testing

/// The command prefix that runs a program as `nobody`: `runuser` as root, else `sudo -n -u`.
enum SwitchUser {
    static let prefix: [String]? = {
        if geteuid() == 0, let runuser = ExternalProgram.find("runuser") { return [runuser.url.path, "-u", "nobody", "--"] }
        if let sudo = ExternalProgram.find("sudo"), (try? sudo.run(["-n", "true"]))?.status == 0 {
            return [sudo.url.path, "-n", "-u", "nobody", "--"]
        }
        return nil
    }()
}

@Suite(.enabled("needs root or password-less sudo to run commands as 'nobody'; with CI=true their absence is a failure") {
    ExternalProgram.isCI || SwitchUser.prefix != nil
})
struct OwnershipTests {
    static let messy = "service A;service B\nA->B:x\n"
    static let canonical = "service  A\nservice  B\nA -> B : x\n"

    struct Owner: Equatable {
        var user: uid_t
        var group: gid_t
        var mode: Int
    }

    static let nobody: (uid: uid_t, gid: gid_t)? = {
        guard let entry = getpwnam("nobody") else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }()

    /// The executable as `nobody` can run it: a copy in a world-searchable directory, since
    /// the package may be checked out where only its owner can reach (a `mktemp -d` clone).
    static let executableForNobody: URL? = {
        guard let directory = try? makeTemporaryDirectory(prefix: "baton-owner-bin") else { return nil }
        let copy = directory.appendingPathComponent("baton")
        guard chmod(directory.path, 0o755) == 0,
              (try? FileManager.default.copyItem(at: BatonExecutable.url, to: copy)) != nil,
              chmod(copy.path, 0o755) == 0
        else { return nil }
        return copy
    }()

    let directory: URL

    init() throws {
        directory = try makeTemporaryDirectory(prefix: "baton-owner")
        // Let `nobody` reach the directory: the system temporary directory is world-searchable.
        #expect(chmod(directory.path, 0o777) == 0)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func owner(_ name: String) -> Owner? {
        var status = stat()
        guard lstat(path(name), &status) == 0 else { return nil }
        return Owner(user: status.st_uid, group: status.st_gid, mode: Int(status.st_mode & 0o7777))
    }

    func create(_ name: String, _ text: String, owner: Owner) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        #expect(chown(path(name), owner.user, owner.group) == 0)
        #expect(chmod(path(name), mode_t(owner.mode)) == 0)
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `baton ARGUMENTS` in the directory, as root when `asNobody` is false.
    func baton(_ arguments: [String], asNobody: Bool) throws -> ExternalProgram.Output {
        let prefix = asNobody ? try #require(SwitchUser.prefix, "no way to switch to 'nobody'") : []
        let executable = asNobody ? try #require(Self.executableForNobody, "cannot copy baton where 'nobody' can run it")
                                  : BatonExecutable.url
        let command = prefix + [executable.path] + arguments
        let program = ExternalProgram(name: "baton", url: URL(fileURLWithPath: command[0]))
        return try program.run(Array(command.dropFirst()), in: directory, environment: ["NO_COLOR": "1"])
    }

    @Test func rootFormattingAnotherUsersFileKeepsItsOwnerGroupAndMode() throws {
        try #require(geteuid() == 0, "the test replaces another user's file, which needs root")
        let nobody = try #require(Self.nobody)
        let theirs = Owner(user: nobody.uid, group: nobody.gid, mode: 0o640)
        try create("theirs.baton", Self.messy, owner: theirs)
        let result = try baton(["fmt", "theirs.baton"], asNobody: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(read("theirs.baton") == Self.canonical)
        #expect(owner("theirs.baton") == theirs)
    }

    @Test func rootRenderingThroughAnotherUsersLinkKeepsTheTargetsOwner() throws {
        try #require(geteuid() == 0, "the test replaces another user's file, which needs root")
        let nobody = try #require(Self.nobody)
        let theirs = Owner(user: nobody.uid, group: nobody.gid, mode: 0o604)
        try create("design.baton", Self.canonical, owner: Owner(user: 0, group: 0, mode: 0o644))
        try create("picture.svg", "old", owner: theirs)
        #expect(symlink("picture.svg", path("out.svg")) == 0)
        let result = try baton(["render", "design.baton", "-o", "out.svg"], asNobody: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(read("picture.svg")?.hasPrefix("<svg") == true)
        #expect(owner("picture.svg") == theirs)
    }

    @Test func anUnprivilegedUserCannotWriteARootFileWithoutForce() throws {
        try #require(geteuid() == 0, "the test creates a root-owned file")
        try create("roots.baton", Self.messy, owner: Owner(user: 0, group: 0, mode: 0o644))
        let refused = try baton(["fmt", "roots.baton"], asNobody: true)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("it belongs to another user (uid 0) and you may not write it"), "\(refused.standardError)")
        #expect(read("roots.baton") == Self.messy)
        #expect(owner("roots.baton")?.user == 0)
    }

    @Test func aForcedReplacementByAnotherUserDropsSetUserIDBits() throws {
        try #require(geteuid() == 0, "the test creates a root-owned file")
        let nobody = try #require(Self.nobody)
        try create("tool.baton", Self.messy, owner: Owner(user: 0, group: 0, mode: 0o4755))
        let result = try baton(["fmt", "--force", "tool.baton"], asNobody: true)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(read("tool.baton") == Self.canonical)
        // It could not be given back to root, so it must not stay set-user-id (now for nobody).
        #expect(owner("tool.baton") == Owner(user: nobody.uid, group: nobody.gid, mode: 0o755))
    }

    @Test func rootRefusesALinkAnotherUserPlantedInASharedDirectory() throws {
        // /tmp-style directory (sticky, world-writable): 'nobody' plants out.svg -> root's file.
        // The kernel refuses to follow such a link only with fs.protected_symlinks on; Baton
        // refuses it always.
        try #require(geteuid() == 0, "the test needs a root-only file")
        let prefix = try #require(SwitchUser.prefix, "no way to switch to 'nobody'")
        try create("victim", "precious\n", owner: Owner(user: 0, group: 0, mode: 0o600))
        try create("design.baton", Self.canonical, owner: Owner(user: 0, group: 0, mode: 0o644))
        #expect(mkdir(path("shared"), 0o777) == 0 && chmod(path("shared"), 0o1777) == 0)
        let ln = ExternalProgram(name: "ln", url: URL(fileURLWithPath: prefix[0]))
        let planted = try ln.run(Array(prefix.dropFirst()) + ["/bin/ln", "-s", path("victim"), path("shared/out.svg")], in: directory)
        #expect(planted.status == 0, "\(planted.standardError)")
        let result = try baton(["render", "design.baton", "-o", "shared/out.svg"], asNobody: false)
        #expect(result.status == 2)
        #expect(result.standardError.contains("refusing to write through 'shared/out.svg'"), "\(result.standardError)")
        #expect(read("victim") == "precious\n")
        #expect(owner("victim") == Owner(user: 0, group: 0, mode: 0o600))
    }

    @Test func writingThroughALinkToARootOnlyFileKeepsItRootOnly() throws {
        // The old writer replaced the link with a new 0644 file; now the target is written and
        // keeps its owner and its 0600.
        try #require(geteuid() == 0, "the test needs a root-only file")
        try create("secret", "top secret\n", owner: Owner(user: 0, group: 0, mode: 0o600))
        try create("design.baton", Self.canonical, owner: Owner(user: 0, group: 0, mode: 0o644))
        #expect(symlink(path("secret"), path("out.svg")) == 0)
        let result = try baton(["render", "design.baton", "-o", "out.svg"], asNobody: false)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(owner("secret") == Owner(user: 0, group: 0, mode: 0o600))
        #expect(read("secret")?.hasPrefix("<svg") == true)
        #expect(owner("out.svg")?.mode == 0o777, "the link stays a link")
    }

    /// A file or directory the user may not read is named with the reason, wherever Baton meets
    /// it: an input, a design found below a directory, an import, a configuration file.
    @Test func whatAUserMayNotReadSaysPermissionDenied() throws {
        try #require(geteuid() == 0, "the test makes files only root may read")
        let root = Owner(user: 0, group: 0, mode: 0o600)
        let open = Owner(user: 0, group: 0, mode: 0o644)
        try create("secret.baton", "service S\n", owner: root)
        try create("main.baton", "import \"secret.baton\"\nservice A\n", owner: open)
        try create("conf.json", "{}", owner: root)
        #expect(mkdir(path("designs"), 0o755) == 0)
        #expect(mkdir(path("designs/locked"), 0o700) == 0)
        try create("designs/ok.baton", "service A\n", owner: open)

        for command in ["check", "render", "fmt", "metrics", "dump"] {
            let input = try baton([command, "secret.baton"], asNobody: true)
            #expect(input.status == 2, "\(command)")
            #expect(input.standardError.hasPrefix("baton: error: cannot read 'secret.baton': Permission denied\n"), "\(command): \(input.standardError)")
        }
        let below = try baton(["check", "designs"], asNobody: true)
        #expect(below.status == 2)
        #expect(below.standardError.hasPrefix("baton: error: cannot read the directory 'designs/locked': Permission denied\n"),
                "\(below.standardError)")
        let imported = try baton(["check", "main.baton"], asNobody: true)
        #expect(imported.status == 1)
        #expect(String(decoding: imported.standardOutput, as: UTF8.self)
            .contains("error[import-not-found]: cannot read imported file 'secret.baton': Permission denied\n"))
        let configuration = try baton(["check", "--config", "conf.json", "designs/ok.baton"], asNobody: true)
        #expect(configuration.status == 2)
        #expect(configuration.standardError.hasPrefix(
            "baton: error: invalid configuration: conf.json: cannot read the configuration file: Permission denied\n"))
    }
}
