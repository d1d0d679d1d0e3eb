/// "Now", as the caller's injected clock sees it: the recording timestamp
/// (UTC, ISO 8601) and today's date in the district's time zone.
package struct Moment: Equatable, Sendable {
    package var recordedAt: String
    package var today: LocalDate

    package init(recordedAt: String, today: LocalDate) {
        self.recordedAt = recordedAt
        self.today = today
    }
}
