/// What became of one digest in a reminder run.
package struct ReminderDelivery: Sendable {
    /// The fate of a digest.
    package enum Status: Equatable, Sendable {
        /// A dry run: printed, not sent.
        case notSent
        /// Delivered after this many attempts.
        case sent(attempts: Int)
        /// The same content went to the same recipient for the same date before, at this time; not sent again.
        case alreadySent(at: String)
        /// Not delivered after every attempt; logged, and tried again by the next run.
        case failed(attempts: Int, error: String)
    }

    package var digest: ReminderDigest
    /// The body posted (or that would be).
    package var body: [UInt8]
    package var contentSHA256: String
    package var status: Status
    /// The last HTTP status the webhook answered with, when it answered.
    package var httpStatus: Int?
}
