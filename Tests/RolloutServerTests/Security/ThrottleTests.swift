import HTTPTypes
import HummingbirdTesting
import NIOCore
import XCTest

/// Fifty wrong passwords: the account is throttled for a while, never locked for good.
final class ThrottleTests: XCTestCase {
    private var harness: ServerHarness!

    override func setUpWithError() throws { harness = try ServerHarness(publicURL: "http://localhost") }
    override func tearDown() { harness.remove() }

    private static func attempt(_ client: any TestClientProtocol, _ login: String, _ password: String, from address: String) async throws
        -> HTTPResponse.Status
    {
        try await client.execute(
            uri: "/api/v1/session", method: .post,
            headers: [.contentType: "application/json", HTTPField.Name("X-Forwarded-For")!: address],
            body: JSON.body(["login": login, "password": password])
        ) { $0.status }
    }

    func testFiftyWrongPasswordsThrottleTheAccountButNotForGood() async throws {
        let clock = harness.clock
        let service = harness.service
        try await harness.test { client in
            var statuses: [HTTPResponse.Status] = []
            for round in 0..<50 { statuses.append(try await Self.attempt(client, "c001", "guess-\(round)", from: "10.9.9.\(round % 50)")) }
            XCTAssertEqual(statuses.prefix(5), [.unauthorized, .unauthorized, .unauthorized, .unauthorized, .unauthorized])
            XCTAssertEqual(Set(statuses.dropFirst(5)), [.tooManyRequests], "after five failures within 15 minutes every try is refused unchecked")
            // Even the right password waits out the window...
            let throttled = try await Self.attempt(client, "c001", "coordinator-password-1", from: "10.1.1.1")
            XCTAssertEqual(throttled, .tooManyRequests)
            // ...and then the real person signs in: the stranger could delay them, not lock them out.
            clock.advance(seconds: 15 * 60 + 1)
            let signedIn = try await Self.attempt(client, "c001", "coordinator-password-1", from: "10.1.1.1")
            XCTAssertEqual(signedIn, .ok)
        }
        // Every checked attempt is recorded; the throttled ones were refused before checking.
        let attempts = try service.signInAttempts(by: .init(login: "c001", authentication: .cli), limit: 100).filter { $0.login == "c001" }
        XCTAssertEqual(attempts.filter { !$0.succeeded }.count, 5)
        XCTAssertEqual(attempts.first?.succeeded, true)
    }

    func testOneAddressTryingManyAccountsIsThrottled() async throws {
        try await harness.test { client in
            var statuses: [HTTPResponse.Status] = []
            for round in 0..<21 { statuses.append(try await Self.attempt(client, "nobody-\(round)", "guess", from: "10.0.0.66")) }
            XCTAssertEqual(statuses.last, .tooManyRequests)
            XCTAssertEqual(statuses.filter { $0 == .unauthorized }.count, 20)
            let elsewhere = try await Self.attempt(client, "a001", "auditor-password-1", from: "10.0.0.7")
            XCTAssertEqual(elsewhere, .ok, "other addresses are not affected")
        }
    }
}
