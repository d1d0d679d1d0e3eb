import RolloutApp
import RolloutCore
import XCTest

/// Names, dates and free text as people type them.
final class InputTests: XCTestCase {
    func testOfficeNamesResolveByIdNameListAndAll() throws {
        let temporary = try TemporaryService()
        defer { temporary.remove() }
        let service = temporary.service
        XCTAssertEqual(try service.offices(named: ["解放碑, daping", "jiefangbei"]).map(\.id), ["jiefangbei", "daping"])
        XCTAssertEqual(try service.offices(named: ["all"]).count, 11)
        XCTAssertEqual(try service.offices(named: []).count, 0)
        XCTAssertThrowsError(try service.office(named: [])) { XCTAssertEqual("\($0)", "name the office with --office") }
        XCTAssertThrowsError(try service.offices(named: ["jiefangbie"])) { XCTAssertTrue("\($0)".contains("did you mean jiefangbei")) }
    }

    func testDatesTimesAndNotes() throws {
        XCTAssertThrowsError(try TimeInput.date("2026-13-01", field: "--from")) {
            XCTAssertEqual("\($0)", "invalid --from \"2026-13-01\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30")
        }
        let plan = try TemporaryService().service.plan
        XCTAssertEqual(try TimeInput.recordedBound("2026-08-01", field: "--to", plan: plan, endOfDay: true).iso8601, "2026-08-01T15:59:59Z")
        XCTAssertEqual(try TimeInput.recordedBound("2026-08-01", field: "--to", plan: plan, endOfDay: false).iso8601, "2026-07-31T16:00:00Z")
        XCTAssertThrowsError(try NoteText.check("响铃\u{07}")) { XCTAssertTrue("\($0)".contains("U+7")) }
        XCTAssertThrowsError(try NoteText.check(String(repeating: "字", count: 2001)))
        XCTAssertNoThrow(try NoteText.check("两行\n说明\t制表"))
    }
}
