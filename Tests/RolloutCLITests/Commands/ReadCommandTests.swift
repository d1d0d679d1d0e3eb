import Foundation
import XCTest

/// `init`, `catalog`, `offices`, `plan` through the real binary, against golden output.
final class ReadCommandTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI()
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
    }

    override func tearDown() { cli.remove() }

    func testInitAndTheReadCommandsMatchTheGoldenOutput() throws {
        var transcript = Transcript(cli: cli)
        try transcript.run(["plan"])
        try transcript.run(["offices"])
        try transcript.run(["catalog", "--batch", "1"])
        try transcript.run(["catalog", "--fully-at", "street", "--batch", "2"])
        try transcript.run(["catalog", "--accepted-at", "银行"])
        try transcript.run(["catalog", "37"])
        try transcript.run(["catalog", "--section", "就业统筹科", "--area", "就业创业"])
        try transcript.run(["people"])
        try Golden.check(transcript.text, "read-commands.txt")
    }

    func testTwoPeopleOfTheSameNameAreToldApartByLoginInTheHistory() throws {
        try cli.expect(0, ["people", "add", "王伟", "--login", "13800000021", "--role", "office", "--office", "大坪", "--as", "王敏"])
        try cli.expect(0, ["people", "add", "王伟", "--login", "13800000022", "--role", "office", "--office", "解放碑", "--as", "王敏"])
        // Recorded or refused, the attempt is an entry that names who made it.
        _ = try cli.run(["record", "network_built", "--batch", "1", "--office", "大坪", "--as", "13800000021"])
        let history = try cli.expect(0, ["history"]).stdout
        XCTAssertTrue(history.contains("王伟 [13800000021] (office)"), history)
        XCTAssertTrue(history.contains("王敏 (coordinator)"), "a name nobody shares is shown alone: \(history)")
    }

    func testJSONOutputIsStableAndCarriesEveryColumn() throws {
        let result = try cli.expect(0, ["catalog", "--json"])
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 53)
        XCTAssertEqual(Set(items[36].keys), ["number", "name", "area", "depth", "unit", "sections", "batch", "remarks"])
        let depth = try XCTUnwrap(items[36]["depth"] as? [String: Any])
        XCTAssertEqual((depth["channels"] as? [Any])?.count, 2)
        try Golden.check(try cli.expect(0, ["catalog", "--batch", "2", "--json"]).stdout, "catalog-batch2.json")
        try Golden.check(try cli.expect(0, ["plan", "--json"]).stdout, "plan.json")
    }

    func testBadOptionsNameTheValueAndWhatWasExpected() throws {
        var result = try cli.expect(2, ["catalog", "--level", "city"])
        XCTAssertEqual(result.stderr, "rollout: unknown level \"city\"; expected one of community, street, district, bank (社区, 街道, 区级, 银行)\n")
        result = try cli.expect(2, ["catalog", "--batch", "3"])
        XCTAssertTrue(result.stderr.hasPrefix("rollout: unknown batch \"3\";"), result.stderr)
        result = try cli.expect(2, ["catalog", "99"])
        XCTAssertEqual(result.stderr, "rollout: no item 99; the catalog has items 1 to 53\n")
        result = try cli.expect(2, ["plan", "--db", cli.folder.appendingPathComponent("none.sqlite").path])
        XCTAssertTrue(result.stderr.contains("no database at"), result.stderr)
    }
}
