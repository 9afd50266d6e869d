// The `baton` command line: arguments, files and exit codes — the work itself happens in the
// library stages behind the `Baton` façade.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
exit(BatonCommandLine.run(arguments))
