import RolloutCore

/// Moves every row a copy keeps from one executor to another, whichever engines they are.
enum DatabaseCopy {
    /// Tables copied row for row, with their columns, in an order their foreign keys and triggers allow.
    private static let tablesBeforeHistory = [
        ("plan_versions", "version, document, loaded_at"),
        ("offices", "id, name, position"),
        ("batches", "id, number, label, already_live"),
        ("milestones", "id, label, recorded_by, scope"),
        // Only a database without history may be marked.
        ("test_clock", "id, marked_at"),
        ("evidence_files", "sha256, size, media_type, content, stored_at"),
    ]
    private static let tablesAfterHistory = [
        ("accounts", "login, password_hash, must_change, disabled, updated_at"),
        ("api_tokens", "id, token_hash, login, name, created_at, expires_at, revoked_at"),
        ("sign_in_attempts", "id, login, address, at, succeeded"),
        ("reminder_sends", "id, recipient, as_of, content_sha256, format, destination, status, attempts, http_status, error, sent_at"),
    ]
    /// Tables whose ids the database assigns: PostgreSQL's sequences must start after the copied ones.
    private static let numberedTables = ["api_tokens", "sign_in_attempts", "reminder_sends"]

    static func copy(from source: any SQLExecutor, to target: any SQLExecutor) throws {
        for (table, columns) in tablesBeforeHistory { try copyRows(table, columns, from: source, to: target) }
        try copyEvidenceMark(from: source, to: target)
        let writer = StateTables.Writer(target)
        try EntryRow.forEach(source) { entry in
            try writer.insert(entry)
            try writer.apply(entry)
        }
        for (table, columns) in tablesAfterHistory { try copyRows(table, columns, from: source, to: target) }
        if target.dialect == .postgres {
            for table in numberedTables {
                _ = try target.rows("SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM \(table) HAVING max(id) IS NOT NULL", [table])
            }
        }
    }

    private static func copyRows(_ table: String, _ columns: String, from source: any SQLExecutor, to target: any SQLExecutor) throws {
        let count = columns.split(separator: ",").count
        let insert = "INSERT INTO \(table) (\(columns)) VALUES (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
        try source.forEachRow("SELECT \(columns) FROM \(table) ORDER BY 1", []) { row in
            try target.execute(insert, (0..<count).map(row.value))
        }
    }

    /// Where kept evidence begins, as in the original: a new database's mark is
    /// its first entry, and the mark refuses changes, so its guard is lifted
    /// for this one update inside the transaction that makes the database.
    private static func copyEvidenceMark(from source: any SQLExecutor, to target: any SQLExecutor) throws {
        guard let mark = try source.int("SELECT seq FROM evidence_kept_from WHERE id = 1"),
            mark != (try target.int("SELECT seq FROM evidence_kept_from WHERE id = 1"))
        else { return }
        let update = "UPDATE evidence_kept_from SET seq = ? WHERE id = 1"
        switch target.dialect {
        case .sqlite:
            guard let trigger = try target.string("SELECT sql FROM sqlite_master WHERE name = 'evidence_kept_from_no_update'") else {
                throw StoreError.sqlite("the new database has no guard on where kept evidence begins")
            }
            try target.execute("DROP TRIGGER evidence_kept_from_no_update")
            try target.execute(update, [mark])
            try target.execute(trigger)
        case .postgres:
            try target.execute("ALTER TABLE evidence_kept_from DISABLE TRIGGER evidence_kept_from_no_update")
            try target.execute(update, [mark])
            try target.execute("ALTER TABLE evidence_kept_from ENABLE TRIGGER evidence_kept_from_no_update")
        }
    }
}
