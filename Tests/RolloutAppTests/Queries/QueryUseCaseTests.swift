import RolloutApp
import RolloutCore
import RolloutStore
import XCTest

/// Every reading use case, called without the command line.
final class QueryUseCaseTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }

    override func setUpWithError() throws {
        temporary = try TemporaryService()
        let august = TemporaryService.time("2026-08-05T10:00:00+08:00")
        _ = try service.record(MilestoneRecording(milestone: "guides_written", batch: "1"), by: .cli("王敏"), at: august)
        _ = try service.record(MilestoneRecording(milestone: "network_built", batch: "1", offices: ["解放碑"]), by: .cli("李娜"), at: august)
    }

    override func tearDown() { temporary.remove() }

    func testStatusNowOnAPastDateAndAsKnownAtAPastTime() throws {
        let september = TemporaryService.time("2026-09-02T10:00:00+08:00")
        let now = try service.boards(StatusRequest(batches: ["1"]), now: september)
        XCTAssertEqual(now.map(\.batch.id), ["batch1"])
        XCTAssertEqual(now[0].asOf.description, "2026-09-02")
        let jiefangbei = try XCTUnwrap(now[0].rows.first { $0.office.id == "jiefangbei" })
        XCTAssertEqual(jiefangbei.cells[1].parts.state, .done)
        let before = try service.boards(StatusRequest(batches: ["1"], asOf: "2026-08-04"), now: september)
        XCTAssertEqual(before[0].rows.first { $0.office.id == "jiefangbei" }?.cells[1].parts.state, .due)
        let known = try service.boards(StatusRequest(batches: ["1"], knownAt: "2026-08-01"), now: september)
        XCTAssertEqual(known[0].rows.first { $0.office.id == "jiefangbei" }?.cells[1].parts.state, .due)
        XCTAssertThrowsError(try service.boards(StatusRequest(asOf: "2026-08-01", knownAt: "2026-08-01"), now: september)) {
            XCTAssertEqual(cliMessage($0), "use --as-of or --known-at, not both")
        }
    }

    func testKnownAtJudgesTheBoundsOwnDayInThePlansTimeZone() throws {
        // 07:00 in Chongqing is 23:00 UTC the day before: the board is judged on the Chongqing day.
        let (_, date) = try service.stateAndDate(
            StatusRequest(knownAt: "2026-09-01T07:00:00+08:00"), now: TemporaryService.time("2026-10-01T00:00:00Z"))
        XCTAssertEqual(date.description, "2026-09-01")
    }

    func testOverdueHistoryChangesAndLookups() throws {
        let overdue = try service.overdue(asOf: "2026-09-01", now: TemporaryService.time("2026-10-01T00:00:00Z"))
        XCTAssertEqual(overdue.date.description, "2026-09-01")
        XCTAssertTrue(overdue.items.contains { $0.office?.id == "daping" && $0.milestone.id == "network_built" })
        XCTAssertFalse(overdue.items.contains { $0.office?.id == "jiefangbei" && $0.milestone.id == "network_built" })
        let filter = try service.historyFilter(HistoryRequest(office: "解放碑", kind: "milestone"))
        XCTAssertEqual(try service.history(filter).map(\.milestone), ["network_built"])
        XCTAssertThrowsError(try service.historyFilter(HistoryRequest(kind: "nonsense"))) {
            XCTAssertTrue("\($0)".hasPrefix("unknown kind \"nonsense\""))
        }
        XCTAssertThrowsError(try service.historyFilter(HistoryRequest(limit: 0)))
        var streamed: [Int64] = []
        try service.eachEntry(filter, through: nil) { streamed.append($0.seq) }
        XCTAssertEqual(streamed.count, 1)
        let changes = try service.changes(from: "2026-08-01", to: "2026-08-31")
        XCTAssertTrue(changes.changes.contains { $0.office == "jiefangbei" })
        XCTAssertEqual(try service.changeEntries(changes).count, 6)
        XCTAssertThrowsError(try service.changes(from: "2026-09-01", to: "2026-08-01"))
        XCTAssertEqual(try service.people().count, 4)
        XCTAssertEqual(try service.problems(openOnly: true).count, 0)
        XCTAssertEqual(try service.head().count, 6)
    }

    func testCatalogAndGraphCounts() throws {
        XCTAssertEqual(try service.items(CatalogRequest(acceptedAt: "银行")).map(\.number), [4, 37, 49, 50, 51, 52, 53])
        XCTAssertEqual(try service.item(number: 30).number, 30)
        XCTAssertThrowsError(try service.item(number: 99)) { XCTAssertTrue("\($0)".hasPrefix("no item 99; the catalog has items 1 to 53")) }
        XCTAssertThrowsError(try service.items(CatalogRequest(level: "moon")))
        let reached = try service.reached(batch: "1")
        XCTAssertEqual(reached["network_built"], 1)
        XCTAssertEqual(reached["live"], 0)
    }
}
