import Foundation
import RolloutCore

extension Store {
    /// Keeps evidence bytes by hash (a file already kept is kept once), inside the caller's transaction.
    func keep(_ files: [EvidenceContent], at moment: Moment, db: any SQLExecutor) throws {
        for file in files {
            try db.execute(
                "INSERT INTO evidence_files (sha256, size, media_type, content, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [file.sha256, file.bytes.count, file.mediaType, file.bytes, moment.recordedAt])
        }
    }

    /// A kept file, the offices whose entries name it and the names those
    /// entries gave it (in the order they were recorded), or nil if no file of
    /// that hash is kept.
    package func evidence(sha256: String) throws -> (content: EvidenceContent, namedBy: [(office: String?, name: String)])? {
        try read { db in
            guard let row = try db.row("SELECT media_type, content FROM evidence_files WHERE sha256 = ?", [sha256]) else { return nil }
            let naming = try db.rows("SELECT office_id, evidence FROM entries WHERE evidence LIKE ? ORDER BY seq", ["%\"sha256\":\"\(sha256)\"%"])
                .flatMap { row in
                    (EntryRow.parseEvidence(row.string(1) ?? "") ?? []).filter { $0.sha256 == sha256 }.map { (office: row.string(0), name: $0.name) }
                }
            return (EvidenceContent(mediaType: row.string(0) ?? "", bytes: row.bytes(1) ?? []), naming)
        }
    }

    /// Every evidence file named by an entry recorded since contents are kept
    /// must be kept, with bytes that still hash to the name.
    func checkEvidence(_ db: any SQLExecutor) throws {
        let from = try db.int("SELECT seq FROM evidence_kept_from WHERE id = 1") ?? 1
        let rows = try db.rows("SELECT seq, evidence FROM entries WHERE seq >= ? AND evidence <> '[]' ORDER BY seq", [from])
        for row in rows {
            let seq = row.int(0) ?? 0
            for file in EntryRow.parseEvidence(row.string(1) ?? "") ?? [] {
                guard let data = try db.row("SELECT content FROM evidence_files WHERE sha256 = ?", [file.sha256])?.bytes(0) else {
                    throw AuditFailure(entry: seq, "evidence file \(file.name) (sha256 \(file.sha256.prefix(12))) is missing from the database")
                }
                guard SHA256Hex.digest(data) == file.sha256, data.count == file.size else {
                    throw AuditFailure(
                        entry: seq, "evidence file \(file.name) (sha256 \(file.sha256.prefix(12))) no longer matches its hash: its bytes were changed"
                    )
                }
            }
        }
    }
}
