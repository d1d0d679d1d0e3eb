import RolloutCore
import RolloutStore

extension RolloutService {
    /// A kept evidence file, for someone allowed to read it: coordinators and
    /// auditors read every file; office staff only files named by their own
    /// office's entries. Unknown and forbidden files are told apart only for
    /// those who may read everything.
    package func evidenceFile(sha256: String, for person: Person) throws -> EvidenceContent {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw InputError("invalid evidence file hash \"\(sha256)\"; expected 64 lowercase hex digits (a SHA-256)")
        }
        let found = try store.evidence(sha256: sha256)
        if person.role == .office {
            guard let found, found.offices.contains(person.office) else {
                throw PermissionDenied("office staff may read only the evidence of their own office's entries")
            }
            return found.content
        }
        guard let found else { throw InputError("no evidence file with sha256 \(sha256) is kept in this database") }
        return found.content
    }
}
