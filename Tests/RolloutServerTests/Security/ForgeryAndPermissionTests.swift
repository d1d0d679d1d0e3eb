import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutStore
import XCTest

/// The attacks the issue names: a forged cross-site POST, an id changed in a
/// URL, an auditor's write; and what every response carries.
final class ForgeryAndPermissionTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    private static let guides = JSON.body(["milestone": "guides_written", "batch": "1"])

    func testAForgedCrossSitePostIsRefusedAndWritesNothing() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let browser = try await client.signIn("c001", "coordinator-password-1")
            // Another site's page posting with the victim's cookie: the browser says so, and the token is missing.
            var forged = browser.cookieOnly
            forged[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            try await client.execute(uri: "/api/v1/milestones", method: .post, headers: forged, body: Self.guides) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertTrue(JSON.message(response.body).hasPrefix("cross-site request refused"))
            }
            var otherOrigin = browser.headers
            otherOrigin[.origin] = "https://evil.example"
            try await client.execute(uri: "/api/v1/milestones", method: .post, headers: otherOrigin, body: Self.guides) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertTrue(JSON.message(response.body).contains("another origin"))
            }
            // An old browser that sends neither header: the missing token stops it.
            try await client.execute(uri: "/api/v1/milestones", method: .post, headers: browser.cookieOnly, body: Self.guides) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertEqual(JSON.message(response.body), "missing or wrong X-CSRF-Token for this session; nothing was recorded")
            }
            var wrongToken = browser.headers
            wrongToken[HTTPField.Name("X-CSRF-Token")!] = String(repeating: "0", count: 64)
            try await client.execute(uri: "/api/v1/milestones", method: .post, headers: wrongToken, body: Self.guides) {
                XCTAssertEqual($0.status, .forbidden)
            }
        }
        XCTAssertEqual(try service.head(), before, "nothing was written")
    }

    func testOfficeStaffCannotReadOrWriteAnotherOfficeByChangingAnId() async throws {
        let service = harness.service
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            try await client.execute(uri: "/api/v1/offices/daping/history", method: .get, headers: staff.cookieOnly) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertEqual(JSON.message(response.body), "office staff of 解放碑街道 (jiefangbei) may not read the history of 大坪街道 (daping)")
            }
            try await client.execute(uri: "/api/v1/history?office=daping", method: .get, headers: staff.cookieOnly) {
                XCTAssertEqual($0.status, .forbidden)
            }
            try await client.execute(uri: "/api/v1/offices/jiefangbei/history", method: .get, headers: staff.cookieOnly) {
                XCTAssertEqual($0.status, .ok)
            }
            try await client.execute(uri: "/api/v1/status?batch=1", method: .get, headers: staff.cookieOnly) { response in
                let rows = try JSON.array(response.body).first?["rows"] as? [[String: Any]] ?? []
                XCTAssertEqual(rows.map { $0["office"] as? String }, ["jiefangbei"], "a board shows office staff their own row only")
            }
            // Writing for another office: refused by the rules and recorded, exactly as from the CLI.
            try await client.execute(
                uri: "/api/v1/milestones", method: .post, headers: staff.headers,
                body: JSON.body(["milestone": "network_built", "batch": "1", "offices": ["daping"]])
            ) { response in
                XCTAssertEqual(response.status, .forbidden)
                let outcome = (try JSON.object(response.body)["outcomes"] as? [[String: Any]])?.first
                XCTAssertEqual(outcome?["reason"] as? String, "wrong_office")
            }
        }
        let refusal = try XCTUnwrap(service.refusals().last)
        XCTAssertEqual(refusal.actorLogin, "13800000001")
        XCTAssertEqual(refusal.auth, "web_session")
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testAnAuditorCanWriteNothing() async throws {
        let service = harness.service
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/api/v1/milestones", method: .post, headers: auditor.headers, body: Self.guides) { response in
                XCTAssertEqual(response.status, .forbidden)
                let outcome = (try JSON.object(response.body)["outcomes"] as? [[String: Any]])?.first
                XCTAssertEqual(outcome?["reason"] as? String, "wrong_role")
            }
            for (uri, body) in [
                ("/api/v1/accounts", JSON.body(["login": "x1", "name": "x", "role": "auditor"])),
                ("/api/v1/accounts/13800000001/reset", JSON.body([:] as [String: String])),
            ] {
                try await client.execute(uri: uri, method: .post, headers: auditor.headers, body: body) { response in
                    XCTAssertEqual(response.status, .forbidden, uri)
                    XCTAssertTrue(JSON.message(response.body).hasPrefix("only a coordinator may"), JSON.message(response.body))
                }
            }
            try await client.execute(uri: "/api/v1/audit/verify", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try JSON.object(response.body)["passed"] as? Bool, true)
            }
        }
        XCTAssertEqual(try service.refusals().last?.detail.reason, "wrong_role", "the auditor's attempt is recorded as a refusal")
    }

    func testEveryResponseCarriesTheSecurityHeadersAndNoErrorLeaksInternals() async throws {
        try await harness.test { client in
            let browser = try await client.signIn("c001", "coordinator-password-1")
            for (uri, method, headers) in [
                ("/healthz", HTTPRequest.Method.get, HTTPFields()), ("/api/v1/nowhere", .get, HTTPFields()),
                ("/api/v1/status", .get, HTTPFields()), ("/api/v1/history?limit=x", .get, browser.cookieOnly),
            ] {
                try await client.execute(uri: uri, method: method, headers: headers) { response in
                    XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", uri)
                    XCTAssertEqual(response.headers[HTTPField.Name("X-Frame-Options")!], "DENY", uri)
                    XCTAssertEqual(response.headers[HTTPField.Name("Referrer-Policy")!], "same-origin", uri)
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    XCTAssertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp)
                    XCTAssertNotNil(response.headers[HTTPField.Name("X-Request-Id")!], uri)
                    let body = String(buffer: response.body)
                    for leak in ["SELECT", "sqlite", ".swift", "/tmp/", "Fatal"] { XCTAssertFalse(body.contains(leak), "\(uri): \(body)") }
                }
            }
            try await client.execute(
                uri: "/api/v1/milestones", method: .post, headers: browser.headers,
                body: ByteBuffer(repeating: 0x20, count: 2 << 20)
            ) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
            }
        }
    }
}
