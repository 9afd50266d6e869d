import Baton
import BatonCheck
import BatonModel
import Foundation

extension ConfigurationFiles {
    /// The configuration for an input: found from its directory (standard input: from the
    /// current directory).
    mutating func configuration(for input: InputFile) throws(ConfigurationError) -> Configuration {
        let start = input.isStandardInput
            ? PathName.normalize(FileManager.default.currentDirectoryPath)
            : PathName.directory(of: FileReader.absolute(input.displayPath))
        return try configuration(forDirectory: start)
    }
}
