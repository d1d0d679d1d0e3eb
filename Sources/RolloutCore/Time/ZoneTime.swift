import Foundation

/// Instants and calendar dates in a plan's time zone.
///
/// Zones that have kept one offset for decades are done by arithmetic, with no
/// time-zone database: China has kept UTC+8 without daylight saving since
/// 1991. Other zones, and earlier instants, go through Foundation's database.
package enum ZoneTime {
    private static let chinaStandardTime: Set<String> = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"]
    private static let universal: Set<String> = ["UTC", "Etc/UTC", "GMT", "Etc/GMT"]
    /// 1992-01-01T00:00:00Z: after China's last daylight-saving period (1991).
    private static let chinaFixedSince = Timestamp(seconds: 694_224_000)

    /// Seconds east of UTC in `zone` at `instant`; nil for a zone no database knows.
    package static func offset(of zone: String, at instant: Timestamp) -> Int? {
        if universal.contains(zone) { return 0 }
        if chinaStandardTime.contains(zone) && instant >= chinaFixedSince { return 8 * 3600 }
        return TimeZone(identifier: zone)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// The calendar date in `zone` at `instant`.
    package static func date(at instant: Timestamp, in zone: String) -> LocalDate? {
        offset(of: zone, at: instant).map(instant.date(offset:))
    }

    /// The instant of a local time on `date` in `zone`.
    package static func instant(of date: LocalDate, hour: Int, minute: Int, second: Int, in zone: String) -> Timestamp? {
        let asIfUTC = Timestamp(date: date, hour: hour, minute: minute, second: second, offset: 0)
        guard let guess = offset(of: zone, at: asIfUTC) else { return nil }
        let first = Timestamp(date: date, hour: hour, minute: minute, second: second, offset: guess)
        // Across an offset change the offset at the first guess decides.
        guard let settled = offset(of: zone, at: first) else { return nil }
        return Timestamp(date: date, hour: hour, minute: minute, second: second, offset: settled)
    }
}
