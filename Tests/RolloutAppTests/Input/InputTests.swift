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
        XCTAssertThrowsError(try service.office(named: [])) { error in
            XCTAssertEqual((error as? InputError)?.field, .office)
            XCTAssertEqual((error as? InputError)?.message(naming: TestFlagNames()), "name the office with --office")
            XCTAssertEqual((error as? InputError)?.message(naming: Labels()), "name the office with 「街道」")
        }
        XCTAssertThrowsError(try service.offices(named: ["jiefangbie"])) { XCTAssertTrue("\($0)".contains("did you mean jiefangbei")) }
    }

    func testDatesTimesAndNotes() throws {
        XCTAssertThrowsError(try TimeInput.date("2026-13-01", field: .from)) { error in
            XCTAssertEqual(
                (error as? InputError)?.message(naming: TestFlagNames()),
                "invalid --from \"2026-13-01\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30")
            XCTAssertEqual("\(error)", "invalid start date \"2026-13-01\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30")
        }
        let plan = try TemporaryService().service.plan
        XCTAssertEqual(try TimeInput.recordedBound("2026-08-01", field: .to, plan: plan, endOfDay: true).iso8601, "2026-08-01T15:59:59Z")
        XCTAssertEqual(try TimeInput.recordedBound("2026-08-01", field: .to, plan: plan, endOfDay: false).iso8601, "2026-07-31T16:00:00Z")
        XCTAssertThrowsError(try NoteText.check("响铃\u{07}")) { XCTAssertTrue("\($0)".contains("U+7")) }
        XCTAssertThrowsError(try NoteText.check(String(repeating: "字", count: 2001)))
        XCTAssertNoThrow(try NoteText.check("两行\n说明\t制表"))
    }

    /// One message, each front end's words: the field is named by the caller.
    func testAMessageNamesItsFieldInTheCallersWords() {
        let error = InputError(.expect) { "invalid \($0(.expect)) \"x\"; expected an entry count or a head hash" }
        XCTAssertEqual(error.message(naming: TestFlagNames()), "invalid --expect \"x\"; expected an entry count or a head hash")
        XCTAssertEqual(error.message(naming: Labels()), "invalid 「expect」 \"x\"; expected an entry count or a head hash")
        XCTAssertEqual(error.message, "invalid expected head \"x\"; expected an entry count or a head hash")
        XCTAssertEqual(Failure.message(of: error, naming: TestFlagNames()), error.message(naming: TestFlagNames()))
    }

    /// A page's way: Chinese labels (only the office here).
    private struct Labels: FieldNaming {
        func name(of field: Field) -> String { field == .office ? "「街道」" : "「\(field.rawValue)」" }
    }
}
