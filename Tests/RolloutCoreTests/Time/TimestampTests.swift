import Foundation
import Testing
@testable import RolloutCore

/// Recording times: ISO 8601 in and out, and "today" in the plan's time zone.
@Suite struct TimestampTests {
    @Test func offsetsAreAppliedAndUTCIsWritten() throws {
        for text in ["2026-09-15T09:00:00+08:00", "2026-09-15T09:00:00+0800", "2026-09-15T01:00:00Z", "2026-09-14T20:00:00-05:00"] {
            #expect(try #require(Timestamp(iso8601: text)).iso8601 == "2026-09-15T01:00:00Z", "\(text)")
        }
        #expect(Timestamp(seconds: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: -1).iso8601 == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: [
        "2026-09-15 09:00:00Z", "2026-09-15T24:00:00Z", "2026-02-30T00:00:00Z", "2026-09-15T09:00:00+08",
        "2026-09-15T09:00:00", "2026-09-15T09:00:00Zjunk", "2026-09-15T09:60:00Z", "2026-09-15T09:00:00+08:60", "",
    ])
    func malformedTimesAreRejected(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func todayTurnsAtLocalMidnight() throws {
        #expect(ZoneTime.date(at: try #require(Timestamp(iso8601: "2026-09-14T15:59:59Z")), in: "Asia/Shanghai")?.description == "2026-09-14")
        #expect(ZoneTime.date(at: try #require(Timestamp(iso8601: "2026-09-14T16:00:00Z")), in: "Asia/Shanghai")?.description == "2026-09-15")
        #expect(ZoneTime.date(at: Timestamp(seconds: 0), in: "Nowhere/Atlantis") == nil)
    }

    /// The arithmetic for China's fixed UTC+8 agrees with the time-zone database,
    /// and zones with daylight saving go through the database.
    @Test func fixedOffsetsAgreeWithTheTimeZoneDatabase() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        var instant: Int64 = 694_224_000
        while instant < 2_000_000_000 {
            #expect(
                ZoneTime.offset(of: "Asia/Shanghai", at: Timestamp(seconds: instant))
                    == shanghai.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
            instant += 7_777_777
        }
        let summer = try #require(LocalDate("2026-07-01")), winter = try #require(LocalDate("2026-01-15"))
        #expect(ZoneTime.instant(of: summer, hour: 0, minute: 0, second: 0, in: "Europe/Berlin")?.iso8601 == "2026-06-30T22:00:00Z")
        #expect(ZoneTime.instant(of: winter, hour: 23, minute: 59, second: 59, in: "Europe/Berlin")?.iso8601 == "2026-01-15T22:59:59Z")
    }
}
