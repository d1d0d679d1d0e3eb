import RolloutCore

/// Maps history entries to rows of the `entries` table and back, for either engine
/// (SQLite reads its rows with its own faster decoder, `SQLiteEntryStream`).
enum EntryRow {
    static let columns =
        "seq, kind, batch_id, office_id, milestone_id, target, actor, actor_role, effective, recorded_at, note, evidence, detail, bulk, idempotency_key, plan_version, previous_hash, hash, actor_login, auth"

    /// One `?` per column of `columns`.
    static let placeholders = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")

    /// The values of an entry's row, in `columns` order.
    static func arguments(_ entry: Entry) -> [any SQLBindable] {
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

    /// The entries matching `clause`, oldest first; a row that cannot be read is a `StoreError`.
    static func fetchAll(_ db: any SQLExecutor, where clause: String = "TRUE", arguments: [any SQLBindable] = []) throws -> [Entry] {
        var entries: [Entry] = []
        try forEach(db, where: clause, arguments: arguments) { entries.append($0) }
        return entries
    }

    /// Hands every entry matching `clause` to `body`, oldest first; a row that cannot be read is a `StoreError`.
    static func forEach(
        _ db: any SQLExecutor, where clause: String = "TRUE", arguments: [any SQLBindable] = [], _ body: (Entry) throws -> Void
    ) throws {
        var stream = try db.entries(where: clause, arguments)
        while true {
            let entry: Entry
            do {
                guard let next = try stream.next() else { return }
                entry = next
            } catch let unreadable as EntryUnreadable {
                throw StoreError.sqlite("entry #\(unreadable.seq) has an unreadable \(unreadable.field)")
            }
            try body(entry)
        }
    }

    /// Decodes a row of `columns`, as the engines without a decoder of their own read it.
    static func decode(_ row: any SQLRow) throws -> Entry {
        let seq = row.int(0) ?? 0
        func bad(_ field: String) -> EntryUnreadable { EntryUnreadable(seq: seq, field: field) }
        guard let kind = row.string(1).flatMap(EntryKind.init(rawValue:)) else { throw bad("kind") }
        guard let role = row.string(7).flatMap(Role.init(rawValue:)) else { throw bad("actor role") }
        guard let effective = row.date(8) else { throw bad("effective date") }
        guard let evidence = parseEvidence(row.string(11) ?? "") else { throw bad("evidence list") }
        guard let detail = parseDetail(row.string(12) ?? "") else { throw bad("detail") }
        return Entry(
            seq: seq, kind: kind, batch: row.string(2), office: row.string(3), milestone: row.string(4), target: row.int(5),
            actor: row.string(6) ?? "", actorRole: role, effective: effective, recordedAt: row.string(9) ?? "", note: row.string(10) ?? "",
            evidence: evidence, detail: detail, bulk: row.string(13), idempotencyKey: row.string(14), planVersion: row.string(15) ?? "",
            previousHash: row.string(16) ?? "", hash: row.string(17) ?? "", actorLogin: row.string(18), auth: row.string(19))
    }
}
