import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RolloutApp
import RolloutCore
import RolloutServer
import RolloutStore
import Synchronization
import XCTest

/// A clock the tests move by hand.
final class TestClock: WallClock {
    private let value: Mutex<Timestamp>

    init(_ text: String) { value = Mutex(Timestamp(iso8601: text) ?? Timestamp(seconds: 0)) }

    func now() -> Timestamp { value.withLock { $0 } }

    func set(_ text: String) { value.withLock { $0 = Timestamp(iso8601: text) ?? Timestamp(seconds: 0) } }

    func advance(seconds: Int64) { value.withLock { $0 = Timestamp(seconds: $0.seconds + seconds) } }
}

/// A real database in a temporary folder with the Yuzhong plan and one
/// account per role, and the server's router over it with an injected clock.
/// Passwords are hashed at bcrypt's lowest cost to keep the tests quick.
struct ServerHarness {
    let folder: URL
    let service: RolloutService
    let clock: TestClock
    let settings: ServerSettings

    /// Logins and passwords of the accounts every test starts with.
    static let coordinator = ("c001", "王敏", "coordinator-password-1")
    static let jiefangbei = ("13800000001", "李娜", "jiefangbei-password-1")
    static let daping = ("13800000002", "王伟", "daping-password-1")
    static let auditor = ("a001", "刘芳", "auditor-password-1")

    static var policy: AccountPolicy {
        var policy = AccountPolicy()
        policy.bcryptCost = 4
        return policy
    }

    init(publicURL: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollout-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = TestClock("2026-08-10T09:00:00+08:00")
        service = try RolloutService.create(
            location: folder.appendingPathComponent("server.sqlite").path, plan: try RolloutService.plan(fixtures: nil, year: nil),
            coordinator: Self.coordinator.1, login: Self.coordinator.0, now: clock.now(), replace: false)
        let clock = clock
        settings = ServerSettings(publicURL: publicURL, policy: Self.policy, clock: clock)
        let admin = Identity(login: Self.coordinator.0, authentication: .cli)
        let first = try service.resetPassword(login: Self.coordinator.0, by: admin, at: clock.now(), policy: Self.policy)
        try service.changePassword(
            login: Self.coordinator.0, current: first.code, new: Self.coordinator.2, keepingSession: nil, at: clock.now(), policy: Self.policy)
        for (login, name, password, role, office) in [
            (Self.jiefangbei.0, Self.jiefangbei.1, Self.jiefangbei.2, "office", "jiefangbei" as String?),
            (Self.daping.0, Self.daping.1, Self.daping.2, "office", "daping"), (Self.auditor.0, Self.auditor.1, Self.auditor.2, "auditor", nil),
        ] {
            let (_, code) = try service.createAccount(
                login: login, name: name, role: role, office: office, by: admin, at: clock.now(), policy: Self.policy)
            try service.changePassword(
                login: login, current: code?.code ?? "", new: password, keepingSession: nil, at: clock.now(), policy: Self.policy)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    var router: Router<ServerContext> { get throws { try RolloutServer.buildRouter(service: service, settings: settings) } }

    /// Runs `body` against the router in process.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: try router)
        try await app.test(.router, body)
    }
}

/// A signed-in browser: its cookie and CSRF token.
struct Browser: Sendable {
    let cookie: String
    let csrf: String

    /// Headers of a same-origin request from this browser, with the CSRF token.
    var headers: HTTPFields {
        [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf, .contentType: "application/json", .origin: "http://localhost"]
    }

    /// Headers without the CSRF token (reads, or a forgery).
    var cookieOnly: HTTPFields { [.cookie: cookie, .contentType: "application/json"] }
}

extension TestClientProtocol {
    /// Signs in and returns the browser's cookie and token.
    func signIn(_ login: String, _ password: String, file: StaticString = #filePath, line: UInt = #line) async throws -> Browser {
        try await execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: JSON.body(["login": login, "password": password])
        ) { response in
            XCTAssertEqual(response.status, .ok, String(buffer: response.body), file: file, line: line)
            let cookie = response.headers[.setCookie]?.split(separator: ";").first.map(String.init) ?? ""
            let csrf = (try? JSON.object(response.body)["csrfToken"] as? String) ?? ""
            return Browser(cookie: cookie, csrf: csrf)
        }
    }
}

/// JSON bodies in and out.
enum JSON {
    static func body(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] ?? [:]
    }

    static func array(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [[String: Any]] ?? []
    }

    /// The error message of an error body.
    static func message(_ buffer: ByteBuffer) -> String {
        ((try? object(buffer))?["error"] as? [String: Any])?["message"] as? String ?? String(buffer: buffer)
    }
}
