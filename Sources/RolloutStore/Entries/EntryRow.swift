import GRDB
import RolloutCore

/// Maps history entries to rows of the `entries` table (reading them back is `EntryStream`).
enum EntryRow {
    static let columns =
        "seq, kind, batch_id, office_id, milestone_id, target, actor, actor_role, effective, recorded_at, note, evidence, detail, bulk, idempotency_key, plan_version, previous_hash, hash, actor_login, auth"

    /// One `?` per column of `columns`.
    static let placeholders = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")

    /// The values of an entry's row, in `columns` order.
    static func arguments(_ entry: Entry) -> StatementArguments {
        [
            entry.seq, entry.kind.rawValue, entry.batch, entry.office, entry.milestone, entry.target,
            entry.actor, entry.actorRole.rawValue, entry.effective.description, entry.recordedAt, entry.note,
            CanonicalJSON.array(entry.evidence.map(\.canonicalValue)).text,
            entry.detail.canonical.text,
            entry.bulk, entry.idempotencyKey, entry.planVersion, entry.previousHash, entry.hash, entry.actorLogin, entry.auth,
        ]
    }

    static func parseDetail(_ text: String) -> EntryDetail? {
        if text == "{}" { return EntryDetail.none }
        guard case .object(let members)? = CanonicalJSONParser.parse(text) else { return nil }
        var detail: [String: String] = [:]
        for (key, value) in members {
            guard case .string(let string) = value else { return nil }
            detail[key] = string
        }
        return EntryDetail(members: detail)
    }

    static func parseEvidence(_ text: String) -> [Evidence]? {
        if text == "[]" { return [] }
        guard case .array(let values)? = CanonicalJSONParser.parse(text) else { return nil }
        var files: [Evidence] = []
        for value in values {
            guard case .object(let file) = value, case .string(let name)? = file["name"], case .string(let sha256)? = file["sha256"],
                case .int(let size)? = file["size"]
            else { return nil }
            files.append(Evidence(name: name, sha256: sha256, size: size))
        }
        return files
    }

    static func fetchAll(_ db: Database, where clause: String = "1", arguments: StatementArguments = []) throws -> [Entry] {
        var entries: [Entry] = []
        try EntryStream.forEach(db, where: clause, arguments: arguments) { entries.append($0) }
        return entries
    }
}
