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
    /// The history and the current state derived from it, copied as they are:
    /// the copy's verification replays the history and compares the state.
    private static let history = [
        ("entries", EntryRow.columns),
        ("people", "login, name, role, office_id"),
        ("district_completions", "batch_id, milestone_id, entry_seq, effective"),
        ("office_completions", "batch_id, office_id, milestone_id, entry_seq, effective"),
        ("block_changes", "entry_seq, batch_id, office_id, blocked, effective, reason"),
        ("problems", "id, batch_id, office_id, opened, note, resolved_seq, resolved, resolution"),
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
        for (table, columns) in history + tablesAfterHistory { try copyRows(table, columns, from: source, to: target) }
        if target.dialect == .postgres {
            for table in numberedTables {
                _ = try target.rows("SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM \(table) HAVING max(id) IS NOT NULL", [table])
            }
        }
    }

    /// Rows sent in one statement: a round trip per 100 rows rather than per row.
    private static let rowsPerStatement = 100

    private static func copyRows(_ table: String, _ columns: String, from source: any SQLExecutor, to target: any SQLExecutor) throws {
        let count = columns.split(separator: ",").count
        let row = "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
        var values: [any SQLBindable] = []
        var rows = 0
        func flush() throws {
            guard rows > 0 else { return }
            try target.execute(
                "INSERT INTO \(table) (\(columns)) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))", values)
            values.removeAll(keepingCapacity: true)
            rows = 0
        }
        try source.forEachRow("SELECT \(columns) FROM \(table) ORDER BY 1", []) { sourceRow in
            values.append(contentsOf: (0..<count).map(sourceRow.value))
            rows += 1
            if rows == rowsPerStatement { try flush() }
        }
        try flush()
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
