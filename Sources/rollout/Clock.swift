import Foundation
import RolloutCore

/// The injected clock: `ROLLOUT_NOW` (ISO 8601 time, or a date meaning 09:00
/// local) when set, so tests and demos are deterministic; else the system clock.
enum Clock {
    static func now() throws -> Date {
        guard let text = ProcessInfo.processInfo.environment["ROLLOUT_NOW"], !text.isEmpty else { return Date() }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        if let day = LocalDate(text) {
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: "\(day)T09:00:00+08:00") { return date }
        }
        throw InputError("invalid ROLLOUT_NOW \"\(text)\"; expected an ISO 8601 time such as 2026-09-15T09:00:00+08:00 or a date")
    }

    /// The moment for recording: UTC timestamp and today in the plan's time zone.
    static func moment(for plan: Plan) throws -> Moment {
        let date = try now()
        let utc = ISO8601DateFormatter()
        utc.formatOptions = [.withInternetDateTime]
        utc.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: plan.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let today = LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else {
            throw InputError("the clock gives an impossible date")
        }
        return Moment(recordedAt: utc.string(from: date), today: today)
    }
}
