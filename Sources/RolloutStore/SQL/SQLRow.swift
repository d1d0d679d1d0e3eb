import RolloutCore

/// One row of a result, read by column position (0-based) the same way on both
/// engines. Reading a column as the wrong type gives nil, never a trap.
package protocol SQLRow {
    func isNull(_ column: Int) -> Bool
    func string(_ column: Int) -> String?
    func int(_ column: Int) -> Int64?
    /// The raw bytes of a text or blob column.
    func bytes(_ column: Int) -> [UInt8]?
    /// Whether the column holds exactly `text`: hot loops compare before they allocate a new string.
    func holds(_ column: Int, _ text: String) -> Bool
    /// The column read as a date (`YYYY-MM-DD`), without making a string on the hot path.
    func date(_ column: Int) -> LocalDate?
    /// The column as a value to keep or bind elsewhere.
    func value(_ column: Int) -> SQLValue
}

extension SQLRow {
    package func holds(_ column: Int, _ text: String) -> Bool { string(column) == text }
    package func date(_ column: Int) -> LocalDate? { string(column).flatMap(LocalDate.init) }
    /// A 0/1 flag column.
    package func bool(_ column: Int) -> Bool? { int(column).map { $0 != 0 } }
}

/// A row held in memory, as `SQLExecutor.rows` returns them.
package struct StoredRow: SQLRow, Sendable {
    package var values: [SQLValue]

    package init(_ values: [SQLValue]) { self.values = values }

    package func isNull(_ column: Int) -> Bool { value(column) == .null }

    package func string(_ column: Int) -> String? {
        if case .text(let text) = value(column) { return text }
        return nil
    }

    package func int(_ column: Int) -> Int64? {
        if case .integer(let number) = value(column) { return number }
        return nil
    }

    package func bytes(_ column: Int) -> [UInt8]? {
        switch value(column) {
        case .blob(let bytes): bytes
        case .text(let text): Array(text.utf8)
        default: nil
        }
    }

    package func value(_ column: Int) -> SQLValue { values.indices.contains(column) ? values[column] : .null }
}
