import Foundation
import RolloutApp

/// Writes a whole text file.
enum TextFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw InputError("cannot write \(path); expected a writable path")
        }
    }
}
