// The `baton` command line: arguments, files and exit codes — the work itself happens in the
// library stages behind the `Baton` façade.

import Foundation

StartupPages.release()
SystemIO.reserveStandardDescriptors()
// Swift decodes arguments leniently: a file name that is not UTF-8 would arrive with U+FFFD in
// place of its bytes and name some other file. Refuse such an argument instead.
for index in 1..<Int(CommandLine.argc) {
    guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
    exit(Terminal.fail("argument \(index) ('\(String(cString: raw))') is not valid UTF-8",
                       help: "Baton names files in UTF-8; rename the file, or pass it on standard input with '-'"))
}
var arguments = Array(CommandLine.arguments.dropFirst())
// pandoc runs a filter with only the output format as argument: a link named baton-pandoc
// makes `pandoc --filter baton-pandoc` work.
if let program = CommandLine.arguments.first?.split(separator: "/").last, program == "baton-pandoc" {
    arguments = ["pandoc"] + arguments
}
exit(BatonCommandLine.run(arguments))
