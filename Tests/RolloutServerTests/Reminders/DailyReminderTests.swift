import Foundation
import Logging
import RolloutApp
import RolloutCore
import RolloutServer
import Synchronization
import XCTest

/// The server's daily reminder, driven by a clock moved by hand: no waiting.
final class DailyReminderTests: XCTestCase {
    /// Records posts instead of sending them.
    private final class Posts: WebhookTransport {
        let bodies = Mutex<[String]>([])
        var count: Int { bodies.withLock { $0.count } }

        func post(_ body: [UInt8], to url: String) async throws -> (status: Int, body: [UInt8]) {
            bodies.withLock { $0.append(String(decoding: body, as: UTF8.self)) }
            return (200, [])
        }
    }

    func testTheScheduleIsALocalTimeOfDay() throws {
        let schedule = try ReminderSchedule("09:00", timeZone: "Asia/Shanghai")
        let before = try XCTUnwrap(Timestamp(iso8601: "2026-09-01T08:59:59+08:00"))
        let at = try XCTUnwrap(Timestamp(iso8601: "2026-09-01T09:00:00+08:00"))
        XCTAssertNil(schedule.due(at: before, lastRun: nil))
        XCTAssertEqual(schedule.due(at: at, lastRun: nil), LocalDate("2026-09-01"))
        XCTAssertNil(schedule.due(at: at, lastRun: LocalDate("2026-09-01")), "once a day")
        XCTAssertEqual(schedule.due(at: at, lastRun: LocalDate("2026-08-31")), LocalDate("2026-09-01"))
        for bad in ["9:00", "24:00", "09:60", "0900", "09:00:00", "ab:cd", ""] {
            XCTAssertThrowsError(try ReminderSchedule(bad, timeZone: "Asia/Shanghai"), bad)
        }
    }

    func testTheServerRemindsOnceADayAtTheConfiguredTime() async throws {
        let harness = try ServerHarness()
        defer { harness.remove() }
        let clock = TestClock("2026-09-01T08:30:00+08:00")
        func set(_ text: String) { clock.set(text) }
        set("2026-09-01T08:30:00+08:00")
        let posts = Posts()
        let daily = DailyReminder(
            service: harness.service, schedule: try ReminderSchedule("09:00", timeZone: "Asia/Shanghai"),
            run: ReminderRun(withinDays: 7, webhook: "http://127.0.0.1:9/hook", format: "generic"), transport: posts,
            retry: RetryPolicy(attempts: 1), clock: clock, logger: Logger(label: "test"))

        let early = await daily.tick()
        XCTAssertNil(early)
        XCTAssertEqual(posts.count, 0)

        set("2026-09-01T09:00:30+08:00")
        let ticked = await daily.tick()
        let report = try XCTUnwrap(ticked)
        XCTAssertEqual(report.asOf, "2026-09-01")
        let sent = posts.count
        XCTAssertGreaterThan(sent, 1, "the offices' digests and the coordinators'")
        XCTAssertTrue(posts.bodies.withLock { $0.last ?? "" }.contains(#""recipient":"coordinators""#))

        set("2026-09-01T17:00:00+08:00")
        let later = await daily.tick()
        XCTAssertNil(later, "not twice the same day")
        XCTAssertEqual(posts.count, sent)

        set("2026-09-02T09:05:00+08:00")
        let nextDay = await daily.tick()
        XCTAssertEqual(nextDay?.asOf, "2026-09-02")
        XCTAssertEqual(try harness.service.store.reminderSends().count, posts.count)
    }
}
