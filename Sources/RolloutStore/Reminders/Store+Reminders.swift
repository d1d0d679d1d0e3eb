import GRDB

/// The reminder send log (`reminder_sends`), beside the history: reads, and
/// one transaction per logged send.
extension Store {
    /// When a digest with this recipient, date and content was sent, if it was.
    package func reminderSent(recipient: String, asOf: String, contentSHA256: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT sent_at FROM reminder_sends WHERE recipient = ? AND as_of = ? AND content_sha256 = ? AND status = 'sent'",
                arguments: [recipient, asOf, contentSHA256])
        }
    }

    /// Logs a send. A second 'sent' row for the same recipient, date and
    /// content (two runs at once) is dropped: it was sent already.
    package func logReminderSend(_ send: ReminderSend) throws {
        try WriteAccess.check(path)
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: """
                            INSERT INTO reminder_sends
                                (recipient, as_of, content_sha256, format, destination, status, attempts, http_status, error, sent_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT DO NOTHING
                            """,
                        arguments: [
                            send.recipient, send.asOf, send.contentSHA256, send.format, send.destination, send.sent ? "sent" : "failed",
                            send.attempts, send.httpStatus, send.error, send.sentAt,
                        ])
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }

    /// The send log, oldest first.
    package func reminderSends() throws -> [ReminderSend] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reminder_sends ORDER BY id").map { row in
                ReminderSend(
                    recipient: row["recipient"], asOf: row["as_of"], contentSHA256: row["content_sha256"], format: row["format"],
                    destination: row["destination"], sent: (row["status"] as String?) == "sent", attempts: row["attempts"],
                    httpStatus: row["http_status"],
                    error: row["error"], sentAt: row["sent_at"])
            }
        }
    }
}
