import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutStore
import XCTest

/// Every recording route and the reads: the server says who acted, the same
/// checks and messages as the CLI, If-Match and Idempotency-Key.
final class WriteAndReadTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    func testEntriesMadeThroughTheServerRecordTheAccountAndHowItWasAuthenticated() async throws {
        let service = harness.service
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(
                uri: "/api/v1/milestones", method: .post, headers: coordinator.headers,
                body: JSON.body(["milestone": "guides_written", "batch": "1", "note": "<script>alert(1)</script>"])
            ) { response in
                XCTAssertEqual(response.status, .created, String(buffer: response.body))
            }
            let token = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: coordinator.headers,
                body: JSON.body(["name": "nightly", "days": 30])
            ) { try JSON.object($0.body)["token"] as? String ?? "" }
            XCTAssertTrue(token.hasPrefix("rlt_"))
            try await client.execute(
                uri: "/api/v1/milestones", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: JSON.body(["milestone": "staff_trained", "batch": "1", "offices": ["all"]])
            ) { response in
                XCTAssertEqual(response.status, .created, String(buffer: response.body))
                XCTAssertEqual((try JSON.object(response.body)["outcomes"] as? [Any])?.count, 11)
            }
        }
        let entries = try service.history(HistoryFilter(kind: .milestone))
        XCTAssertEqual(entries.first?.actor, "王敏")
        XCTAssertEqual(entries.first?.actorLogin, "c001")
        XCTAssertEqual(entries.first?.auth, "web_session")
        XCTAssertEqual(entries.first?.note, "<script>alert(1)</script>", "stored as typed")
        XCTAssertEqual(Set(entries.dropFirst().map { $0.auth ?? "" }), ["api_token"])
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testBadInputGetsTheCLIsMessageAnd400AndWritesNothing() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            let cases: [([String: Any], String)] = [
                (
                    ["milestone": "guides_written", "batch": "1", "date": "2026-02-30"],
                    "invalid date \"2026-02-30\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30"
                ),
                (
                    ["milestone": "guides_written", "batch": "1", "date": "2026-08-11"],
                    "effective date 2026-08-11 is in the future (today is 2026-08-10); expected today or earlier"
                ),
                (["milestone": "network_built", "batch": "1", "offices": ["jiefangbie"]], "unknown office \"jiefangbie\""),
                (["milestone": "nonsense", "batch": "1"], "unknown milestone \"nonsense\""),
                (["batch": "1"], "missing field \"milestone\"; expected it in the JSON body"),
                (["milestone": 7, "batch": "1"], "field \"milestone\" has the wrong type; expected a string"),
            ]
            for (body, message) in cases {
                try await client.execute(uri: "/api/v1/milestones", method: .post, headers: coordinator.headers, body: JSON.body(body)) { response in
                    XCTAssertEqual(response.status, .badRequest, "\(body)")
                    XCTAssertTrue(JSON.message(response.body).hasPrefix(message), "\(JSON.message(response.body)) should start with \(message)")
                }
            }
        }
        XCTAssertEqual(try service.head(), before)
    }

    func testIfMatchAndIdempotencyKeyBehaveAsExpectAndKey() async throws {
        let service = harness.service
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            var stale = coordinator.headers
            stale[.ifMatch] = "\"2\""
            try await client.execute(
                uri: "/api/v1/milestones", method: .post, headers: stale,
                body: JSON.body(["milestone": "guides_written", "batch": "1"])
            ) { response in
                XCTAssertEqual(response.status, .preconditionFailed)
                XCTAssertTrue(JSON.message(response.body).hasPrefix("the history moved since you looked"))
            }
            var keyed = coordinator.headers
            keyed[HTTPField.Name("Idempotency-Key")!] = "guides-1"
            for expected in [HTTPResponse.Status.created, .ok] {
                try await client.execute(
                    uri: "/api/v1/milestones", method: .post, headers: keyed,
                    body: JSON.body(["milestone": "guides_written", "batch": "1"])
                ) { response in
                    XCTAssertEqual(response.status, expected)
                }
            }
            let head = try service.head()
            var current = coordinator.headers
            current[.ifMatch] = head.hash
            try await client.execute(
                uri: "/api/v1/milestones", method: .post, headers: current,
                body: JSON.body(["milestone": "guides_written", "batch": "2"])
            ) { XCTAssertEqual($0.status, .created) }
        }
        XCTAssertEqual(try service.history(HistoryFilter(kind: .milestone)).count, 2, "the resubmission recorded nothing")
    }

    func testProblemsBlocksCorrectionsAndThePeopleRoutes() async throws {
        let service = harness.service
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(
                uri: "/api/v1/blocks", method: .post, headers: coordinator.headers,
                body: JSON.body(["batch": "1", "offices": ["daping"], "reason": "搬迁", "dryRun": true])
            ) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try JSON.object(response.body)["dryRun"] as? Bool, true)
            }
            let blocked = try await client.execute(
                uri: "/api/v1/blocks", method: .post, headers: coordinator.headers,
                body: JSON.body(["batch": "1", "offices": ["daping"], "reason": "搬迁"])
            ) { response in
                XCTAssertEqual(response.status, .created)
                return ((try JSON.object(response.body)["outcomes"] as? [[String: Any]])?.first?["entries"] as? [Int])?.first ?? 0
            }
            try await client.execute(
                uri: "/api/v1/corrections", method: .post, headers: coordinator.headers,
                body: JSON.body(["entries": [blocked], "reason": "误操作"])
            ) { XCTAssertEqual($0.status, .created) }
            try await client.execute(
                uri: "/api/v1/unblocks", method: .post, headers: coordinator.headers,
                body: JSON.body(["batch": "1", "offices": ["daping"], "reason": "恢复"])
            ) { XCTAssertEqual($0.status, .forbidden) }
            try await client.execute(
                uri: "/api/v1/problems", method: .post, headers: coordinator.headers,
                body: JSON.body(["batch": "1", "office": "daping", "note": "未上线"])
            ) { response in
                XCTAssertEqual(response.status, .forbidden, "not live yet: refused and recorded")
            }
            try await client.execute(
                uri: "/api/v1/problems/999/resolution", method: .post, headers: coordinator.headers,
                body: JSON.body(["note": "x"])
            ) { response in
                XCTAssertEqual(response.status, .notFound)
                XCTAssertTrue(JSON.message(response.body).hasPrefix("there is no problem #999"))
            }
            try await client.execute(
                uri: "/api/v1/people", method: .post, headers: coordinator.headers,
                body: JSON.body(["name": "王伟", "login": "13800000009", "role": "auditor"])
            ) { XCTAssertEqual($0.status, .created) }
            try await client.execute(
                uri: "/api/v1/people/13800000009/removal", method: .post, headers: coordinator.headers,
                body: JSON.body(["reason": "调岗"])
            ) { XCTAssertEqual($0.status, .created) }
            try await client.execute(uri: "/api/v1/people", method: .get, headers: coordinator.cookieOnly) { response in
                XCTAssertEqual(try JSON.array(response.body).filter { $0["name"] as? String == "王伟" }.map { $0["login"] as? String }, ["13800000002"])
            }
            for uri in [
                "/api/v1/plan", "/api/v1/offices", "/api/v1/catalog?acceptedAt=bank", "/api/v1/overdue?asOf=2026-09-01",
                "/api/v1/changes?from=2026-08-01&to=2026-08-31", "/api/v1/refusals", "/api/v1/problems?all=true", "/api/v1/check",
                "/api/v1/accounts", "/api/v1/sign-in-attempts", "/api/v1/tokens", "/api/v1/history?kind=blocked",
            ] {
                try await client.execute(uri: uri, method: .get, headers: coordinator.cookieOnly) { response in
                    XCTAssertEqual(response.status, .ok, "\(uri): \(String(buffer: response.body))")
                }
            }
            try await client.execute(uri: "/api/v1/audit/export", method: .get, headers: coordinator.cookieOnly) { response in
                XCTAssertEqual(response.headers[.contentType], "application/x-ndjson; charset=utf-8")
                let lines = String(buffer: response.body).split(separator: "\n")
                XCTAssertTrue(lines.last?.contains("\"type\":\"head\"") ?? false)
            }
        }
        XCTAssertTrue(try service.verify(expectHead: nil).passed)
    }

    func testEveryRouteButHealthSignInAndTheDocumentNeedsSignIn() async throws {
        let routes = RolloutServerRoutes.all(harness)
        try await harness.test { client in
            for (method, path) in routes
            where !["/healthz", "/api/v1/openapi.yaml"].contains(path) && !(method == .post && path == "/api/v1/session") {
                let uri = path.replacingOccurrences(of: ":office", with: "daping").replacingOccurrences(of: ":problem", with: "1")
                    .replacingOccurrences(of: ":login", with: "a001").replacingOccurrences(of: ":id", with: "1")
                try await client.execute(
                    uri: uri, method: method, headers: [.contentType: "application/json"], body: JSON.body([:] as [String: String])
                ) {
                    XCTAssertEqual($0.status, .unauthorized, "\(method) \(path)")
                }
            }
        }
    }
}

