@testable import baton
import Testing

/// Which designs `check` reserves large pages for (`CheckedInput.hugePages`): one checked
/// alone, from 512 KB and under 32 MB, so many bytes per byte on the thread that checks it and
/// on each other thread.
@Suite struct CheckedInputHugePagesTests {
    @Test func onlyADesignAloneInTheWindowReserves() {
        let from = CheckedInput.hugePagesFrom, upTo = CheckedInput.hugePagesBelow
        #expect(CheckedInput.hugePages(forDesignOf: from - 1, alone: true) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: upTo, alone: true) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: 16 << 20, alone: false) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: 1 << 20, alone: false) == nil)
        #expect(CheckedInput.hugePages(forDesignOf: 1 << 20, alone: true) == .init(thisThread: 16 << 20, eachWorker: 4 << 20))
        #expect(CheckedInput.hugePages(forDesignOf: 4 << 20, alone: true) == .init(thisThread: 64 << 20, eachWorker: 16 << 20))
        #expect(CheckedInput.hugePages(forDesignOf: from, alone: true) == .init(thisThread: from * 16, eachWorker: from * 4))
        #expect(CheckedInput.hugePages(forDesignOf: 16 << 20, alone: true) == .init(thisThread: 256 << 20, eachWorker: 64 << 20))
        #expect(CheckedInput.hugePages(forDesignOf: upTo - 1, alone: true) != nil)
    }

    /// The syntax tree's pages go back to the system from 2 MB, but only in small pages:
    /// handing back pages inside a large page splits it.
    @Test func onlyADesignInSmallPagesHandsItsTreeBack() {
        let from = CheckedInput.treeReturnedFrom
        #expect(!CheckedInput.returnsTree(ofDesignOf: from - 1, inLargePages: false))
        #expect(CheckedInput.returnsTree(ofDesignOf: from, inLargePages: false))
        #expect(CheckedInput.returnsTree(ofDesignOf: 16 << 20, inLargePages: false))
        #expect(!CheckedInput.returnsTree(ofDesignOf: 16 << 20, inLargePages: true))
    }
}
