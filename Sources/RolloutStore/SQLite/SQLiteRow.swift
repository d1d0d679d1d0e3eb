import Foundation
import GRDBSQLite
import RolloutCore

/// The current row of a SQLite statement as an `SQLRow`, read straight from the
/// column buffers: no value is copied unless asked for.
struct SQLiteRow: SQLRow {
    let raw: RawRow

    func isNull(_ column: Int) -> Bool { raw.isNull(Int32(column)) }

    func string(_ column: Int) -> String? {
        raw.type(Int32(column)) == SQLITE_TEXT ? raw.text(Int32(column)) : nil
    }

    func int(_ column: Int) -> Int64? {
        raw.type(Int32(column)) == SQLITE_INTEGER ? raw.int64(Int32(column)) : nil
    }

    func bytes(_ column: Int) -> [UInt8]? {
        switch raw.type(Int32(column)) {
        case SQLITE_TEXT: raw.bytes(Int32(column)).map(Array.init)
        case SQLITE_BLOB: raw.blob(Int32(column))
        default: nil
        }
    }

    func holds(_ column: Int, _ text: String) -> Bool {
        var text = text
        return raw.holds(Int32(column), &text)
    }

    func date(_ column: Int) -> LocalDate? { raw.bytes(Int32(column)).flatMap(LocalDate.init(utf8:)) }

    /// The column as a value to keep.
    func value(_ column: Int) -> SQLValue {
        switch raw.type(Int32(column)) {
        case SQLITE_INTEGER: .integer(raw.int64(Int32(column)))
        case SQLITE_TEXT: raw.text(Int32(column)).map(SQLValue.text) ?? .null
        case SQLITE_BLOB: .blob(raw.blob(Int32(column)))
        case SQLITE_FLOAT: .integer(raw.int64(Int32(column)))
        default: .null
        }
    }
}
