import Foundation
import GRDB
import RolloutCore

extension Store {
    /// Keeps evidence bytes by hash (a file already kept is kept once), inside the caller's transaction.
    func keep(_ files: [EvidenceContent], at moment: Moment, db: Database) throws {
        for file in files {
            try db.execute(
                sql: "INSERT OR IGNORE INTO evidence_files (sha256, size, media_type, content, stored_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [file.sha256, file.bytes.count, file.mediaType, Data(file.bytes), moment.recordedAt])
        }
    }

    /// A kept evidence file by its SHA-256, with the offices of the entries that
    /// name it (nil for a district-wide entry), so a front end can decide who may read it.
    package func evidence(sha256: String) throws -> (content: EvidenceContent, offices: Set<String?>)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT media_type, content FROM evidence_files WHERE sha256 = ?", arguments: [sha256])
            else { return nil }
            let data: Data = row["content"]
            let offices = try Row.fetchAll(
                db, sql: "SELECT DISTINCT office_id FROM entries WHERE evidence LIKE ?",
                arguments: ["%\"sha256\":\"\(sha256)\"%"]
            ).map { $0["office_id"] as String? }
            return (EvidenceContent(mediaType: row["media_type"], bytes: [UInt8](data)), Set(offices))
        }
    }

    /// Every evidence file named by an entry recorded since contents are kept
    /// must be kept, with bytes that still hash to the name.
    func checkEvidence(_ db: Database) throws {
        let from = try Int64.fetchOne(db, sql: "SELECT seq FROM evidence_kept_from WHERE id = 1") ?? 1
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, evidence FROM entries WHERE seq >= ? AND evidence <> '[]' ORDER BY seq", arguments: [from])
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            for file in EntryRow.parseEvidence(row["evidence"]) ?? [] {
                guard let data = try Data.fetchOne(db, sql: "SELECT content FROM evidence_files WHERE sha256 = ?", arguments: [file.sha256]) else {
                    throw AuditFailure(entry: seq, "evidence file \(file.name) (sha256 \(file.sha256.prefix(12))) is missing from the database")
                }
                guard SHA256Hex.digest([UInt8](data)) == file.sha256, data.count == file.size else {
                    throw AuditFailure(
                        entry: seq, "evidence file \(file.name) (sha256 \(file.sha256.prefix(12))) no longer matches its hash: its bytes were changed"
                    )
                }
            }
        }
    }
}
