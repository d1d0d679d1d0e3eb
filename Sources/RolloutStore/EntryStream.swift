import Foundation
import GRDB
import GRDBSQLite
import RolloutCore

/// Reads the whole history in order, straight from SQLite's column buffers:
/// the hot path of verification, which reads a million entries.
///
/// Strings that repeat from one entry to the next are shared rather than
/// allocated again: the plan version, the recording time of one command, and
/// each `previous_hash`, which is the hash read just before.
struct EntryStream {
    private let statement: Statement
    private let rows: RowCursor
    private var planVersion = ""
    private var recordedAt = ""
    private var hash = ""
    /// The number of the entry being read, for reporting one that cannot be read.
    private(set) var seq: Int64 = 0

    init(_ db: Database) throws {
        statement = try db.makeStatement(sql: "SELECT \(EntryRow.columns) FROM entries ORDER BY seq")
        rows = try Row.fetchCursor(statement)
    }

    /// A row whose `field` holds something no entry can have.
    struct Unreadable: Error {
        var seq: Int64
        var field: String
    }

    /// The next entry, or nil after the last. Throws `Unreadable` for a row that cannot be read.
    mutating func next() throws -> Entry? {
        guard try rows.next() != nil else { return nil }
        let sql = statement.sqliteStatement
        seq = sqlite3_column_int64(sql, 0)
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard sqlite3_column_type(sql, column) != SQLITE_NULL else { return nil }
            let count = Int(sqlite3_column_bytes(sql, column))
            return UnsafeBufferPointer(start: sqlite3_column_text(sql, column), count: count)
        }
        func text(_ column: Int32) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }
        func shared(_ candidate: inout String, _ column: Int32) -> String {
            guard let bytes = bytes(column) else { return "" }
            let same = candidate.withUTF8 { text in
                guard text.count == bytes.count, let a = text.baseAddress, let b = bytes.baseAddress else { return text.count == bytes.count }
                return memcmp(a, b, text.count) == 0
            }
            if !same { candidate = String(decoding: bytes, as: UTF8.self) }
            return candidate
        }
        func bad(_ field: String) -> Unreadable { Unreadable(seq: seq, field: field) }
        guard let kind = text(1).flatMap(EntryKind.init(rawValue:)) else { throw bad("kind") }
        guard let role = text(7).flatMap(Role.init(rawValue:)) else { throw bad("actor role") }
        guard let effective = bytes(8).flatMap(LocalDate.init(utf8:)) else { throw bad("effective date") }
        guard let evidence = EntryRow.parseEvidence(text(11) ?? "") else { throw bad("evidence list") }
        guard let detail = EntryRow.parseDetail(text(12) ?? "") else { throw bad("detail") }
        let target: Int64? = sqlite3_column_type(sql, 5) == SQLITE_NULL ? nil : sqlite3_column_int64(sql, 5)
        let recordedAt = shared(&recordedAt, 9), planVersion = shared(&planVersion, 15)
        let previousHash = shared(&hash, 16)
        hash = text(17) ?? ""
        return Entry(
            seq: seq, kind: kind, batch: text(2), office: text(3), milestone: text(4), target: target, actor: text(6) ?? "",
            actorRole: role, effective: effective, recordedAt: recordedAt, note: text(10) ?? "", evidence: evidence, detail: detail,
            bulk: text(13), idempotencyKey: text(14), planVersion: planVersion, previousHash: previousHash, hash: hash
        )
    }
}
