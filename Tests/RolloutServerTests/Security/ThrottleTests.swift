import Foundation
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

    func testThirtyParallelWrongPasswordsGetFiveChecksNotMore() async throws {
        let statuses = Statuses()
        try await harness.test { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<30 {
                    group.addTask { statuses.add(try await Self.attempt(client, "c001", "guess-\(round)", from: "10.8.8.\(round)")) }
                }
                try await group.waitForAll()
            }
        }
        XCTAssertEqual(statuses.all.filter { $0 == .unauthorized }.count, 5, "the count and the check are one step: five checked, no sixth")
        XCTAssertEqual(statuses.all.filter { $0 == .tooManyRequests }.count, 25)
    }

    func testAnUnknownLoginCostsTheSameBcryptCheckAsAKnownOne() throws {
        var policy = ServerHarness.policy
        policy.bcryptCost = 10
        let service = harness.service
        let code = try service.resetPassword(login: "a001", by: .init(login: "c001", authentication: .cli), at: harness.clock.now(), policy: policy)
        func seconds(_ login: String, _ round: Int) -> Double {
            let started = ContinuousClock.now
            XCTAssertThrowsError(
                try service.signIn(login: login, password: "wrong-\(round)", address: "10.7.\(round).1", at: harness.clock.now(), policy: policy))
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        XCTAssertFalse(code.code.isEmpty)
        _ = seconds("nobody-warm", 0)  // the unmatchable hash of this cost is made once
        let known = (1...3).map { seconds("a001", $0) }.min() ?? 0
        let unknown = (1...3).map { seconds("nobody-\($0)", $0 + 3) }.min() ?? 0
        XCTAssertGreaterThan(unknown, known * 0.5, "an unknown login takes as long as a wrong password (\(unknown) s against \(known) s)")
    }

    func testAnOversizedSignInIsRefusedBeforeAnythingIsStored() async throws {
        let service = harness.service
        let before = try service.signInAttempts(by: .init(login: "c001", authentication: .cli), limit: 1000).count
        try await harness.test { client in
            let huge = String(repeating: "a", count: 200_000)
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: JSON.body(["login": huge, "password": "x"])
            ) { response in
                XCTAssertEqual(response.status, .contentTooLarge, "a request before sign-in may carry 64 KiB at most")
            }
            try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Form.urlEncoded([("login", huge), ("password", "x")])
            ) { response in XCTAssertEqual(response.status, .contentTooLarge) }
            let long = String(repeating: "b", count: 65)
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: JSON.body(["login": long, "password": "x"])
            ) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertFalse(String(buffer: response.body).contains(long), "the message does not repeat the login")
            }
        }
        XCTAssertEqual(try service.signInAttempts(by: .init(login: "c001", authentication: .cli), limit: 1000).count, before, "nothing stored")
    }

    func testAnAddressIsStoredCutToALengthNoAddressExceeds() async throws {
        try await harness.test { client in
            let status = try await Self.attempt(client, "c001", "wrong", from: String(repeating: "9", count: 8000))
            XCTAssertEqual(status, .unauthorized)
        }
        let attempts = try harness.service.signInAttempts(by: .init(login: "c001", authentication: .cli), limit: 1)
        XCTAssertEqual(attempts.first?.address.count, 64, "what a stranger sends before signing in is stored bounded")
    }

    /// Statuses collected from parallel requests.
    private final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [HTTPResponse.Status] = []
        var all: [HTTPResponse.Status] { lock.withLock { list } }
        func add(_ status: HTTPResponse.Status) { lock.withLock { list.append(status) } }
    }
}
