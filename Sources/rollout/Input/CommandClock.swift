import Foundation
import RolloutApp
import RolloutCore
import RolloutServer

/// The clock a command records by: the system clock, or the injected
/// `ROLLOUT_NOW` (ISO 8601 time, or a date meaning 09:00 in the plan's time
/// zone), but only for a test database (`init --test-clock`, `demo`,
/// `generate`). On a real district's database, a command that reads the clock
/// refuses to run with `ROLLOUT_NOW` set, so an entry's recording time cannot
/// be chosen by whoever runs the tool.
enum CommandClock {
    /// The injected time, if `ROLLOUT_NOW` is set.
    static var injected: String? {
        ProcessInfo.processInfo.environment["ROLLOUT_NOW"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Now for a command on `service`'s database (what a read is "today" for).
    static func now(for service: RolloutService) throws -> Timestamp {
        try source(for: service).now()
    }

    /// The clock a write on `service`'s database records by: read by the
    /// store once the write lock is held. The injected time is a stopped clock.
    static func source(for service: RolloutService) throws -> any WallClock {
        if injected != nil && !service.isTestDatabase {
            throw InputError(
                "ROLLOUT_NOW is set, but \(service.location) is a real district's database, which records the system clock's time; the injected clock is honoured only by a test database (`rollout init --test-clock`); unset ROLLOUT_NOW"
            )
        }
        guard service.isTestDatabase, injected != nil else { return SystemClock() }
        return try now(in: service.plan.timeZone, injectable: true)
    }

    /// Now in time zone `zone`; `ROLLOUT_NOW` is read only when `injectable`.
    static func now(in zone: String, injectable: Bool) throws -> Timestamp {
        guard injectable, let text = injected else {
            return SystemClock().now()
        }
        if let instant = Timestamp(iso8601: text) { return instant }
        if let day = LocalDate(text) {
            guard let instant = ZoneTime.instant(of: day, hour: 9, minute: 0, second: 0, in: zone) else {
                throw InputError("the plan's time zone \"\(zone)\" is unknown to this system")
            }
            return instant
        }
        throw InputError("invalid ROLLOUT_NOW \"\(text)\"; expected an ISO 8601 time such as 2026-09-15T09:00:00+08:00 or a date")
    }
}
