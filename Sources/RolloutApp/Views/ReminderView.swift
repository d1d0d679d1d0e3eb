/// The JSON form of a reminder run (`remind --json`): per digest, the
/// recipient, what became of it and the body posted (or that would be).
package struct ReminderView: Encodable {
    package var asOf: String
    package var format: String
    package var messages: [Message]

    /// One digest.
    package struct Message: Encodable {
        /// `coordinators`, or an office id.
        package var recipient: String
        /// `not_sent` (dry run), `sent`, `already_sent` or `failed`.
        package var status: String
        package var attempts: Int?
        package var error: String?
        package var contentSHA256: String
        package var body: String

        enum CodingKeys: String, CodingKey {
            case recipient, status, attempts, error, body
            case contentSHA256 = "content_sha256"
        }

        init(_ delivery: ReminderDelivery) {
            recipient = delivery.digest.recipient.key
            contentSHA256 = delivery.contentSHA256
            body = String(decoding: delivery.body, as: UTF8.self)
            switch delivery.status {
            case .notSent: status = "not_sent"
            case .sent(let count): (status, attempts) = ("sent", count)
            case .alreadySent: status = "already_sent"
            case .failed(let count, let message): (status, attempts, error) = ("failed", count, message)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, messages
        case asOf = "as_of"
    }

    package init(_ report: ReminderReport) {
        asOf = report.asOf
        format = report.format.rawValue
        messages = report.deliveries.map(Message.init)
    }
}
