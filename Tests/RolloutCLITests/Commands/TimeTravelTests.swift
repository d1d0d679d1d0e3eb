import Foundation
import RolloutStore
import XCTest

/// History queries on both time axes, and what changed between two dates.
final class TimeTravelTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-09-10T10:00:00+08:00")
        try Scenario.playBatchOne(cli)
    }

    override func tearDown() { cli.remove() }

    private func status(_ arguments: [String]) throws -> [String: Any] {
        let text = try cli.expect(0, ["status", "--batch", "1", "--json"] + arguments).stdout
        let boards = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return try XCTUnwrap(boards.first)
    }

    private func cell(_ board: [String: Any], office: String, milestone: String) -> String? {
        let rows = board["rows"] as? [[String: Any]] ?? []
        let row = rows.first { $0["office"] as? String == office }
        return ((row?["cells"] as? [String: Any])?[milestone] as? [String: Any])?["state"] as? String
    }

    func testTheEffectiveAxisShowsADateAsKnownNowWithoutReversedEntries() throws {
        // #11, daping's permissions (2026-08-07), was reversed on 2026-09-03.
        let before = try status(["--as-of", "2026-08-06"])
        XCTAssertEqual(cell(before, office: "jiefangbei", milestone: "network_built"), "done")
        XCTAssertEqual(cell(before, office: "jiefangbei", milestone: "permissions_granted"), "due")
        let august = try status(["--as-of", "2026-08-31"])
        XCTAssertEqual(
            cell(august, office: "daping", milestone: "permissions_granted"), "blocked",
            "not done: the reversed entry never counts on the effective axis")
        XCTAssertEqual(cell(august, office: "jiefangbei", milestone: "ready"), "done")
        XCTAssertEqual(august["live"] as? Int, 0)
    }

    func testTheRecordedAxisShowsWhatTheDatabaseKnewThen() throws {
        let beforeCorrection = try status(["--known-at", "2026-09-03T10:30:00+08:00"])
        XCTAssertEqual(cell(beforeCorrection, office: "daping", milestone: "permissions_granted"), "done", "the correction was recorded at 11:00")
        let afterCorrection = try status(["--known-at", "2026-09-03T11:30:00+08:00"])
        XCTAssertNotEqual(cell(afterCorrection, office: "daping", milestone: "permissions_granted"), "done")
        let early = try status(["--known-at", "2026-08-05"])
        XCTAssertEqual(cell(early, office: "jiefangbei", milestone: "network_built"), "due")
    }

    func testChangesBetweenTwoDatesArePerOffice() throws {
        let text = try cli.expect(0, ["changes", "--from", "2026-08-06", "--to", "2026-08-10", "--json"]).stdout
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let changes = (json["changes"] as? [[String: Any]] ?? []).map { "\($0["office"] as? String ?? "-") \($0["change"] as? String ?? "")" }
        XCTAssertTrue(changes.contains("jiefangbei + network_built (2026-08-06)"), "\(changes)")
        XCTAssertTrue(changes.contains("daping blocked since 2026-08-10: 机房搬迁"), "\(changes)")
        XCTAssertFalse(changes.contains { $0.hasPrefix("daping + permissions_granted") }, "reversed later, so not a change as known now")
        let human = try cli.expect(0, ["changes", "--from", "2026-08-06", "--to", "2026-08-10"]).stdout
        XCTAssertTrue(human.hasPrefix("Changes effective 2026-08-06 to 2026-08-10, as known now:"), human)
        try cli.expect(2, ["changes", "--from", "2026-08-10", "--to", "2026-08-06"])
    }

    func testHistoryFiltersCombineOnBothAxes() throws {
        func seqs(_ arguments: [String]) throws -> [Int] {
            let text = try cli.expect(0, ["history", "--json"] + arguments).stdout
            return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []).compactMap { $0["seq"] as? Int }
        }
        XCTAssertEqual(try seqs(["--kind", "correction"]), [30])
        XCTAssertEqual(try seqs(["--office", "大坪", "--milestone", "permissions_granted"]), [11, 30])
        XCTAssertEqual(try seqs(["--actor", "审计员"]), [24])
        XCTAssertEqual(try seqs(["--from", "2026-09-01", "--to", "2026-09-01"]), [27])
        XCTAssertEqual(try seqs(["--recorded-from", "2026-09-03", "--recorded-to", "2026-09-03", "--batch", "1"]), [29, 30])
        XCTAssertEqual(try seqs(["--limit", "2"]), [30, 31])
        XCTAssertEqual(try cli.expect(2, ["history", "--kind", "deleted"]).stderr.hasPrefix("rollout: unknown kind \"deleted\""), true)
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("util-linux script is not installed") }
        func underTerminal(noColor: Bool) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "\(CLI.binary.path) status --batch 1", "/dev/null"]
            var environment = cli.environment
            environment["NO_COLOR"] = noColor ? "1" : nil
            environment["TERM"] = "xterm"
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        XCTAssertTrue(try underTerminal(noColor: false).contains("\u{1B}["), "colour on a terminal")
        XCTAssertFalse(try underTerminal(noColor: true).contains("\u{1B}["), "no colour with NO_COLOR")
        var piped = cli!
        piped.environment["NO_COLOR"] = nil
        XCTAssertFalse(try piped.expect(0, ["status", "--batch", "1"]).stdout.contains("\u{1B}["), "no colour when piped")
    }
}
