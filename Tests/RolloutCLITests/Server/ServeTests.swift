import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import RolloutCore
import RolloutStore
import XCTest

/// The real `rollout serve` over a socket: the address it prints for --port 0,
/// request logs, graceful shutdown, and the CLI and the server writing to one
/// database at once.
final class ServeTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        // A real district's database: the server and these CLI calls read the system clock.
        cli = try CLI()
        cli.environment["ROLLOUT_NOW"] = nil
        try cli.expect(0, ["init", "--coordinator", "王敏", "--login", "c001"])
    }

    override func tearDown() { cli.remove() }

    private func startServer(database: String? = nil) throws -> ServedCLI.Server { try cli.startServer(database: database) }

    private func token(for login: String, client: HTTPClient) throws -> String { try cli.apiToken(for: login, client: client) }

    func testTheCLIAndTheServerWriteToOneDatabaseAtOnceAndNothingIsLost() throws {
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "c001"])
        let server = try startServer()
        let client = HTTPClient(base: server.address)
        XCTAssertEqual(try client.send("GET", "/healthz").status, 200)
        let bearer = ["Authorization": "Bearer " + (try token(for: "c001", client: client))]
        let offices = try Store.open(path: cli.databasePath).plan.offices.map(\.id)
        let (byServer, byCLI) = (Array(offices.prefix(6)), Array(offices.dropFirst(6)))
        // Five CLI processes and six HTTP requests at once, each recording training at its own office.
        let processes = try byCLI.map { try cli.start(["record", "staff_trained", "--batch", "1", "--office", $0, "--as", "c001"]) }
        let statuses = StatusBox()
        DispatchQueue.concurrentPerform(iterations: byServer.count) { index in
            let reply = try? client.send(
                "POST", "/api/v1/milestones", json: ["milestone": "staff_trained", "batch": "1", "offices": [byServer[index]]],
                headers: bearer)
            statuses.add(reply?.status ?? 0)
        }
        for started in processes { XCTAssertEqual(CLI.finish(started).status, 0) }
        XCTAssertEqual(statuses.all.sorted(), Array(repeating: 201, count: byServer.count))
        // Either side sees the other's writes.
        let history = try client.send("GET", "/api/v1/history?milestone=staff_trained", headers: bearer)
        let entries = (try JSONSerialization.jsonObject(with: history.body)) as? [[String: Any]] ?? []
        XCTAssertEqual(Set(entries.compactMap { $0["office"] as? String }), Set(offices), "each office's training appears exactly once")
        XCTAssertEqual(entries.count, offices.count)
        XCTAssertEqual(Set(entries.compactMap { $0["auth"] as? String }), ["api_token", "cli"])
        // SIGTERM: the server finishes and exits cleanly; the history verifies.
        server.process.terminate()
        server.process.waitUntilExit()
        XCTAssertEqual(server.process.terminationStatus, 0)
        let log = server.log.whole
        XCTAssertTrue(log.contains("request_id=") && log.contains("path=/api/v1/milestones") && log.contains("status=201"), log)
        XCTAssertTrue(log.contains("login=c001"), "the log says who acted")
        try cli.expect(0, ["audit", "verify"])
    }

    /// One write path: every front end's write reads the clock once it holds the
    /// write lock, so a CLI loop beside a server busy with API and form writes
    /// never meets "the clock reads earlier than entry #N" (it used to, about
    /// one run in twenty), and every write of each front end is in the history once.
    func testACLILoopOfAHundredWritesBesideAPIAndFormWritersNeverFails() throws {
        let server = try startServer()
        defer {
            server.process.terminate()
            server.process.waitUntilExit()
        }
        let client = HTTPClient(base: server.address)
        let browser = try cli.signIn("c001", client: client)
        let token = try client.send("POST", "/api/v1/tokens", json: ["name": "load"], headers: browser)
        let bearer = ["Authorization": "Bearer " + (token.json["token"] as? String ?? "")]
        let csrf = browser["X-CSRF-Token"] ?? ""
        let offices = try Store.open(path: cli.databasePath).plan.offices.map(\.id)
        func entriesByAuthentication() throws -> [String: [[String: Any]]] {
            let history = try client.send("GET", "/api/v1/history?limit=100000", headers: bearer)
            let entries = (try JSONSerialization.jsonObject(with: history.body)) as? [[String: Any]] ?? []
            return Dictionary(grouping: entries, by: { $0["auth"] as? String ?? "" })
        }
        func peopleAddedByTheCLI(_ byAuth: [String: [[String: Any]]]) -> Int {
            byAuth["cli", default: []].filter { $0["kind"] as? String == "person_added" }.count
        }
        let addedBefore = peopleAddedByTheCLI(try entriesByAuthentication())

        let done = Flag()
        let (apiStatuses, formStatuses) = (StatusBox(), StatusBox())
        let writers = DispatchGroup()
        DispatchQueue.global().async(group: writers) {
            // API writes: a milestone per office, then refused repeats (each refusal is a written entry too).
            for round in 0..<400 where !done.isSet {
                let reply = try? client.send(
                    "POST", "/api/v1/milestones", json: ["milestone": "guides_written", "batch": round % 2 == 0 ? "1" : "2"], headers: bearer)
                apiStatuses.add(reply?.status ?? 0)
            }
        }
        DispatchQueue.global().async(group: writers) {
            // Form writes: block and unblock one office in turn, as a coordinator's page does.
            for round in 0..<400 where !done.isSet {
                let reply = try? client.post(
                    "/blocks",
                    form: [
                        ("_csrf", csrf), ("change", round % 2 == 0 ? "block" : "unblock"), ("batch", "1"),
                        ("office", offices[(round / 2) % offices.count]),
                        ("reason", "负载 \(round)"), ("key", "form-\(round)"),
                    ], headers: ["Cookie": browser["Cookie"] ?? ""])
                formStatuses.add(reply?.status ?? 0)
            }
        }
        var failures: [String] = []
        for index in 0..<100 {
            let result = try cli.run(["people", "add", "审计员\(index)", "--login", "load\(index)", "--role", "auditor", "--as", "c001"])
            if result.status != 0 { failures.append("#\(index): exit \(result.status): \(result.stderr)") }
        }
        done.set()
        writers.wait()

        XCTAssertEqual(failures, [], "every CLI write beside the server succeeds")
        XCTAssertGreaterThan(apiStatuses.all.count, 0)
        XCTAssertGreaterThan(formStatuses.all.count, 0)
        XCTAssertEqual(Set(apiStatuses.all).subtracting([201, 403]), [], "API writes are recorded or refused (and the refusal recorded)")
        XCTAssertEqual(Set(formStatuses.all), [200], "form writes end on their page")
        let byAuth = try entriesByAuthentication()
        XCTAssertEqual(peopleAddedByTheCLI(byAuth), addedBefore + 100, "nothing the CLI wrote is lost")
        XCTAssertEqual(byAuth["api_token"]?.count, apiStatuses.all.count, "each API write is in the history once")
        XCTAssertEqual(byAuth["web_session"]?.count, formStatuses.all.count, "each form write is in the history once")
        try cli.expect(0, ["audit", "verify"])
    }

    /// Set once, read from any thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false

        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    func testTheServerRefusesAnInjectedClock() throws {
        let result = try cli.expect(2, ["serve", "--port", "0"], extraEnvironment: ["ROLLOUT_NOW": "2026-08-01"])
        XCTAssertEqual(result.stderr, "rollout: ROLLOUT_NOW is set, but the server always records the system clock's time; unset ROLLOUT_NOW\n")
    }

    /// Statuses collected from concurrent requests.
    private final class StatusBox: @unchecked Sendable {
        private let lock = NSLock()
        private var statuses: [Int] = []

        func add(_ status: Int) { lock.withLock { statuses.append(status) } }
        var all: [Int] { lock.withLock { statuses } }
    }

    func testAbandonedExportDownloadsLeaveTheServerServingAndTheExportWhole() throws {
        // A history whose export (about 4 MB) spans many of the stream's chunks.
        let big = cli.folder.appendingPathComponent("big.sqlite").path
        try cli.expect(0, ["generate", "--db", big, "--offices", "250"])
        cli.environment["ROLLOUT_DB"] = big
        let code = try cli.expect(0, ["accounts", "reset", "总协调员", "--as", "总协调员", "--json"]).stdout
        let oneTime = ((try JSONSerialization.jsonObject(with: Data(code.utf8))) as? [String: Any])?["oneTimeCode"] as? String ?? ""
        let server = try startServer(database: big)
        defer {
            server.process.terminate()
            server.process.waitUntilExit()
        }
        let client = HTTPClient(base: server.address)
        let signIn = try client.send("POST", "/api/v1/session", json: ["login": "总协调员", "password": oneTime])
        let browser = ["X-CSRF-Token": signIn.json["csrfToken"] as? String ?? ""]
        XCTAssertEqual(
            try client.send("PUT", "/api/v1/password", json: ["current": oneTime, "new": "export-password-1"], headers: browser).status, 204)
        let token = try client.send("POST", "/api/v1/tokens", json: ["name": "export"], headers: browser).json["token"] as? String ?? ""
        _ = try client.send("DELETE", "/api/v1/session", headers: browser)
        for _ in 0..<6 {
            let received = try readThenHangUp(address: server.address, path: "/api/v1/audit/export", token: token, bytes: 200_000)
            XCTAssertGreaterThanOrEqual(received, 200_000, "the export was flowing when the client hung up")
        }
        XCTAssertTrue(server.process.isRunning, "the server survives abandoned downloads")
        let export = try client.send("GET", "/api/v1/audit/export", headers: ["Authorization": "Bearer \(token)"])
        XCTAssertEqual(export.status, 200)
        let file = cli.folder.appendingPathComponent("export.jsonl")
        try export.body.write(to: file)
        let verified = try cli.expect(0, ["audit", "verify", "--file", file.path])
        XCTAssertTrue(verified.stdout.contains("Verified"), verified.stdout)
    }

    /// Asks for `path` over a plain socket, reads at least `bytes` of the answer, then closes the connection.
    private func readThenHangUp(address: String, path: String, token: String, bytes: Int) throws -> Int {
        let port = try XCTUnwrap(address.split(separator: ":").last.flatMap { UInt16($0) })
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var peer = sockaddr_in()
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = port.bigEndian
        peer.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\r\n".utf8)
        XCTAssertEqual(request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }, request.count)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var received = 0
        while received < bytes {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += count
        }
        return received
    }
}
