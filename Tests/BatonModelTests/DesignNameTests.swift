import BatonModel
import Testing

/// An untitled design is called by its file's name, the same way for its default flow and for
/// its pictures.
@Suite struct DesignNameTests {
    @Test(arguments: [("docs/checkout.baton", "checkout"), ("shop.v2.baton", "shop.v2"), ("README", "README"),
                      ("<stdin>", "main"), ("", "main")])
    func anUntitledDesignIsCalledByItsFile(_ path: String, _ name: String) {
        #expect(DesignName.untitled(path: path) == name)
    }

    @Test func theDefaultFlowOfAnUntitledDesignHasThatName() {
        let named = Compiler.compile(SourceInput(displayPath: "docs/checkout.baton", resolvedPath: "/r/docs/checkout.baton",
                                                 bytes: Array("service A\nservice B\nA -> B : x\n".utf8)))
        #expect(named.model.flows.map(\.name) == ["checkout"])
        let piped = Compiler.compile(SourceInput(displayPath: "<stdin>", resolvedPath: "/r/<stdin>",
                                                 bytes: Array("service A\nservice B\nA -> B : x\n".utf8)))
        #expect(piped.model.flows.map(\.name) == [DesignName.untitled])
    }
}
