import Foundation
import XCTest

/// CSV and JSON exports that open correctly in Excel and in scripts.
final class ExportTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-11-20T18:00:00+08:00")
        try cli.expect(0, ["demo", "--db", cli.databasePath])
    }

    override func tearDown() { cli.remove() }

    func testEveryTableIsWrittenAsExcelFriendlyCSVAndAsJSON() throws {
        let out = cli.folder.appendingPathComponent("out")
        try cli.expect(0, ["export", out.path])
        for name in ["status", "history", "problems", "catalog"] {
            let csv = try Data(contentsOf: out.appendingPathComponent("\(name).csv"))
            XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name).csv starts with a UTF-8 BOM")
            let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
            XCTAssertTrue(text.contains("\r\n"), "\(name).csv uses CRLF")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("\(name).json"))))
        }
        let status = String(decoding: try Data(contentsOf: out.appendingPathComponent("status.csv")).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(status.hasPrefix("batch,office_id,office_name,milestone,state,date,days_late,live,open_problems,blocked_reason\r\n"))
        XCTAssertTrue(status.contains("batch2,daping,大坪街道,network_built,blocked,2026-10-15,20,no,0,办公场所搬迁，网络暂停\r\n"), status)
        XCTAssertTrue(status.contains("batch1,caiyuanba,菜园坝街道,network_built,done,2026-09-08,8,yes,0,\r\n"))
        let catalog = String(decoding: try Data(contentsOf: out.appendingPathComponent("catalog.csv")).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(catalog.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 54)
        XCTAssertTrue(
            catalog.contains("21,就业政策法规咨询,就业创业,社区、街道办理,community/street:handle,区就业人才中心,就业统筹科、创业指导科、失业保险科、人才交流服务科、培训鉴定科,baseline,已延伸,\r\n"), catalog)
    }

    func testUserTextIsQuotedAndNeverRunAsAFormula() throws {
        try cli.expect(0, ["record", "ready", "--batch", "2", "--office", "hualongqiao", "--as", "朱军", "--note", "=HYPERLINK(\"x\"), \"引号\"\n第二行"])
        let out = cli.folder.appendingPathComponent("out")
        try cli.expect(0, ["export", out.path])
        let history = String(decoding: try Data(contentsOf: out.appendingPathComponent("history.csv")), as: UTF8.self)
        XCTAssertTrue(history.contains(",\"'=HYPERLINK(\"\"x\"\"), \"\"引号\"\"\n第二行\","), history.suffix(600).description)
    }

    func testFormulasBehindWhitespaceOrInFullWidthAreNeutralisedToo() throws {
        // LibreOffice with "trim spaces" ran ` =1+1`; Excel reads full-width ＝ as =.
        let notes = [" =1+1", "\n=1+1", "\t@SUM(A1)", "＝1+1", "＋1+1", "－1+1", "＠SUM(A1)", "\u{3000}=1+1", "-3"]
        let live = ["nanjimen", "jiefangbei", "chaotianmen", "qixinggang", "caiyuanba"]
        for (number, note) in notes.enumerated() {
            try cli.expect(0, ["problem", "open", "--batch", "2", "--office", live[number % live.count], "--note=\(note)", "--as", "王敏"])
        }
        let out = cli.folder.appendingPathComponent("out")
        try cli.expect(0, ["export", out.path])
        let problems = String(decoding: try Data(contentsOf: out.appendingPathComponent("problems.csv")), as: UTF8.self)
        for note in notes.dropLast() {
            let written = note.contains("\n") ? "\"'\(note)\"" : "'\(note)"
            XCTAssertTrue(problems.contains("," + written + ","), "\(note.debugDescription) is written as \(written.debugDescription): \(problems)")
        }
        XCTAssertTrue(problems.contains(",-3,"), "a negative number stays a number")
    }
}
