/// One reminder digest sent, or tried, to a webhook: a row of `reminder_sends`.
package struct ReminderSend: Equatable, Sendable {
    /// `coordinators`, or an office id.
    package var recipient: String
    /// The date the digest is as of, YYYY-MM-DD.
    package var asOf: String
    package var contentSHA256: String
    package var format: String
    /// The webhook without its query.
    package var destination: String
    package var sent: Bool
    package var attempts: Int
    package var httpStatus: Int?
    package var error: String?
    /// UTC ISO 8601.
    package var sentAt: String

    package init(
        recipient: String, asOf: String, contentSHA256: String, format: String, destination: String, sent: Bool, attempts: Int,
        httpStatus: Int?, error: String?, sentAt: String
    ) {
        self.recipient = recipient
        self.asOf = asOf
        self.contentSHA256 = contentSHA256
        self.format = format
        self.destination = destination
        self.sent = sent
        self.attempts = attempts
        self.httpStatus = httpStatus
        self.error = error
        self.sentAt = sentAt
    }
}
