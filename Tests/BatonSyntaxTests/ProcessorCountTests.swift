@testable import BatonSyntax
import Foundation
import Testing

/// `ProcessorCount` reads the cores the process may use from the system, and its control
/// group's quota from the cgroup files (`SystemSetting`): the quotas as both versions write
/// them, and the count within what the process is allowed.
@Suite struct ProcessorCountTests {
    /// cgroup v2's `cpu.max` ("quota period", or "max" for none), rounded up.
    @Test func cgroupTwoQuotas() {
        #expect(ProcessorCount.quota(cpuMax: "200000 100000") == 2)
        #expect(ProcessorCount.quota(cpuMax: "150000 100000") == 2)
        #expect(ProcessorCount.quota(cpuMax: "50000 100000") == 1)
        #expect(ProcessorCount.quota(cpuMax: "max 100000") == nil)
        #expect(ProcessorCount.quota(cpuMax: "") == nil)
        #expect(ProcessorCount.quota(cpuMax: "100000") == nil)
    }

    /// cgroup v1's quota and period, from two files: -1, a missing file or a zero period is
    /// no quota.
    @Test func cgroupOneQuotas() {
        #expect(ProcessorCount.quota(limit: "400000", period: "100000") == 4)
        #expect(ProcessorCount.quota(limit: "-1", period: "100000") == nil)
        #expect(ProcessorCount.quota(limit: "", period: "") == nil)
        #expect(ProcessorCount.quota(limit: "100000", period: "0") == nil)
    }

    /// The count is at least 1, and no more than the cores the process may run on.
    @Test func theCountIsWithinTheCoresAllowed() throws {
        #expect(ProcessorCount.active >= 1)
        let allowed = try #require(CoreAffinity.allowed(ofProcess: true))
        #expect(ProcessorCount.active <= allowed.count)
    }

    /// A setting's first line without the spaces around it; its whole text; nothing where
    /// there is no such file.
    @Test func systemSettingsAreReadAsText() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baton-setting-\(getpid())")
        try Data(" 150000 100000 \nsecond line\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(SystemSetting.firstLine(file.path) == "150000 100000")
        #expect(SystemSetting.text(file.path) == " 150000 100000 \nsecond line\n")
        #expect(SystemSetting.firstLine(file.path + "-missing") == "")
        #expect(SystemSetting.text("/") == "")
    }
}
