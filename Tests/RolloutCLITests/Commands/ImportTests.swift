import Foundation
import XCTest

/// `rollout import progress` through the real binary: the dry run, --apply,
/// a second import, JSON, and files that are not a sheet.
final class ImportTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-09-01T10:00:00+08:00")
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
    }
    override func tearDown() { cli.remove() }

    private func sample(_ name: String) -> String { CLI.repository.appendingPathComponent("Fixtures/import/\(name)").path }

    func testTheSampleSheetIsPreviewedThenAppliedOnce() throws {
        for name in ["progress-sample.csv", "progress-sample-bom.csv", "progress-sample-gb18030.csv"] {
            let preview = try cli.expect(0, ["import", "progress", sample(name), "--as", "王敏"])
            XCTAssertTrue(preview.stdout.contains("row 3: would record batch1 network_built 解放碑街道 (jiefangbei) 2026-08-10 (reported by 李娜)"), name)
            XCTAssertTrue(preview.stdout.contains("row 10: refused (bad_date) date \"2026-02-30\" is not a real calendar date"), name)
            XCTAssertTrue(preview.stdout.contains("row 11: refused (unknown_office) office: unknown office \"沙坪坝\""), name)
            XCTAssertTrue(preview.stdout.contains("dry run, nothing written: 7 allowed, 4 refused, 0 already imported"), name)
            XCTAssertTrue(preview.stdout.contains("--apply --expect 1"), name)
        }
        let applied = try cli.expect(0, ["import", "progress", sample("progress-sample.csv"), "--as", "王敏", "--apply", "--expect", "1"])
        XCTAssertTrue(applied.stdout.contains("row 12: recorded #8 batch1 ready"), applied.stdout)
        XCTAssertTrue(applied.stdout.contains("7 recorded, 4 refused, 0 already imported (bulk-2)"), applied.stdout)
        let again = try cli.expect(0, ["import", "progress", sample("progress-sample.csv"), "--as", "王敏", "--apply"])
        XCTAssertTrue(again.stdout.contains("0 recorded, 4 refused, 7 already imported"), again.stdout)
        let verified = try cli.expect(0, ["audit", "verify"])
        XCTAssertTrue(verified.stdout.contains("Verified 8 entries"), verified.stdout)
    }

    func testJSONNamesEveryRow() throws {
        let result = try cli.expect(0, ["import", "progress", sample("progress-sample-gb18030.csv"), "--as", "王敏", "--json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["file"] as? [String: Any])?["encoding"] as? String, "GB18030")
        XCTAssertEqual(json["allowed"] as? Int, 7)
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 11)
        XCTAssertEqual(rows[5]["reason"] as? String, "missing_prerequisite")
        XCTAssertEqual(rows[5]["row"] as? Int, 7)
    }

    func testAFileThatIsNoSheetIsBadInput() throws {
        let ragged = cli.folder.appendingPathComponent("ragged.csv")
        try Data("街道,批次,里程碑,日期\n解放碑,1,network_built\n".utf8).write(to: ragged)
        let result = try cli.expect(2, ["import", "progress", ragged.path, "--as", "王敏", "--apply"])
        XCTAssertEqual(result.stderr, "rollout: row 2 has 3 fields; expected 4, as many as the header row\n")

        let big = cli.folder.appendingPathComponent("big.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let tooBig = try cli.expect(2, ["import", "progress", big.path, "--as", "王敏"])
        XCTAssertTrue(tooBig.stderr.contains("is 104857600 bytes; expected a spreadsheet saved as CSV of at most 10485760 bytes"), tooBig.stderr)

        let binary = cli.folder.appendingPathComponent("book.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).write(to: binary)
        let notText = try cli.expect(2, ["import", "progress", binary.path, "--as", "王敏"])
        XCTAssertTrue(notText.stderr.contains("binary file"), notText.stderr)

        try cli.expect(2, ["import", "progress", cli.folder.appendingPathComponent("missing.csv").path, "--as", "王敏"])
        let verified = try cli.expect(0, ["audit", "verify"])
        XCTAssertTrue(verified.stdout.contains("Verified 1 entries"), verified.stdout)
    }

    func testOnlyACoordinatorImports() throws {
        try cli.expect(0, ["people", "add", "李娜", "--role", "office", "--office", "解放碑", "--as", "王敏"])
        let result = try cli.expect(3, ["import", "progress", sample("progress-sample.csv"), "--as", "李娜", "--apply"])
        XCTAssertTrue(result.stderr.contains("only a coordinator may import progress"), result.stderr)
    }
}
