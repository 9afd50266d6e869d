@testable import baton
import Testing

/// The table `baton` dispatches on names each command beside its specification, made only when
/// asked for: the two names must agree, and no two commands share one.
@Suite struct CommandTableTests {
    @Test func eachCommandIsNamedAsItsSpecification() {
        for command in BatonCommandLine.commands {
            #expect(command.name == command.spec.name)
        }
        let names = BatonCommandLine.commands.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.first == "check")
    }
}
