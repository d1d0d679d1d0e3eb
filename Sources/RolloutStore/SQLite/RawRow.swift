import Foundation
import GRDB
import GRDBSQLite

/// The current row of a statement being stepped by a GRDB cursor, read straight
/// from SQLite's column buffers: the hot loops that read hundreds of thousands
/// of rows (verification, national status) skip GRDB's value conversions.
struct RawRow {
    private let statement: SQLiteStatement

    init(_ statement: Statement) { self.statement = statement.sqliteStatement }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The column's storage class (`SQLITE_INTEGER`, `SQLITE_TEXT`…).
    func type(_ column: Int32) -> Int32 { sqlite3_column_type(statement, column) }

    /// The column's bytes as a blob.
    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let start = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The number of columns of the statement.
    var count: Int32 { sqlite3_column_count(statement) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    /// The column's UTF-8 text, valid until the cursor moves; nil for NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard !isNull(column) else { return nil }
        return UnsafeBufferPointer(start: sqlite3_column_text(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
    }

    func text(_ column: Int32) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }

    /// Whether the column holds exactly `text` (false for NULL).
    func holds(_ column: Int32, _ text: inout String) -> Bool {
        guard let bytes = bytes(column) else { return false }
        return text.withUTF8 { utf8 in
            guard utf8.count == bytes.count, let a = utf8.baseAddress, let b = bytes.baseAddress else { return utf8.count == bytes.count }
            return memcmp(a, b, utf8.count) == 0
        }
    }
}
