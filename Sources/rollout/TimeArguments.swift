import Foundation
import RolloutCore

/// Parsing of dates and recording times given on the command line.
enum TimeArguments {
    static func date(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(text) else {
            throw InputError("invalid \(option) \"\(text)\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30")
        }
        return date
    }

    /// A recording-time bound as UTC ISO 8601: a full time as given, or a date
    /// meaning the start (or end) of that day in the plan's time zone.
    static func recordedBound(_ text: String, option: String, plan: Plan, endOfDay: Bool) throws -> String {
        let utc = ISO8601DateFormatter()
        utc.formatOptions = [.withInternetDateTime]
        utc.timeZone = TimeZone(identifier: "UTC")
        if let time = ISO8601DateFormatter().date(from: text) { return utc.string(from: time) }
        guard let day = LocalDate(text) else {
            throw InputError("invalid \(option) \"\(text)\"; expected a date (YYYY-MM-DD) or an ISO 8601 time such as 2026-09-15T09:00:00+08:00")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: plan.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        let components = DateComponents(year: day.year, month: day.month, day: day.day,
                                        hour: endOfDay ? 23 : 0, minute: endOfDay ? 59 : 0, second: endOfDay ? 59 : 0)
        guard let time = calendar.date(from: components) else { throw InputError("invalid \(option) \"\(text)\"") }
        return utc.string(from: time)
    }
}
