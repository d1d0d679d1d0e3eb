import RolloutApp
import RolloutCore

/// When the server sends the daily reminders: a local time (`--remind-at
/// HH:MM`) in the plan's time zone. Pure: given a clock reading and the day of
/// the last run, it says whether a run is due and for which date.
package struct ReminderSchedule: Equatable, Sendable {
    package let hour: Int
    package let minute: Int
    package let timeZone: String

    /// Parses `HH:MM` (24-hour clock).
    package init(_ text: String, timeZone: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw InputError("invalid --remind-at \"\(text)\"; expected a time of day as HH:MM, e.g. 09:00")
        }
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    /// The date to remind as of, when a run is due at `now`: the local time has
    /// reached HH:MM today and today's run has not been made (`lastRun`).
    package func due(at now: Timestamp, lastRun: LocalDate?) -> LocalDate? {
        guard let today = ZoneTime.date(at: now, in: timeZone), lastRun != today,
            let time = ZoneTime.instant(of: today, hour: hour, minute: minute, second: 0, in: timeZone), now >= time
        else { return nil }
        return today
    }
}
