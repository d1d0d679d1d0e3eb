import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutCore
import RolloutStore
import XCTest

/// Each role's work through the pages: Chinese first, sign-in, office reports
/// with evidence, the coordinator's preview and confirmation, corrections with
/// their dependants; post/redirect/get and one record per form.
final class PageFlowTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    private static let evidence = Array("%PDF-1.4 验收单".utf8)

    func testPagesAreChineseByDefaultAndEnglishWhenAskedOrChosen() async throws {
        try await harness.test { client in
            try await client.execute(uri: "/signin", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("<html lang=\"zh-CN\">"))
                XCTAssertTrue(page.contains("账号（工号或手机号）"))
            }
            try await client.execute(uri: "/signin", method: .get, headers: [.acceptLanguage: "en-US,en;q=0.9,zh;q=0.5"]) { response in
                XCTAssertTrue(String(buffer: response.body).contains("Login (staff number or mobile)"))
            }
            try await client.execute(uri: "/signin?next=%2Fhistory", method: .get) { response in
                XCTAssertTrue(
                    String(buffer: response.body).contains("href=\"/signin?next=%2Fhistory&amp;lang=en\""), "the switch comes back to the same page")
            }
            try await client.execute(uri: "/signin?lang=en", method: .get) { response in
                XCTAssertTrue(String(buffer: response.body).contains("<html lang=\"en\">"))
                XCTAssertTrue(response.headers[.setCookie]?.hasPrefix("rollout_lang=en") ?? false)
            }
            try await client.execute(uri: "/signin", method: .get, headers: [.cookie: "rollout_lang=en", .acceptLanguage: "zh-CN"]) { response in
                XCTAssertTrue(String(buffer: response.body).contains("Sign in"), "the switch wins over the browser")
            }
        }
    }

    func testSigningInThroughTheFormAndBeingSentBackWhereOneWanted() async throws {
        try await harness.test { client in
            try await client.execute(uri: "/board", method: .get) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers[.location], "/signin?next=%2Fboard")
            }
            let wrong = Form.urlEncoded([("login", "c001"), ("password", "not-the-password"), ("next", "/history")])
            try await client.execute(uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: wrong) {
                response in
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertTrue(String(buffer: response.body).contains("wrong login or password"))
            }
            for (next, expected) in [
                ("/history", "/history"), ("//evil.example/", "/board"), ("https://evil.example", "/board"), ("/%09/evil.example/", "/board"),
                ("/\t/evil.example/", "/board"), ("/\\evil.example", "/board"), ("/history//evil.example", "/board"),
            ] {
                let body = Form.urlEncoded([("login", "c001"), ("password", "coordinator-password-1"), ("next", next)])
                try await client.execute(uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body) {
                    response in
                    XCTAssertEqual(response.status, .seeOther)
                    XCTAssertEqual(response.headers[.location], expected, "after signing in with next=\(next)")
                    XCTAssertTrue(response.headers[.setCookie]?.contains("HttpOnly") ?? false)
                }
            }
        }
    }

    func testOfficeStaffRecordWithEvidenceOnceAndThoseAllowedReadTheFileBack() async throws {
        let service = harness.service
        let before = try service.head().count
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            let form = Form.multipart(
                [("_csrf", staff.csrf), ("key", "form-1"), ("batch", "batch1"), ("milestone", "network_built"), ("note", "机房网络已验收")],
                files: [("evidence", "验收单.pdf", Self.evidence)])
            for _ in 0..<2 {
                try await client.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(multipart: true), body: form) {
                    response in
                    XCTAssertEqual(response.status, .seeOther, String(buffer: response.body))
                    XCTAssertEqual(response.headers[.location], "/offices/jiefangbei")
                }
            }
            XCTAssertEqual(try service.head().count, before + 1, "the same form sent twice records once")
            try await client.execute(uri: "/offices/jiefangbei", method: .get, headers: staff.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("已登记"), "the first outcome is told after the redirect")
                XCTAssertTrue(page.contains("此前已提交过，未重复登记"), "the second is told as a duplicate")
            }
            let entry = try XCTUnwrap(service.history(HistoryFilter()).last)
            XCTAssertEqual(entry.evidence, [Evidence(name: "验收单.pdf", sha256: SHA256Hex.digest(Self.evidence), size: Int64(Self.evidence.count))])
            let uri = "/evidence/\(SHA256Hex.digest(Self.evidence))"
            try await client.execute(uri: uri, method: .get, headers: staff.pageHeaders) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(Array(buffer: response.body), Self.evidence)
                XCTAssertEqual(response.headers[.contentType], "application/pdf")
                XCTAssertTrue(response.headers[.contentDisposition]?.hasPrefix("attachment") ?? false)
            }
            // A link cannot choose the name the browser saves the file under: it is the entry's.
            try await client.execute(uri: uri + "?name=x.html", method: .get, headers: staff.pageHeaders) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E5%8D%95%2Epdf")
            }
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: uri, method: .get, headers: auditor.pageHeaders) { response in XCTAssertEqual(response.status, .ok) }
            let other = try await client.signIn("13800000002", "daping-password-1")
            try await client.execute(uri: uri, method: .get, headers: other.pageHeaders) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertFalse(Array(buffer: response.body).starts(with: Self.evidence))
            }
        }
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testTheLineAfterAFormIsShownByAnotherServerOverTheSameDatabase() async throws {
        // Two servers behind one address without sticky sessions: the form goes to one, the next page comes from the other.
        let other = Application(router: try harness.router)
        try await harness.test { first in
            try await other.test(.router) { second in
                let staff = try await first.signIn("13800000001", "jiefangbei-password-1")
                let form = Form.urlEncoded([("_csrf", staff.csrf), ("key", "form-2"), ("batch", "batch1"), ("milestone", "network_built")])
                try await first.execute(uri: "/offices/jiefangbei/record", method: .post, headers: staff.formHeaders(), body: form) { response in
                    XCTAssertEqual(response.status, .seeOther, String(buffer: response.body))
                }
                try await second.execute(uri: "/offices/jiefangbei", method: .get, headers: staff.pageHeaders) { response in
                    XCTAssertTrue(String(buffer: response.body).contains("已登记"), "the other server shows the outcome")
                }
                try await first.execute(uri: "/offices/jiefangbei", method: .get, headers: staff.pageHeaders) { response in
                    XCTAssertFalse(String(buffer: response.body).contains("已登记"), "and it is shown once")
                }
            }
        }
    }

    func testTheCoordinatorPreviewsWritingNothingThenConfirms() async throws {
        let service = harness.service
        let before = try service.head().count
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            let fields = [("_csrf", coordinator.csrf), ("key", "k-guides"), ("milestone", "guides_written"), ("batch", "batch1")]
            try await client.execute(uri: "/record/preview", method: .post, headers: coordinator.formHeaders(), body: Form.urlEncoded(fields)) {
                response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(String(buffer: response.body).contains("可以登记"))
            }
            XCTAssertEqual(try service.head().count, before, "a preview writes nothing")
            let training = [("_csrf", coordinator.csrf), ("key", "k-train"), ("milestone", "staff_trained"), ("batch", "batch1"), ("all", "on")]
            try await client.execute(uri: "/record/preview", method: .post, headers: coordinator.formHeaders(), body: Form.urlEncoded(training)) {
                response in
                let page = String(buffer: response.body)
                XCTAssertEqual(page.components(separatedBy: "将被拒绝").count - 1, 11, "every office refused before the guides, each with its reason")
                XCTAssertTrue(page.contains("guides_written"), "the engine's reason names the missing milestone")
                XCTAssertTrue(page.contains("前置环节尚未完成，请先完成前置环节（"), "a Chinese page says what the refusal means in Chinese first")
            }
            try await client.execute(uri: "/record", method: .post, headers: coordinator.formHeaders(), body: Form.urlEncoded(fields)) { response in
                XCTAssertEqual(response.status, .seeOther)
            }
            XCTAssertEqual(try service.head().count, before + 1)
            try await client.execute(uri: "/record", method: .post, headers: coordinator.formHeaders(), body: Form.urlEncoded(training)) { response in
                XCTAssertEqual(response.status, .seeOther)
            }
            XCTAssertEqual(try service.head().count, before + 12)
            try await client.execute(uri: "/record", method: .get, headers: coordinator.pageHeaders) { response in
                XCTAssertTrue(String(buffer: response.body).contains("已登记 11 条，拒绝 0 条，重复 0 条。"))
            }
        }
    }

    func testTheCorrectionPageListsTheDependantsToReverseTogether() async throws {
        let service = harness.service
        let coordinator = Identity(login: "c001", authentication: .cli)
        _ = try service.record(MilestoneRecording(milestone: "guides_written", batch: "1"), by: coordinator, at: harness.clock.now())
        _ = try service.record(
            MilestoneRecording(milestone: "staff_trained", batch: "1", offices: ["jiefangbei"]), by: coordinator, at: harness.clock.now())
        let guides = try XCTUnwrap(service.history(HistoryFilter()).first { $0.milestone == "guides_written" })
        let trained = try XCTUnwrap(service.history(HistoryFilter()).first { $0.milestone == "staff_trained" })
        try await harness.test { client in
            let browser = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(uri: "/correct?entry=\(guides.seq)", method: .get, headers: browser.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("以下记录依赖于它，需要一并更正"))
                XCTAssertTrue(page.contains("#\(trained.seq) staff_trained"))
                XCTAssertTrue(page.contains("name=\"entries\" value=\"\(guides.seq),\(trained.seq)\""))
            }
            let body = Form.urlEncoded([("_csrf", browser.csrf), ("entries", "\(guides.seq),\(trained.seq)"), ("reason", "录入错误"), ("key", "c1")])
            try await client.execute(uri: "/correct", method: .post, headers: browser.formHeaders(), body: body) { response in
                XCTAssertEqual(response.status, .seeOther)
            }
        }
        XCTAssertEqual(try service.history(HistoryFilter()).filter { $0.kind == .correction }.count, 2)
    }

    func testTheAuditorsPagesFilterTheHistoryVerifyAndOfferTheExport() async throws {
        let service = harness.service
        let coordinator = Identity(login: "c001", authentication: .cli)
        _ = try service.record(MilestoneRecording(milestone: "guides_written", batch: "1"), by: coordinator, at: harness.clock.now())
        _ = try service.record(MilestoneRecording(milestone: "live", batch: "1", offices: ["daping"]), by: coordinator, at: harness.clock.now())
        let head = try service.head().hash
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/history?milestone=guides_written", method: .get, headers: auditor.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("milestone batch1 guides_written"))
                XCTAssertFalse(page.contains("refused batch1"), "the filter leaves the refusal out")
            }
            try await client.execute(uri: "/refusals", method: .get, headers: auditor.pageHeaders) { response in
                XCTAssertTrue(String(buffer: response.body).contains("refused batch1 大坪街道 live"))
            }
            try await client.execute(uri: "/history?from=2026-13-45", method: .get, headers: auditor.pageHeaders) { response in
                XCTAssertEqual(response.status, .badRequest)
                // The message names the field by the form's label, never by a CLI flag.
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("invalid 「开始日期」 &quot;2026-13-45&quot;"), page)
                XCTAssertFalse(page.contains("--from"), page)
            }
            try await client.execute(uri: "/api/v1/overdue?asOf=2026-13-45", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .badRequest)
                let body = String(buffer: response.body)
                XCTAssertTrue(body.contains(#"invalid asOf \"2026-13-45\""#), body)
                XCTAssertFalse(body.contains("--as-of"), body)
            }
            try await client.execute(uri: "/verify?run=1", method: .get, headers: auditor.pageHeaders) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("核验通过"))
                XCTAssertTrue(page.contains(head))
                XCTAssertTrue(page.contains("href=\"/api/v1/audit/export\""))
            }
            try await client.execute(uri: "/board?asOf=2026-08-05", method: .get, headers: auditor.pageHeaders) { response in
                XCTAssertTrue(String(buffer: response.body).contains("截至日期"))
            }
        }
        harness.clock.advance(seconds: 30 * 86_400)
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/board?batch=batch1", method: .get, headers: auditor.pageHeaders) { response in
                XCTAssertFalse(String(buffer: response.body).contains("逾期事项 (0)"), "a month later the network build-out is overdue")
            }
            try await client.execute(uri: "/board?batch=batch1&knownAt=2026-08-10", method: .get, headers: auditor.pageHeaders) { response in
                XCTAssertTrue(String(buffer: response.body).contains("逾期事项 (0)"), "as known on the day, nothing was overdue yet")
            }
        }
    }
}
