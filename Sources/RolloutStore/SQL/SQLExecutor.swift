/// A connection inside a transaction, on either engine: the store's SQL is
/// written once against this. Statements use `?` placeholders, or `?1`, `?2`…
/// where one value is used twice. PostgreSQL types a parameter where it first
/// meets it, so a parameter is compared with a column before any `?1 IS NULL`.
package protocol SQLExecutor {
    var dialect: SQLDialect { get }
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws
    /// Every row, held in memory.
    func rows(_ sql: String, _ arguments: [any SQLBindable]) throws -> [StoredRow]
    /// Hands the rows to `body` one at a time, holding none (millions of entries).
    /// `body` must not run other statements on this executor.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws
    /// Entries matching `clause` (SQL over the `entries` columns), oldest first, read one at a time.
    func entries(where clause: String, _ arguments: [any SQLBindable]) throws -> any EntrySource
    /// Rows changed by the last `execute`.
    var changes: Int { get throws }
}

extension SQLExecutor {
    package func execute(_ sql: String) throws { try execute(sql, []) }

    package func rows(_ sql: String) throws -> [StoredRow] { try rows(sql, []) }

    /// The first row, if any.
    package func row(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> StoredRow? { try rows(sql, arguments).first }

    /// The first column of the first row as text.
    package func string(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> String? { try row(sql, arguments)?.string(0) }

    /// The first column of the first row as an integer.
    package func int(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int64? { try row(sql, arguments)?.int(0) }

    /// The first column of every row as text.
    package func strings(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [String] {
        try rows(sql, arguments).compactMap { $0.string(0) }
    }

    /// The first column of every row as integers.
    package func ints(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [Int64] {
        try rows(sql, arguments).compactMap { $0.int(0) }
    }
}
