import RolloutApp
import RolloutCore
import XCTest

/// The export tables and the report's model, without the command line.
final class ExportUseCaseTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }

    override func setUpWithError() throws { temporary = try TemporaryService() }
    override func tearDown() { temporary.remove() }

    func testExportTablesHaveTheirDocumentedColumnsAndOneRowPerCell() throws {
        let tables = try service.exportTables(asOf: "2026-08-20", now: TemporaryService.time("2026-09-01T00:00:00Z"))
        XCTAssertEqual(tables.date.description, "2026-08-20")
        XCTAssertEqual(tables.status.header.count, 10)
        XCTAssertEqual(tables.status.rows.count, tables.plan.batches.count * 11 * tables.plan.milestones.count)
        XCTAssertEqual(tables.historyTable.rows.count, 4)
        XCTAssertEqual(tables.historyTable.rows[1][13], "李娜 (office)")
        XCTAssertEqual(tables.catalog.rows.count, 53)
        XCTAssertEqual(tables.status.objects.first?["state"], "not_applicable")
        XCTAssertThrowsError(try service.exportTables(asOf: "2026-08-32", now: TemporaryService.time("2026-09-01T00:00:00Z")))
    }

    func testTheReportModelCarriesBoardsOverdueProblemsAndTheVerifiedHead() throws {
        let report = try service.report(batches: [], now: TemporaryService.time("2026-09-02T00:00:00Z"))
        XCTAssertEqual(report.boards.map(\.batch.id), report.plan.newBatches.map(\.id))
        XCTAssertEqual(report.asOf.description, "2026-09-02")
        XCTAssertTrue(report.verification.passed)
        XCTAssertEqual(report.verification.head, try service.head().hash)
        XCTAssertFalse(report.overdue.isEmpty)
    }
}
