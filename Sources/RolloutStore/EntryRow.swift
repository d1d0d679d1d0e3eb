import Foundation
import GRDB
import RolloutCore

/// Maps history entries to and from rows of the `entries` table.
enum EntryRow {
    static let columns = "seq, kind, batch_id, office_id, milestone_id, target, actor, actor_role, effective, recorded_at, note, evidence, detail, bulk, idempotency_key, plan_version, previous_hash, hash"

    /// The values of an entry's row, in `columns` order.
    static func arguments(_ entry: Entry) -> StatementArguments {
        [
            entry.seq, entry.kind.rawValue, entry.batch, entry.office, entry.milestone, entry.target,
            entry.actor, entry.actorRole.rawValue, entry.effective.description, entry.recordedAt, entry.note,
            CanonicalJSON.array(entry.evidence.map(\.canonicalValue)).text,
            CanonicalJSON.object(entry.detail.mapValues(CanonicalJSON.string)).text,
            entry.bulk, entry.idempotencyKey, entry.planVersion, entry.previousHash, entry.hash,
        ]
    }

    /// Decodes a row; a row that cannot be decoded is reported with its seq.
    static func decode(_ row: Row) throws -> Entry {
        let seq: Int64 = row["seq"]
        func bad(_ what: String) -> StoreError { .sqlite("entry #\(seq) has an unreadable \(what)") }
        guard let kind = EntryKind(rawValue: row["kind"] ?? "") else { throw bad("kind") }
        guard let role = Role(rawValue: row["actor_role"] ?? "") else { throw bad("actor role") }
        guard let effective = LocalDate(row["effective"] ?? "") else { throw bad("effective date") }
        let evidenceText: String = row["evidence"] ?? ""
        let detailText: String = row["detail"] ?? ""
        guard let evidence = try? JSONDecoder().decode([Evidence].self, from: Data(evidenceText.utf8)) else { throw bad("evidence list") }
        guard let detail = try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8)) else { throw bad("detail") }
        return Entry(
            seq: seq, kind: kind, batch: row["batch_id"], office: row["office_id"], milestone: row["milestone_id"],
            target: row["target"], actor: row["actor"] ?? "", actorRole: role, effective: effective,
            recordedAt: row["recorded_at"] ?? "", note: row["note"] ?? "", evidence: evidence, detail: detail,
            bulk: row["bulk"], idempotencyKey: row["idempotency_key"], planVersion: row["plan_version"] ?? "",
            previousHash: row["previous_hash"] ?? "", hash: row["hash"] ?? ""
        )
    }

    static func fetchAll(_ db: Database, where clause: String = "1", arguments: StatementArguments = [], limit: Int? = nil) throws -> [Entry] {
        let limitText = limit.map { " LIMIT \($0)" } ?? ""
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM entries WHERE \(clause) ORDER BY seq\(limitText)", arguments: arguments)
            .map(decode)
    }
}
