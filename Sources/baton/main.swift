// The `baton` command line: arguments, files and exit codes — the work itself happens in the
// library stages behind the `Baton` façade.

import Foundation

SystemIO.reserveStandardDescriptors()
var arguments = Array(CommandLine.arguments.dropFirst())
// pandoc runs a filter with only the output format as argument: a link named baton-pandoc
// makes `pandoc --filter baton-pandoc` work.
if let program = CommandLine.arguments.first?.split(separator: "/").last, program == "baton-pandoc" {
    arguments = ["pandoc"] + arguments
}
exit(BatonCommandLine.run(arguments))
