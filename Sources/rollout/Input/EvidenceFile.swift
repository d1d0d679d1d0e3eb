import Foundation
import RolloutApp

/// Reads an evidence file from disk; the application layer checks and keeps it.
enum EvidenceFile {
    static func read(_ path: String) throws -> EvidenceUpload {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read evidence file \(path); expected an existing, readable file")
        }
        return EvidenceUpload(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
    }
}