/// The file-shaped use cases as JSON: export tables, the report, one item, the graph's counts.
final class ReportRouteTests: XCTestCase {
    func testExportsTheReportAnItemAndTheGraph() async throws {
        let harness = try ServerHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let auditor = try await client.signIn("a001", "auditor-password-1")
            try await client.execute(uri: "/api/v1/exports/status?asOf=2026-08-10", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try JSON.array(response.body).first?["state"] as? String, "not_applicable")
            }
            try await client.execute(uri: "/api/v1/exports/secrets", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(JSON.message(response.body), "unknown export table \"secrets\"; expected status, history, problems or catalog")
            }
            try await client.execute(uri: "/api/v1/report", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual((try JSON.object(response.body)["verification"] as? [String: Any])?["passed"] as? Bool, true)
            }
            try await client.execute(uri: "/api/v1/catalog/30", method: .get, headers: auditor.cookieOnly) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/api/v1/graph?batch=1", method: .get, headers: auditor.cookieOnly) { response in
                XCTAssertEqual((try JSON.object(response.body)["reached"] as? [String: Int])?["live"], 0)
            }
            let staff = try await client.signIn("13800000001", "jiefangbei-password-1")
            try await client.execute(uri: "/api/v1/exports/history", method: .get, headers: staff.cookieOnly) {
                XCTAssertEqual($0.status, .forbidden)
            }
        }
    }
}
