@testable import baton
import Testing

/// Which designs `check` reserves large pages for (`CheckedInput.hugePages`): one checked
/// alone, from 512 KB and under 2 MB (where the syntax tree's pages go back to the system for
/// the peak's sake), so many bytes per byte.
@Suite struct CheckedInputHugePagesTests {
    @Test func onlyADesignAloneInTheWindowReserves() {
        let from = CheckedInput.hugePagesFrom, upTo = CheckedInput.treeReturnedFrom
        #expect(CheckedInput.hugePages(forDesignOf: from - 1, alone: true) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: upTo, alone: true) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: 1 << 20, alone: false) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: 1 << 20, alone: true) == 16 << 20)
        #expect(CheckedInput.hugePages(forDesignOf: from, alone: true) == from * 16)
        #expect(CheckedInput.hugePages(forDesignOf: upTo - 1, alone: true) != nil)
    }
}
