import RolloutCore
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import XCTest

/// Signing in and out, one-time codes, session cookies and their expiry.
final class SessionTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    func testSignInSetsAnHttpOnlySameSiteCookieAndAnsWhoIsSignedIn() async throws {
        try await harness.test { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: JSON.body(["login": "13800000001", "password": "jiefangbei-password-1"])
            ) { response in
                XCTAssertEqual(response.status, .ok)
                let cookie = response.headers[.setCookie] ?? ""
                XCTAssertTrue(cookie.hasPrefix("rollout_session="), cookie)
                XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie)
                XCTAssertFalse(cookie.contains("Secure"), "plain http on this machine: no Secure flag")
                let me = try JSON.object(response.body)
                XCTAssertEqual(me["name"] as? String, "李娜")
                XCTAssertEqual(me["office"] as? String, "jiefangbei")
                XCTAssertEqual(me["authentication"] as? String, "web_session")
            }
        }
    }

    func testCookiesAreSecureBehindAnHTTPSProxy() async throws {
        harness.remove()
        harness = try ServerHarness(publicURL: "https://rollout.example.gov.cn")
        try await harness.test { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: JSON.body(["login": "c001", "password": "coordinator-password-1"])
            ) { response in
                XCTAssertTrue((response.headers[.setCookie] ?? "").contains("Secure"), response.headers[.setCookie] ?? "")
            }
        }
    }

    func testTheDatabaseKeepsOnlyHashesOfSessionsTokensAndPasswords() async throws {
        let path = harness.service.location
        try await harness.test { client in
            let browser = try await client.signIn("c001", "coordinator-password-1")
            let token = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: browser.headers,
                body: JSON.body(["name": "script"])
            ) { try JSON.object($0.body)["token"] as? String ?? "" }
            let session = String(browser.cookie.dropFirst("rollout_session=".count))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
            for secret in [session, token, "coordinator-password-1"] {
                XCTAssertNil(bytes.range(of: Data(secret.utf8)), "the database file holds a secret in the clear")
            }
        }
    }

    func testAOneTimeCodeOpensOnlyThePasswordChange() async throws {
        let admin = Identity(login: "c001", authentication: .cli)
        let code = try harness.service.resetPassword(login: "13800000002", by: admin, at: harness.clock.now(), policy: ServerHarness.policy)
        try await harness.test { client in
            let browser = try await client.signIn("13800000002", code.code)
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.cookieOnly) { response in
                XCTAssertEqual(try JSON.object(response.body)["mustChangePassword"] as? Bool, true)
            }
            try await client.execute(uri: "/api/v1/status", method: .get, headers: browser.cookieOnly) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertTrue(JSON.message(response.body).contains("choose your own password first"))
            }
            try await client.execute(
                uri: "/api/v1/password", method: .put, headers: browser.headers,
                body: JSON.body(["current": code.code, "new": "short"])
            ) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(JSON.message(response.body), "the new password has 5 characters; expected at least 10")
            }
            try await client.execute(
                uri: "/api/v1/password", method: .put, headers: browser.headers,
                body: JSON.body(["current": code.code, "new": "a-new-password-2"])
            ) { XCTAssertEqual($0.status, .noContent) }
            try await client.execute(uri: "/api/v1/status", method: .get, headers: browser.cookieOnly) { XCTAssertEqual($0.status, .ok) }
            // The one-time code is spent.
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: JSON.body(["login": "13800000002", "password": code.code])
            ) { XCTAssertEqual($0.status, .unauthorized) }
        }
    }

    func testASessionIdUsedAfterSignOutIsRefused() async throws {
        try await harness.test { client in
            let browser = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.cookieOnly) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: browser.headers) { response in
                XCTAssertEqual(response.status, .noContent)
                XCTAssertTrue((response.headers[.setCookie] ?? "").contains("Max-Age=0"))
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: browser.cookieOnly) { response in
                XCTAssertEqual(response.status, .unauthorized, "the old session id is dead")
            }
        }
    }

    func testSessionsEndAfterIdleTimeAndAfterTheirLifetime() async throws {
        let clock = harness.clock
        try await harness.test { client in
            let idle = try await client.signIn("a001", "auditor-password-1")
            clock.advance(seconds: 2 * 3600 + 1)
            try await client.execute(uri: "/api/v1/me", method: .get, headers: idle.cookieOnly) { XCTAssertEqual($0.status, .unauthorized) }
            let busy = try await client.signIn("a001", "auditor-password-1")
            for _ in 0..<13 {
                clock.advance(seconds: 3600)
                try await client.execute(uri: "/api/v1/me", method: .get, headers: busy.cookieOnly) { _ in }
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: busy.cookieOnly) { response in
                XCTAssertEqual(response.status, .unauthorized, "twelve hours after sign-in the session ends, however busy")
            }
        }
    }

    func testDisablingAnAccountEndsItsSessionsAndTokensAtOnce() async throws {
        try await harness.test { client in
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            let token = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: staff.headers,
                body: JSON.body(["name": "phone"])
            ) { try JSON.object($0.body)["token"] as? String ?? "" }
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(uri: "/api/v1/accounts/13800000001/disable", method: .post, headers: coordinator.headers) {
                XCTAssertEqual($0.status, .noContent)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: staff.cookieOnly) { XCTAssertEqual($0.status, .unauthorized) }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                XCTAssertEqual($0.status, .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: JSON.body(["login": "13800000001", "password": "jiefangbei-password-1"])
            ) {
                XCTAssertEqual($0.status, .unauthorized)
                XCTAssertEqual(JSON.message($0.body), "wrong login or password")
            }
        }
    }
}
