import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutStore
import TestSupport
import XCTest

/// The coordinator's upload of a progress sheet: a preview row by row, then
/// the same bytes imported once; office staff may not import.
final class ImportPageTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    func testASheetIsPreviewedRowByRowThenImportedOnce() async throws {
        harness.clock.advance(seconds: 30 * 86_400)
        let service = harness.service
        let sheet = try [UInt8](Data(contentsOf: Repository.root.appendingPathComponent("Fixtures/import/progress-sample-gb18030.csv")))
        let before = try service.head().count
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            let upload = Form.multipart([("_csrf", coordinator.csrf)], files: [("sheet", "进度表.csv", sheet)])
            let (encoded, expect) = try await client.execute(
                uri: "/import/preview", method: .post, headers: coordinator.formHeaders(multipart: true), body: upload
            ) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("进度表.csv（GB18030）"), "the encoding is named")
                XCTAssertTrue(page.contains("2026-02-30"), "the impossible date is shown with its row")
                XCTAssertTrue(page.contains("沙坪坝"), "so is the unknown office")
                let sheetField = page.firstMatch(of: /name="sheet" value="([^"]+)"/)?.output.1 ?? ""
                let expectField = page.firstMatch(of: /name="expect" value="(\d+)"/)?.output.1 ?? ""
                return (String(sheetField), String(expectField))
            }
            XCTAssertEqual(try service.head().count, before, "a preview writes nothing")
            let confirm = Form.urlEncoded([("_csrf", coordinator.csrf), ("sheet", encoded), ("expect", expect), ("name", "进度表.csv")])
            try await client.execute(uri: "/import", method: .post, headers: coordinator.formHeaders(), body: confirm) { response in
                XCTAssertEqual(response.status, .seeOther, String(buffer: response.body))
            }
            let afterFirst = try service.head().count
            let recorded = afterFirst - before
            XCTAssertGreaterThan(recorded, 0)
            try await client.execute(uri: "/import", method: .get, headers: coordinator.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("导入完成：登记 \(recorded) 行"), page)
            }
            try await client.execute(uri: "/import", method: .post, headers: coordinator.formHeaders(), body: confirm) { response in
                XCTAssertEqual(response.status, .ok, "sent twice: the preview again, nothing written")
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("未写入任何内容"))
                XCTAssertTrue(page.contains("已导入过"))
            }
            XCTAssertEqual(try service.head().count, afterFirst)
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            try await client.execute(
                uri: "/import/preview", method: .post, headers: staff.formHeaders(multipart: true),
                body: Form.multipart([("_csrf", staff.csrf)], files: [("sheet", "x.csv", sheet)])
            ) { response in XCTAssertEqual(response.status, .forbidden) }
        }
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }
}
