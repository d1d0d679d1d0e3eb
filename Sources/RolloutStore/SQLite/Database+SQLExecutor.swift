import Foundation
import GRDB

/// GRDB's connection as the store's engine-neutral `SQLExecutor`.
extension Database: SQLExecutor {
    package var dialect: SQLDialect { .sqlite }

    /// A statement with arguments is prepared once per connection; one without may hold several (a migration).
    package func execute(_ sql: String, _ arguments: [any SQLBindable]) throws {
        if arguments.isEmpty {
            try execute(sql: sql)
        } else {
            try cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        }
    }

    package func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [StoredRow] {
        let statement = try cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        let row = SQLiteRow(raw: RawRow(statement))
        let columns = Int(row.raw.count)
        var rows: [StoredRow] = []
        while try cursor.next() != nil { rows.append(StoredRow((0..<columns).map(row.value))) }
        return rows
    }

    package func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        let row = SQLiteRow(raw: RawRow(statement))
        while try cursor.next() != nil { try body(row) }
    }

    package func entries(where clause: String, _ arguments: [any SQLBindable]) throws -> any EntrySource {
        try SQLiteEntryStream(self, where: clause, arguments: Self.arguments(arguments))
    }

    package var changes: Int { changesCount }

    static func arguments(_ values: [any SQLBindable]) -> StatementArguments {
        StatementArguments(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value.sqlValue {
                case .null: nil
                case .integer(let number): number
                case .text(let text): text
                case .blob(let bytes): Data(bytes)
                }
            })
    }
}
