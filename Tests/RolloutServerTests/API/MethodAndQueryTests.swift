import HTTPTypes
import HummingbirdTesting
import NIOCore
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

    func testTheAllFlagOfProblemsIsTrueOrFalse() async throws {
        try await harness.test { client in
            let coordinator = try await client.signIn("c001", "coordinator-password-1")
            try await client.execute(uri: "/api/v1/problems?all=AAA", method: .get, headers: coordinator.cookieOnly) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(JSON.message(response.body), "invalid all \"AAA\"; expected true or false")
            }
            for value in ["true", "false"] {
                try await client.execute(uri: "/api/v1/problems?all=\(value)", method: .get, headers: coordinator.cookieOnly) { response in
                    XCTAssertEqual(response.status, .ok, value)
                }
            }
        }
    }
}
