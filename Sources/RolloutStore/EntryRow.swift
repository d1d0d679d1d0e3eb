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

    /// Decodes a row selected with `columns`; a row that cannot be decoded is reported with its seq.
    static func decode(_ row: Row) throws -> Entry {
        let seq: Int64 = row[0]
        func bad(_ what: String) -> StoreError { .sqlite("entry #\(seq) has an unreadable \(what)") }
        guard let kind = EntryKind(rawValue: row[1] ?? "") else { throw bad("kind") }
        guard let role = Role(rawValue: row[7] ?? "") else { throw bad("actor role") }
        guard let effective = LocalDate(row[8] ?? "") else { throw bad("effective date") }
        guard let evidence = parseEvidence(row[11] ?? "") else { throw bad("evidence list") }
        guard let detail = parseDetail(row[12] ?? "") else { throw bad("detail") }
        return Entry(
            seq: seq, kind: kind, batch: row[2], office: row[3], milestone: row[4], target: row[5], actor: row[6] ?? "",
            actorRole: role, effective: effective, recordedAt: row[9] ?? "", note: row[10] ?? "", evidence: evidence, detail: detail,
            bulk: row[13], idempotencyKey: row[14], planVersion: row[15] ?? "", previousHash: row[16] ?? "", hash: row[17] ?? ""
        )
    }

    static func parseDetail(_ text: String) -> [String: String]? {
        if text == "{}" { return [:] }
        guard case .object(let members)? = CanonicalJSONParser.parse(text) else { return nil }
        var detail: [String: String] = [:]
        for (key, value) in members {
            guard case .string(let string) = value else { return nil }
            detail[key] = string
        }
        return detail
    }

    static func parseEvidence(_ text: String) -> [Evidence]? {
        if text == "[]" { return [] }
        guard case .array(let values)? = CanonicalJSONParser.parse(text) else { return nil }
        var files: [Evidence] = []
        for value in values {
            guard case .object(let file) = value, case .string(let name)? = file["name"], case .string(let sha256)? = file["sha256"],
                  case .int(let size)? = file["size"] else { return nil }
            files.append(Evidence(name: name, sha256: sha256, size: size))
        }
        return files
    }

    static func fetchAll(_ db: Database, where clause: String = "1", arguments: StatementArguments = []) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM entries WHERE \(clause) ORDER BY seq", arguments: arguments)
            .map(decode)
    }
}
