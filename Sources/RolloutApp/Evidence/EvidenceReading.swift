import RolloutCore
import RolloutStore

extension RolloutService {
    /// A kept evidence file, for someone allowed to read it, under the name its
    /// first entry gave it: coordinators and auditors read every file; office
    /// staff only files named by their own office's entries (and see the name
    /// their office gave it). Unknown and forbidden files are told apart only
    /// for those who may read everything.
    package func evidenceFile(sha256: String, for person: Person) throws -> EvidenceDownload {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw InputError("invalid evidence file hash \"\(sha256)\"; expected 64 lowercase hex digits (a SHA-256)")
        }
        let found = try store.evidence(sha256: sha256)
        let fallback = "evidence-\(sha256.prefix(12))"
        if person.role == .office {
            guard let found, let own = found.namedBy.first(where: { $0.office == person.office }) else {
                throw PermissionDenied("office staff may read only the evidence of their own office's entries")
            }
            return EvidenceDownload(content: found.content, name: own.name.isEmpty ? fallback : own.name)
        }
        guard let found else { throw InputError("no evidence file with sha256 \(sha256) is kept in this database") }
        return EvidenceDownload(content: found.content, name: found.namedBy.first.map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? fallback)
    }
}
