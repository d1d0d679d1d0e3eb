/// The reminder send log (`reminder_sends`), beside the history: reads, and
/// one transaction per logged send.
extension Store {
    /// When a digest with this recipient, date and content was sent, if it was.
    package func reminderSent(recipient: String, asOf: String, contentSHA256: String) throws -> String? {
        try read { db in
            try db.string(
                "SELECT sent_at FROM reminder_sends WHERE recipient = ? AND as_of = ? AND content_sha256 = ? AND status = 'sent'",
                [recipient, asOf, contentSHA256])
        }
    }

    /// Logs a send. A second 'sent' row for the same recipient, date and
    /// content (two runs at once) is dropped: it was sent already.
    package func logReminderSend(_ send: ReminderSend) throws {
        try engine.write(appendsToHistory: false, commit: true) { db in
            try db.execute(
                """
                INSERT INTO reminder_sends
                    (recipient, as_of, content_sha256, format, destination, status, attempts, http_status, error, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                [
                    send.recipient, send.asOf, send.contentSHA256, send.format, send.destination, send.sent ? "sent" : "failed",
                    send.attempts, send.httpStatus, send.error, send.sentAt,
                ])
        }
    }

    /// The send log, oldest first.
    package func reminderSends() throws -> [ReminderSend] {
        try read { db in
            try db.rows(
                """
                SELECT recipient, as_of, content_sha256, format, destination, status, attempts, http_status, error, sent_at
                FROM reminder_sends ORDER BY id
                """
            ).map { row in
                ReminderSend(
                    recipient: row.string(0) ?? "", asOf: row.string(1) ?? "", contentSHA256: row.string(2) ?? "", format: row.string(3) ?? "",
                    destination: row.string(4) ?? "", sent: row.string(5) == "sent", attempts: Int(row.int(6) ?? 0),
                    httpStatus: row.int(7).map(Int.init), error: row.string(8), sentAt: row.string(9) ?? "")
            }
        }
    }
}
