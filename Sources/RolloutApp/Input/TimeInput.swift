import RolloutCore

/// Dates and recording times as people type them.
package enum TimeInput {
    /// A calendar date, YYYY-MM-DD; the error names `field` in the caller's words.
    package static func date(_ text: String, field: Field) throws -> LocalDate {
        guard let date = LocalDate(text) else {
            throw InputError(field) { "invalid \($0(field)) \"\(text)\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30" }
        }
        return date
    }

    /// A recording-time bound: a full time as given, or a date meaning the
    /// start (or end) of that day in the plan's time zone.
    package static func recordedBound(_ text: String, field: Field, plan: Plan, endOfDay: Bool) throws -> Timestamp {
        if let time = Timestamp(iso8601: text) { return time }
        guard let day = LocalDate(text) else {
            throw InputError(field) {
                "invalid \($0(field)) \"\(text)\"; expected a date (YYYY-MM-DD) or an ISO 8601 time such as 2026-09-15T09:00:00+08:00"
            }
        }
        let (hour, minute, second) = endOfDay ? (23, 59, 59) : (0, 0, 0)
        guard let time = ZoneTime.instant(of: day, hour: hour, minute: minute, second: second, in: plan.timeZone) else {
            let zone = plan.timeZone
            throw InputError(field) { "invalid \($0(field)) \"\(text)\": the plan's time zone \"\(zone)\" is unknown to this system" }
        }
        return time
    }
}
