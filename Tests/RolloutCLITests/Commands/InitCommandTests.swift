import Foundation
import XCTest

/// `rollout init`: refuses to clobber, never half-loads, works from any folder.
final class InitCommandTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws { cli = try CLI() }
    override func tearDown() { cli.remove() }

    private func copyFixtures() throws -> URL {
        let copy = cli.folder.appendingPathComponent("district")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Fixtures/yuzhong"), to: copy)
        return copy
    }

    func testAnExistingDatabaseIsRefusedUnlessReplaced() throws {
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        let again = try cli.expect(2, ["init", "--test-clock", "--coordinator", "张伟"])
        XCTAssertTrue(again.stderr.contains("a database already exists at"), again.stderr)
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "张伟", "--replace"])
        XCTAssertTrue(try cli.expect(0, ["people"]).stdout.contains("张伟"))
    }

    func testABadFixtureLeavesNoDatabaseBehind() throws {
        let folder = try copyFixtures()
        let plan = folder.appendingPathComponent("plan.json")
        let text = try String(contentsOf: plan, encoding: .utf8).replacingOccurrences(of: "\"prepMonth\": 10", with: "\"prepMonth\": 14")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let result = try cli.expect(2, ["init", "--test-clock", "--coordinator", "王敏", "--fixtures", folder.path])
        XCTAssertEqual(result.stderr, "rollout: bad fixture: plan.json: batches[2].prepMonth: month 14 is not a month; expected 1 to 12\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("rollout.sqlite") }, [])
    }

    func testAnotherDistrictAndYearLoadFromAFolder() throws {
        let folder = try copyFixtures()
        let offices = "[{\"id\": \"a1\", \"name\": \"甲街道\"}, {\"id\": \"b2\", \"name\": \"乙街道\"}]\n"
        try offices.write(to: folder.appendingPathComponent("offices.json"), atomically: true, encoding: .utf8)
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏", "--fixtures", folder.path, "--year", "2027"])
        XCTAssertTrue(try cli.expect(0, ["offices"]).stdout.contains("乙街道"))
        XCTAssertTrue(try cli.expect(0, ["plan"]).stdout.contains("2027-09-30"))
    }

    func testAnotherMilestoneGraphNeedsNoSwiftChange() throws {
        let folder = try copyFixtures()
        let planFile = folder.appendingPathComponent("plan.json")
        var plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: planFile)) as? [String: Any])
        var milestones = plan["milestones"] as? [[String: Any]] ?? []
        milestones.insert(
            [
                "id": "site_inspected", "label": "现场验收", "recordedBy": "coordinator", "scope": "office",
                "requires": ["network_built"], "due": "prep",
            ], at: 2)
        if let ready = milestones.firstIndex(where: { $0["id"] as? String == "ready" }) {
            milestones[ready]["requires"] = (milestones[ready]["requires"] as? [String] ?? []) + ["site_inspected"]
        }
        plan["milestones"] = milestones
        try JSONSerialization.data(withJSONObject: plan).write(to: planFile)
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏", "--fixtures", folder.path])
        try cli.expect(0, ["people", "add", "李娜", "--role", "office", "--office", "jiefangbei", "--as", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        try cli.expect(0, ["record", "network_built", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"])
        try cli.expect(0, ["record", "permissions_granted", "--batch", "1", "--office", "jiefangbei", "--as", "王敏"])
        try cli.expect(0, ["record", "staff_trained", "--batch", "1", "--office", "jiefangbei", "--as", "王敏"])
        let refused = try cli.expect(3, ["record", "ready", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"])
        XCTAssertTrue(refused.stdout.contains("needs site_inspected (现场验收) first"), refused.stdout)
        try cli.expect(0, ["record", "site_inspected", "--batch", "1", "--office", "jiefangbei", "--as", "王敏"])
        try cli.expect(0, ["record", "ready", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"])
        XCTAssertTrue(try cli.expect(0, ["graph"]).stdout.contains("network_built --> site_inspected"))
        XCTAssertTrue(try cli.expect(0, ["status", "--batch", "1"]).stdout.contains("site_inspected"))
        try cli.expect(0, ["audit", "verify"])
    }

    func testTheInstalledBinaryWorksAloneFromAnyFolder() throws {
        let bin = cli.folder.appendingPathComponent("bin")
        let elsewhere = cli.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: bin.appendingPathComponent("rollout"))
        var installed = cli!
        installed.executable = bin.appendingPathComponent("rollout")
        installed.environment["ROLLOUT_DB"] = nil
        let result = try installed.run(["init", "--test-clock", "--coordinator", "王敏"], in: elsewhere)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("rollout.sqlite").path),
            "the documented default is ./rollout.sqlite")
        XCTAssertEqual(try installed.run(["catalog", "--batch", "1"], in: elsewhere).status, 0)
    }
}
