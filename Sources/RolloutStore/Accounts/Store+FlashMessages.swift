import RolloutCore

/// The lines pages show once after a form, kept with the session (beside the
/// history) so that every server behind one address sees them.
extension Store {
    /// Leaves messages for the session's next page, in one transaction; messages
    /// older than a day that were never shown are dropped in it.
    package func leaveFlashMessages(sessionHash: String, _ messages: [(text: String, error: Bool)], at time: Timestamp) throws {
        try engine.write(appendsToHistory: false, commit: true) { db in
            try db.execute("DELETE FROM flash_messages WHERE created_at < ?", [Timestamp(seconds: time.seconds - 86_400).iso8601])
            for message in messages {
                try db.execute(
                    "INSERT INTO flash_messages (session_hash, text, error, created_at) VALUES (?, ?, ?, ?)",
                    [sessionHash, message.text, message.error, time.iso8601])
            }
        }
    }

    /// The session's waiting messages, oldest first, removed as they are taken.
    /// Looked for with a read (most pages have none); only messages found are deleted.
    package func takeFlashMessages(sessionHash: String) throws -> [(text: String, error: Bool)] {
        let found = try read { db in
            try db.rows("SELECT id, text, error FROM flash_messages WHERE session_hash = ? ORDER BY id", [sessionHash])
                .map { (id: $0.int(0) ?? 0, text: $0.string(1) ?? "", error: $0.bool(2) ?? false) }
        }
        guard let last = found.last?.id else { return [] }
        try engine.write(appendsToHistory: false, commit: true) { db in
            try db.execute("DELETE FROM flash_messages WHERE session_hash = ? AND id <= ?", [sessionHash, last])
        }
        return found.map { (text: $0.text, error: $0.error) }
    }
}
