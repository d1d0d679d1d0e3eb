import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RolloutStore
import XCTest

/// What schemathesis found (scripts/schemathesis.sh): a known path with a
/// method it does not take, and a query flag that is neither true nor false.
final class MethodAndQueryTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness() }
    override func tearDown() { harness.remove() }

    func testAKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            for (method, uri, allow) in [
                (HTTPRequest.Method.trace, "/api/v1/accounts", "GET, POST"), (.delete, "/api/v1/me", "GET"),
                (.put, "/api/v1/problems/7/resolution", "POST"), (.patch, "/healthz", "GET"),
            ] {
                try await client.execute(uri: uri, method: method, headers: coordinator.headers) { response in
                    XCTAssertEqual(response.status, .methodNotAllowed, "\(method) \(uri)")
                    XCTAssertEqual(response.headers[.allow], allow, "\(method) \(uri)")
                    XCTAssertEqual(JSON.message(response.body), "\(method.rawValue) is not allowed on \(uri); expected \(allow)")
                }
            }
            try await client.execute(uri: "/api/v1/nowhere", method: .get, headers: coordinator.cookieOnly) { response in
                XCTAssertEqual(response.status, .notFound, "an unknown path stays 404")
            }
        }
    }

    func testFlagsAndNumbersInTheQueryAreGivenOnceAndNotEmpty() async throws {
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(uri: "/api/v1/problems?all=AAA", method: .get, headers: coordinator.cookieOnly) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(JSON.message(response.body), "invalid all \"AAA\"; expected true or false")
            }
            for (uri, message) in [
                ("/api/v1/problems?all=", "invalid all \"\"; expected true or false"),
                ("/api/v1/history?limit=&limit=5", "limit is given 2 times; expected it once"),
                ("/api/v1/history?limit=", "invalid limit \"\"; expected a whole number"),
            ] {
                try await client.execute(uri: uri, method: .get, headers: coordinator.cookieOnly) { response in
                    XCTAssertEqual(response.status, .badRequest, uri)
                    XCTAssertEqual(JSON.message(response.body), message, uri)
                }
            }
            for value in ["true", "false"] {
                try await client.execute(uri: "/api/v1/problems?all=\(value)", method: .get, headers: coordinator.cookieOnly) { response in
                    XCTAssertEqual(response.status, .ok, value)
                }
            }
        }
    }

    func testWriteHeadersAreRefusedByTheirOwnNames() async throws {
        let service = harness.service
        let before = try service.head()
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            for (name, value, message) in [
                ("If-Match", "banana", "invalid If-Match \"banana\"; expected an entry count or a head hash (at least 6 hex digits)"),
                ("Idempotency-Key", String(repeating: "k", count: 201), "invalid Idempotency-Key of 201 characters; expected 1 to 200 characters"),
            ] {
                var headers = coordinator.headers
                headers[HTTPField.Name(name)!] = value
                try await client.execute(
                    uri: "/api/v1/milestones", method: .post, headers: headers,
                    body: JSON.body(["milestone": "guides_written", "batch": "1"])
                ) { response in
                    XCTAssertEqual(response.status, .badRequest, name)
                    XCTAssertEqual(JSON.message(response.body), message)
                }
            }
        }
        XCTAssertEqual(try service.head(), before, "nothing written")
    }

    func testHealthSaysWhetherThisServerCanWriteAndItsSchema() async throws {
        let path = harness.service.location
        try await harness.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                let health = try JSON.object(response.body)
                XCTAssertEqual(health["writable"] as? Bool, true)
                XCTAssertEqual(health["role"] as? String, "primary")
                XCTAssertEqual(health["schema"] as? Int, SQLiteMigrations.latest)
            }
            // A file the server may no longer write: a load balancer should send writes elsewhere.
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let health = try JSON.object(response.body)
                XCTAssertEqual(health["writable"] as? Bool, false)
                XCTAssertEqual(health["role"] as? String, "read-only")
            }
        }
    }

    func testAnUnknownTokenIsRefusedEvenWhereNoSignInIsNeeded() async throws {
        try await harness.test { client in
            for uri in ["/healthz", "/api/v1/openapi.yaml"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer rlt_unknown"]) { response in
                    XCTAssertEqual(response.status, .unauthorized, "as docs/openapi.yaml says for \(uri)")
                    XCTAssertEqual(JSON.message(response.body), "the API token is unknown, expired or revoked")
                }
            }
        }
    }
}
