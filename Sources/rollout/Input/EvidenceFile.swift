import Foundation
import RolloutApp
import RolloutCore

/// Reads an evidence file's name, SHA-256 and size (the content is not stored).
enum EvidenceFile {
    static func read(_ path: String) throws -> Evidence {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read evidence file \(path); expected an existing, readable file")
        }
        return Evidence(name: (path as NSString).lastPathComponent, sha256: SHA256Hex.digest(data), size: Int64(data.count))
    }
}
