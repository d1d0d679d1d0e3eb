import Foundation
import RolloutApp
import RolloutCore
import TestSupport
import XCTest

/// Importing a progress sheet through the application layer: encodings, the
/// preview, the one transaction, a second import, and malformed files.
final class ProgressImportTests: XCTestCase {
    private var temporary: TemporaryService!
    private var service: RolloutService { temporary.service }
    private let september = TemporaryService.time("2026-09-01T10:00:00+08:00")

    override func setUpWithError() throws { temporary = try TemporaryService() }
    override func tearDown() { temporary.remove() }

    private func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.root.appendingPathComponent("Fixtures/import/\(name)")))
    }

    private func statuses(_ result: ImportResult) -> [String] {
        result.rows.map { row in
            switch row.status {
            case .allowed: "\(row.row) allowed"
            case .recorded: "\(row.row) recorded"
            case .alreadyImported: "\(row.row) already"
            case .refused(let reason, _): "\(row.row) \(reason)"
            }
        }
    }

    private let expected = [
        "2 allowed", "3 allowed", "4 allowed", "5 allowed", "6 allowed", "7 missing_prerequisite", "8 allowed", "9 missing_prerequisite",
        "10 bad_date", "11 unknown_office", "12 allowed",
    ]

    func testUTF8SheetIsPreviewedRowByRow() throws {
        let result = try service.importProgress(ProgressImport(bytes: try sample("progress-sample.csv")), by: .cli("王敏"), at: september)
        XCTAssertEqual(result.encoding, .utf8)
        XCTAssertEqual(statuses(result), expected)
        XCTAssertEqual(result.rows[1].office, "jiefangbei")
        XCTAssertEqual(result.rows[2].milestone, "permissions_granted", "a milestone by its Chinese name")
        XCTAssertEqual(result.rows[10].effective, LocalDate("2026-08-25"), "a date as 2026年8月25日")
    }

    func testUTF8WithBOMSheetReadsTheSame() throws {
        let result = try service.importProgress(ProgressImport(bytes: try sample("progress-sample-bom.csv")), by: .cli("王敏"), at: september)
        XCTAssertEqual(result.encoding, .utf8BOM)
        XCTAssertEqual(statuses(result), expected)
        XCTAssertEqual(result.rows[0].reporter, "王敏")
    }

    func testGB18030SheetReadsTheSame() throws {
        let bytes = try sample("progress-sample-gb18030.csv")
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the fixture really is GB18030, not UTF-8")
        let result = try service.importProgress(ProgressImport(bytes: bytes), by: .cli("王敏"), at: september)
        XCTAssertEqual(result.encoding, .gb18030)
        XCTAssertEqual(statuses(result), expected)
        XCTAssertEqual(result.rows[1].reporter, "李娜")
    }

    func testThePreviewWritesNothingAndApplyWritesTheAllowedRowsInDateOrderWithOneBulkID() throws {
        let bytes = try sample("progress-sample.csv")
        let before = try service.head()
        let preview = try service.importProgress(ProgressImport(bytes: bytes), by: .cli("王敏"), at: september)
        XCTAssertFalse(preview.applied)
        XCTAssertEqual(try service.head(), before)
        XCTAssertEqual(preview.headCount, before.count)

        let applied = try service.importProgress(
            ProgressImport(bytes: bytes, apply: true, expect: String(preview.headCount)), by: .cli("王敏"), at: september)
        XCTAssertEqual(applied.allowed, 7)
        XCTAssertEqual(applied.refused, 4)
        let head = try service.head()
        XCTAssertEqual(head.count, before.count + 7, "refused rows are not recorded")
        let entries = try service.store.allEntries().filter { $0.seq > before.count }
        XCTAssertEqual(Set(entries.map(\.bulk)), [applied.bulk])
        XCTAssertEqual(entries.map(\.effective), entries.map(\.effective).sorted(), "in effective-date order")
        let ready = try XCTUnwrap(entries.last)
        XCTAssertEqual(ready.milestone, "ready")
        XCTAssertEqual(ready.actor, "王敏", "recorded by the coordinator who imports")
        XCTAssertEqual(ready.detail.reporter, "李娜")
        XCTAssertEqual(ready.detail.importRow, "12")
        XCTAssertEqual(ready.detail.importSHA256, SHA256Hex.digest(Data(bytes)))
        XCTAssertEqual(ready.idempotencyKey, "import:\(SHA256Hex.digest(Data(bytes))):12")
        XCTAssertTrue(try service.verify(expectHead: nil).passed, "the imported entries replay")
    }

    func testImportingTheSameFileTwiceRecordsNothingNew() throws {
        let bytes = try sample("progress-sample-gb18030.csv")
        _ = try service.importProgress(ProgressImport(bytes: bytes, apply: true), by: .cli("王敏"), at: september)
        let head = try service.head()
        let again = try service.importProgress(ProgressImport(bytes: bytes, apply: true), by: .cli("王敏"), at: september)
        XCTAssertEqual(try service.head(), head)
        XCTAssertEqual(again.alreadyImported, 7)
        XCTAssertEqual(again.allowed, 0)
    }

    func testAStalePreviewIsRefused() throws {
        let bytes = try sample("progress-sample.csv")
        XCTAssertThrowsError(try service.importProgress(ProgressImport(bytes: bytes, apply: true, expect: "2"), by: .cli("王敏"), at: september))
        XCTAssertEqual(try service.allEntriesCount(), 4)
    }

    func testOnlyACoordinatorImports() throws {
        XCTAssertThrowsError(try service.importProgress(ProgressImport(bytes: try sample("progress-sample.csv")), by: .cli("李娜"), at: september)) {
            XCTAssertTrue($0 is PermissionDenied, "\($0)")
        }
    }

    func testMalformedFilesAreRefusedWithTheReason() throws {
        let cases: [(String, [UInt8], String)] = [
            ("ragged", Array("office,batch,milestone,date\njiefangbei,1,network_built\n".utf8), "row 2 has 3 fields; expected 4"),
            ("binary", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "binary file"),
            ("too big", [UInt8](repeating: 0x41, count: SheetText.maximumBytes + 1), "at most 10485760 bytes"),
            ("empty", [], "empty"),
            ("UTF-16", [0xFF, 0xFE, 0x61, 0x00], "UTF-16 text"),
            ("not text", [0x81, 0x20, 0x41], "neither UTF-8 nor GB18030"),
            ("open quote", Array("office,batch,milestone,date\n\"jiefangbei,1,x,2026-08-01\n".utf8), "never closed"),
            ("unknown column", Array("office,batch,milestone,when\n".utf8), "unknown column \"when\""),
            ("missing column", Array("office,batch,date\n".utf8), "no milestone column"),
        ]
        for (name, bytes, message) in cases {
            XCTAssertThrowsError(try service.importProgress(ProgressImport(bytes: bytes, apply: true), by: .cli("王敏"), at: september), name) {
                XCTAssertTrue(($0 as? InputError)?.message.contains(message) ?? false, "\(name): \($0)")
            }
        }
        XCTAssertEqual(try service.allEntriesCount(), 4, "nothing written")
    }

    func testRowsRefusedBeforeTheRules() throws {
        let sheet = """
            office,batch,milestone,date,note,reporter
            jiefangbei,1,network_built,2026-09-30,,李娜
            jiefangbei,0,network_built,2026-08-01,,李娜
            jiefangbei,1,guides_written,2026-08-01,,王敏
            ,1,network_built,2026-08-01,,李娜
            jiefangbei,1,launched,2026-08-01,,李娜
            jiefangbei,1,network_built,,,李娜
            "jiefangbei",1,network_built,"2026-08-03","a note, with a comma",李娜
            """
        let result = try service.importProgress(ProgressImport(bytes: Array(sheet.utf8)), by: .cli("王敏"), at: september)
        XCTAssertEqual(
            statuses(result),
            ["2 future_date", "3 unknown_batch", "4 wrong_scope", "5 missing_value", "6 unknown_milestone", "7 missing_value", "8 allowed"])
    }

    func testSheetDates() {
        XCTAssertEqual(SheetDate.parse("2026/8/5"), LocalDate("2026-08-05"))
        XCTAssertEqual(SheetDate.parse("2026-8-15"), LocalDate("2026-08-15"))
        XCTAssertEqual(SheetDate.parse("2026年10月1日"), LocalDate("2026-10-01"))
        XCTAssertNil(SheetDate.parse("2026-02-30"))
        XCTAssertNil(SheetDate.parse("26/8/5"))
        XCTAssertNil(SheetDate.parse("2026-08-05T10:00"))
    }
}

extension RolloutService {
    /// How many entries the history holds.
    fileprivate func allEntriesCount() throws -> Int64 { try head().count }
}
