import Foundation
import XCTest
@testable import RolloutCore

/// Every kind of bad fixture is reported with its file, key or line, and what was expected.
final class PlanLoaderTests: XCTestCase {
    private var files: [String: [UInt8]] = [:]

    override func setUpWithError() throws { files = try FixturePaths.yuzhongFiles() }

    /// Edits one file as JSON and returns the error loading reports.
    private func loadError(editing name: String, _ edit: (inout Any) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws
        -> PlanError
    {
        var json = try JSONSerialization.jsonObject(with: Data(files[name] ?? []))
        try edit(&json)
        files[name] = Array(try JSONSerialization.data(withJSONObject: json))
        return try loadError(file: file, line: line)
    }

    private func loadError(file: StaticString = #filePath, line: UInt = #line) throws -> PlanError {
        do {
            _ = try PlanLoader.load(files: files)
        } catch {
            return error
        }
        XCTFail("expected the fixture to be refused", file: file, line: line)
        return PlanError(file: "", message: "")
    }

    private func editItem(_ index: Int, _ change: @escaping (inout [String: Any]) -> Void) -> (inout Any) throws -> Void {
        { json in
            var items = json as? [[String: Any]] ?? []
            change(&items[index])
            json = items
        }
    }

    private func editPlan(_ change: @escaping (inout [String: Any]) -> Void) -> (inout Any) throws -> Void {
        { json in
            var plan = json as? [String: Any] ?? [:]
            change(&plan)
            json = plan
        }
    }

    private func editMilestone(_ index: Int, _ change: @escaping (inout [String: Any]) -> Void) -> (inout Any) throws -> Void {
        editPlan { plan in
            var milestones = plan["milestones"] as? [[String: Any]] ?? []
            change(&milestones[index])
            plan["milestones"] = milestones
        }
    }

    func testTheYuzhongFixtureLoads() throws {
        let plan = try PlanLoader.load(files: files)
        XCTAssertEqual(plan.items.count, 53)
        XCTAssertEqual(plan.offices.count, 11)
        XCTAssertEqual(plan.batches.map(\.id), ["baseline", "batch1", "batch2"])
        XCTAssertEqual(plan.year, 2026)
    }

    func testTheYearCanBeOverridden() throws {
        let plan = try PlanLoader.load(files: files, year: 2027)
        XCTAssertEqual(plan.year, 2027)
        XCTAssertEqual(plan.dueDate(of: plan.milestone("live")!, in: plan.batch(id: "batch1")!), LocalDate("2027-09-30"))
    }

    func testAMissingColumnNamesTheItemAndKey() throws {
        let error = try loadError(editing: "items.json", editItem(40) { $0["unit"] = nil })
        XCTAssertEqual(error.file, "items.json")
        XCTAssertEqual(error.location, "[40]")
        XCTAssertEqual(error.message, "missing key \"unit\"")
    }

    func testAWrongTypeSaysWhatWasExpected() throws {
        let error = try loadError(editing: "items.json", editItem(3) { $0["sections"] = "个人征缴科" })
        XCTAssertEqual(error.location, "[3].sections")
        XCTAssertEqual(error.message, "expected a list")
    }

    func testAnUnknownBatchListsTheValidOnes() throws {
        let error = try loadError(editing: "items.json", editItem(40) { $0["batch"] = "batch9" })
        XCTAssertEqual(error.description, "items.json: [40] (item 41).batch: unknown batch \"batch9\"; expected one of baseline, batch1, batch2")
    }

    func testADuplicateItemNumberIsRefused() throws {
        let error = try loadError(editing: "items.json", editItem(5) { $0["number"] = 5 })
        XCTAssertEqual(error.description, "items.json: [5] (item 5).number: duplicate item number 5")
    }

    func testAnUnknownPrerequisiteIsNamed() throws {
        let error = try loadError(editing: "plan.json", editMilestone(2) { $0["requires"] = ["network_build"] })
        XCTAssertEqual(error.file, "plan.json")
        XCTAssertEqual(error.location, "milestones[2].requires")
        XCTAssertTrue(
            error.message.hasPrefix("unknown prerequisite \"network_build\" of permissions_granted; expected one of guides_written"), error.message)
    }

    func testACycleInTheMilestoneGraphIsShownAsAPath() throws {
        let error = try loadError(editing: "plan.json", editMilestone(1) { $0["requires"] = ["live"] })
        XCTAssertEqual(error.location, "milestones")
        XCTAssertTrue(error.message.contains("network_built → live → ready → network_built") || error.message.contains("cycle"), error.message)
        XCTAssertTrue(error.message.hasPrefix("the milestone graph has a cycle: "), error.message)
    }

    func testImpossibleMonthsAreRefused() throws {
        var error = try loadError(
            editing: "plan.json",
            editPlan { plan in
                var batches = plan["batches"] as? [[String: Any]] ?? []
                batches[1]["prepMonth"] = 13
                plan["batches"] = batches
            })
        XCTAssertEqual(error.description, "plan.json: batches[1].prepMonth: month 13 is not a month; expected 1 to 12")
        try setUpWithError()
        error = try loadError(
            editing: "plan.json",
            editPlan { plan in
                var batches = plan["batches"] as? [[String: Any]] ?? []
                batches[2]["liveMonth"] = 9
                plan["batches"] = batches
            })
        XCTAssertEqual(
            error.description, "plan.json: batches[2].liveMonth: go-live month 9 is before the prep month 10; expected the same month or later")
    }

    func testInvalidUTF8IsReportedWithItsLine() throws {
        var bytes = files["offices.json"] ?? []
        let secondLineStart = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
        bytes.insert(contentsOf: [0xFF, 0xFE], at: secondLineStart + 3)
        files["offices.json"] = bytes
        let error = try loadError()
        XCTAssertEqual(error.description, "offices.json: line 2: invalid UTF-8; fixture files must be UTF-8 text")
    }

    func testAMissingFileIsNamed() throws {
        files["offices.json"] = nil
        let error = try loadError()
        XCTAssertEqual(error.file, "offices.json")
        XCTAssertTrue(error.message.hasPrefix("file is missing"))
    }

    func testTextThatIsNotJSONIsRefused() throws {
        files["plan.json"] = Array("{ \"district\": ".utf8)
        let error = try loadError()
        XCTAssertEqual(error.file, "plan.json")
        XCTAssertTrue(error.message.hasPrefix("not valid JSON"), error.message)
    }

    func testDuplicateOfficeIdsAndUnknownRolesAreRefused() throws {
        var error = try loadError(editing: "offices.json") { json in
            var offices = json as? [[String: Any]] ?? []
            offices[1]["id"] = "chaotianmen"
            json = offices
        }
        XCTAssertEqual(error.description, "offices.json: [1].id: duplicate office id \"chaotianmen\"")
        try setUpWithError()
        error = try loadError(editing: "plan.json", editMilestone(0) { $0["recordedBy"] = "mayor" })
        XCTAssertEqual(error.location, "milestones[0].recordedBy")
    }

    func testThePlanVersionChangesWithTheData() throws {
        let original = try PlanLoader.load(files: files)
        let otherYear = try PlanLoader.load(files: files, year: 2027)
        XCTAssertEqual(original.version.count, 64)
        XCTAssertNotEqual(original.version, otherYear.version)
        XCTAssertEqual(try PlanDocument.decode(PlanDocument.encode(original)), original)
    }

    func testTheStoredDocumentDecodesWithOrWithoutItsOfficeList() throws {
        var plan = try PlanLoader.load(files: files)
        plan.offices[0].name = "解放碑\"街道\"] {x} \\ 测试"  // brackets and escapes inside the list that is passed over
        let text = PlanDocument.encode(plan)
        XCTAssertEqual(try PlanDocument.decode(text), plan)
        XCTAssertEqual(try PlanDocument.decode(text, offices: plan.offices), plan)
        XCTAssertThrowsError(try PlanDocument.decode(String(text.dropLast())))
        XCTAssertThrowsError(try PlanDocument.decode(String(text.dropLast()), offices: plan.offices))
        XCTAssertThrowsError(try PlanDocument.decode(text.replacingOccurrences(of: "\"year\":\(plan.year)", with: "\"year\":\"\(plan.year)\"")))
    }
}
