import Foundation
import RolloutApp
import RolloutCore

/// The injected clock: `ROLLOUT_NOW` (ISO 8601 time, or a date meaning 09:00
/// local) when set, so tests and demos are deterministic; else the system clock.
enum Clock {
    static func now() throws -> Timestamp {
        guard let text = ProcessInfo.processInfo.environment["ROLLOUT_NOW"], !text.isEmpty else {
            return Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
        }
        if let instant = Timestamp(iso8601: text) { return instant }
        if let day = LocalDate(text) { return Timestamp(date: day, hour: 9, minute: 0, second: 0, offset: 8 * 3600) }
        throw InputError("invalid ROLLOUT_NOW \"\(text)\"; expected an ISO 8601 time such as 2026-09-15T09:00:00+08:00 or a date")
    }
}
