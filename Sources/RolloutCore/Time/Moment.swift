/// "Now", as the caller's injected clock sees it: the recording timestamp
/// (UTC, ISO 8601) and today's date in the district's time zone.
public struct Moment: Equatable, Sendable {
    public var recordedAt: String
    public var today: LocalDate

    public init(recordedAt: String, today: LocalDate) {
        self.recordedAt = recordedAt
        self.today = today
    }
}
