import GRDB
import RolloutCore

/// Reads entries in order, straight from SQLite's column buffers: the SQLite
/// decoder of `entries` rows, on the hot path of verification (a million entries).
///
/// Strings that repeat from one entry to the next are shared rather than
/// allocated again: the plan version, the recording time of one command, and
/// each `previous_hash`, which is the hash read just before.
struct SQLiteEntryStream: EntrySource {
    private let statement: Statement
    private let rows: RowCursor
    private var planVersion = ""
    private var recordedAt = ""
    private var hash = ""

    /// The entries matching `clause` (SQL over the `entries` columns), oldest first.
    init(_ db: Database, where clause: String, arguments: StatementArguments) throws {
        statement = try db.makeStatement(sql: "SELECT \(EntryRow.columns) FROM entries WHERE \(clause) ORDER BY seq")
        rows = try Row.fetchCursor(statement, arguments: arguments)
    }

    /// The next entry, or nil after the last. Throws `EntryUnreadable` for a row that cannot be read.
    mutating func next() throws -> Entry? {
        guard try rows.next() != nil else { return nil }
        let row = RawRow(statement)
        let seq = row.int64(0)
        func shared(_ candidate: inout String, _ column: Int32) -> String {
            if !row.holds(column, &candidate) { candidate = row.text(column) ?? "" }
            return candidate
        }
        func bad(_ field: String) -> EntryUnreadable { EntryUnreadable(seq: seq, field: field) }
        guard let kind = row.text(1).flatMap(EntryKind.init(rawValue:)) else { throw bad("kind") }
        guard let role = row.text(7).flatMap(Role.init(rawValue:)) else { throw bad("actor role") }
        guard let effective = row.bytes(8).flatMap(LocalDate.init(utf8:)) else { throw bad("effective date") }
        guard let evidence = EntryRow.parseEvidence(row.text(11) ?? "") else { throw bad("evidence list") }
        guard let detail = EntryRow.parseDetail(row.text(12) ?? "") else { throw bad("detail") }
        let target: Int64? = row.isNull(5) ? nil : row.int64(5)
        let recordedAt = shared(&recordedAt, 9), planVersion = shared(&planVersion, 15)
        let previousHash = shared(&hash, 16)
        hash = row.text(17) ?? ""
        return Entry(
            seq: seq, kind: kind, batch: row.text(2), office: row.text(3), milestone: row.text(4), target: target, actor: row.text(6) ?? "",
            actorRole: role, effective: effective, recordedAt: recordedAt, note: row.text(10) ?? "", evidence: evidence, detail: detail,
            bulk: row.text(13), idempotencyKey: row.text(14), planVersion: planVersion, previousHash: previousHash, hash: hash,
            actorLogin: row.text(18), auth: row.text(19)
        )
    }
}
