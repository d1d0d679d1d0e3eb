import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutStore
import XCTest

/// The pages attacked: forms without the session's token or from another
/// site, another office's page and form by URL, an auditor's form, markup
/// typed into a note or a name, a file a browser would run, and error pages.
final class PageAttackTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    private static func record(csrf: String?) -> ByteBuffer {
        Form.urlEncoded((csrf.map { [("_csrf", $0)] } ?? []) + [("key", "k"), ("batch", "batch1"), ("milestone", "network_built")])
    }

    func testAFormWithoutTheSessionsTokenOrFromAnotherSiteWritesNothing() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            try await client.execute(
                uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(), body: Self.record(csrf: nil)
            ) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertTrue(String(buffer: response.body).contains("missing or wrong CSRF token"))
            }
            try await client.execute(
                uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(),
                body: Self.record(csrf: String(repeating: "0", count: 64))
            ) { response in XCTAssertEqual(response.status, .forbidden) }
            var crossSite = staff.formHeaders()
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            try await client.execute(
                uri: "/offices/jiefangbei/record", method: .post, headers: crossSite, body: Self.record(csrf: staff.csrf)
            ) { response in XCTAssertEqual(response.status, .forbidden) }
            var otherOrigin = staff.formHeaders()
            otherOrigin[.origin] = "https://evil.example"
            try await client.execute(
                uri: "/offices/jiefangbei/record", method: .post, headers: otherOrigin, body: Self.record(csrf: staff.csrf)
            ) { response in XCTAssertEqual(response.status, .forbidden) }
        }
        XCTAssertEqual(try service.head(), before)
    }

    func testOfficeStaffCannotOpenOrPostAnotherOfficesPageByURL() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let staff = try await client.signIn("13800000002", "daping-password-1")
            try await client.execute(uri: "/offices/jiefangbei", method: .get, headers: staff.pageHeaders) { response in
                XCTAssertEqual(response.status, .forbidden)
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("may not open the page of 解放碑街道 (jiefangbei)"))
                XCTAssertFalse(page.contains("submit-report"), "no form on a refused page")
            }
            // Posted anyway: the rules refuse it and the refusal is recorded, as through the API.
            try await client.execute(
                uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(), body: Self.record(csrf: staff.csrf)
            ) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers[.location], "/offices/daping", "back to the person's own office")
            }
            try await client.execute(uri: "/offices/daping", method: .get, headers: staff.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("街道工作人员只能为本街道登记（"), "the refusal in Chinese first")
                XCTAssertTrue(page.contains("may not act for 解放碑街道"), "then its particulars")
            }
            for path in ["/record", "/accounts", "/verify", "/refusals"] {
                try await client.execute(uri: path, method: .get, headers: staff.pageHeaders) { response in
                    XCTAssertEqual(response.status, .forbidden, path)
                }
            }
        }
        let refusals = try service.refusals()
        XCTAssertEqual(try service.head().count, before.count + 1, "exactly the refusal was written")
        XCTAssertEqual(refusals.last?.detail.reason, "wrong_office")
        XCTAssertEqual(refusals.last?.auth, "web_session")
    }

    func testAnAuditorsFormIsRefused() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            let body = Form.urlEncoded([("_csrf", auditor.csrf), ("milestone", "guides_written"), ("batch", "batch1"), ("key", "a")])
            // The coordinator's pages are not an auditor's; a write posted to them is the rules' to refuse, and recorded.
            for (path, status) in [
                ("/record", HTTPResponse.Status.seeOther), ("/record/preview", .forbidden), ("/blocks", .badRequest), ("/accounts", .forbidden),
            ] {
                try await client.execute(uri: path, method: .post, headers: auditor.formHeaders(), body: body) { response in
                    XCTAssertEqual(response.status, status, path)
                }
            }
        }
        XCTAssertEqual(try service.head().count, before.count + 1, "the refused recording, nothing else")
        XCTAssertEqual(try service.refusals().last?.detail.reason, "wrong_role")
    }

    func testAFormWithInvalidUTF8IsRefusedNotStoredAsTyped() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            for note in ["%FF%FE", "%E4%B8", "%zz"] {
                let body = ByteBuffer(string: "_csrf=\(staff.csrf)&key=bad-\(note)&batch=batch1&milestone=network_built&note=\(note)")
                try await client.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(), body: body) {
                    response in
                    XCTAssertEqual(response.status, .badRequest, "note=\(note)")
                    XCTAssertTrue(String(buffer: response.body).contains("percent-encoded UTF-8"), String(buffer: response.body))
                }
            }
        }
        XCTAssertEqual(try service.head(), before, "nothing was recorded")
    }

    func testMarkupTypedIntoANoteOrANameIsShownAsText() async throws {
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            let account = Form.urlEncoded([
                ("_csrf", coordinator.csrf), ("login", "x1"), ("name", "<img src=x onerror=alert(1)>"), ("role", "auditor"),
            ])
            try await client.execute(uri: "/accounts", method: .post, headers: coordinator.formHeaders(), body: account) { response in
                XCTAssertEqual(response.status, .seeOther)
            }
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            let note = Form.urlEncoded([
                ("_csrf", staff.csrf), ("key", "n"), ("batch", "batch1"), ("milestone", "network_built"), ("note", "<script>alert(1)</script>\"'&"),
            ])
            try await client.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(), body: note) { response in
                XCTAssertEqual(response.status, .seeOther)
            }
            for (path, browser) in [("/history", coordinator), ("/accounts", coordinator), ("/history", staff)] {
                try await client.execute(uri: path, method: .get, headers: browser.pageHeaders) { response in
                    let page = String(buffer: response.body)
                    XCTAssertFalse(page.contains("<script>alert"), path)
                    XCTAssertFalse(page.contains("<img src=x"), path)
                }
            }
            try await client.execute(uri: "/history", method: .get, headers: coordinator.pageHeaders) { response in
                XCTAssertTrue(String(buffer: response.body).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
            }
        }
    }

    func testAFileABrowserWouldRunOrAnOversizedOneIsRefusedAndNothingIsWritten() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            let fields = [("_csrf", staff.csrf), ("key", "f"), ("batch", "batch1"), ("milestone", "network_built")]
            let html = Form.multipart(fields, files: [("evidence", "page.html", Array("<script>alert(1)</script>".utf8))])
            try await client.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(multipart: true), body: html) {
                response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(String(buffer: response.body).contains("evidence file page.html is not an accepted kind"))
            }
            let big = Form.multipart(fields, files: [("evidence", "scan.pdf", [UInt8](repeating: 0x25, count: EvidenceUpload.maximumBytes + 1))])
            try await client.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(multipart: true), body: big) {
                response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(String(buffer: response.body).contains("the most one file may hold is"))
            }
        }
        XCTAssertEqual(try service.head(), before)
    }

    func testErrorPagesAreHTMLWithTheMessageAndNothingInternal() async throws {
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            try await client.execute(uri: "/evidence/not-a-hash", method: .get, headers: staff.pageHeaders) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("invalid evidence file hash"))
                XCTAssertNotNil(response.headers[.contentSecurityPolicy])
                for leak in ["sqlite", "/tmp/", ".swift", "Fatal"] { XCTAssertFalse(page.contains(leak), leak) }
            }
            var browser = staff.pageHeaders
            browser[.accept] = "text/html,application/xhtml+xml"
            try await client.execute(uri: "/no-such-page", method: .get, headers: browser) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
            }
        }
    }
}
