import Foundation
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `rollout serve` over PostgreSQL while PostgreSQL restarts under load, once
/// as `systemctl restart` does (`pg_ctl -m fast`) and once as a crash does
/// (`-m immediate`): no request waits for ever, the server answers within
/// seconds once PostgreSQL is back, nothing accepted is lost, and SIGTERM
/// stops it. The restart comes from `scripts/with-postgres.sh`
/// (`ROLLOUT_TEST_POSTGRES_RESTART`).
final class PostgresRestartTests: XCTestCase {
    /// What the load's requests got, and how many have been answered well since a mark.
    private final class Tally: @unchecked Sendable {
        struct Answer {
            let what: String
            let status: Int?
            let error: String?
            let seconds: Double
        }

        private let condition = NSCondition()
        private var answers: [Answer] = []
        private var accepted: [String] = []
        private var good = 0
        private(set) var stopped = false

        func add(_ answer: Answer, registered name: String?) {
            condition.withLock {
                answers.append(answer)
                if let status = answer.status, (200..<300).contains(status) { good += 1 }
                if let name, answer.status == 201 { accepted.append(name) }
                condition.broadcast()
            }
        }

        var all: [Answer] { condition.withLock { answers } }
        var registered: [String] { condition.withLock { accepted } }
        var goodCount: Int { condition.withLock { good } }

        /// Waits until `count` more requests were answered 2xx than `since`; false if not within `seconds`.
        func waitForGood(_ count: Int, since: Int, within seconds: Double) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            return condition.withLock {
                while good < since + count {
                    if !condition.wait(until: end) { return good >= since + count }
                }
                return true
            }
        }

        func stop() { condition.withLock { stopped = true } }
        var isStopped: Bool { condition.withLock { stopped } }
    }

    /// Runs a command to its end and gives its exit status. Spawned and waited
    /// for directly: Foundation's `Process` missed the exit of this one now
    /// and then while eight clients kept its process busy, and waited for ever.
    private static func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    func testRestartingPostgreSQLTwiceUnderLoadWedgesNothing() throws {
        guard try TestEngine.available().contains(.postgres) else { throw XCTSkip("no PostgreSQL server (ROLLOUT_TEST_POSTGRES)") }
        guard let restart = ProcessInfo.processInfo.environment["ROLLOUT_TEST_POSTGRES_RESTART"], !restart.isEmpty else {
            if ProcessInfo.processInfo.environment["ROLLOUT_TEST_REQUIRE_POSTGRES"] == "1" {
                XCTFail("ROLLOUT_TEST_POSTGRES_RESTART is not set; run the tests under scripts/with-postgres.sh")
            }
            throw XCTSkip("no way to restart PostgreSQL (ROLLOUT_TEST_POSTGRES_RESTART)")
        }
        var cli = try CLI(engine: .postgres)
        defer { cli.remove() }
        cli.environment["ROLLOUT_NOW"] = nil
        try cli.expect(0, ["init", "--coordinator", "王敏", "--login", "c001"])
        let server = try cli.startServer()
        defer { if server.process.isRunning { server.process.terminate() } }
        var client = HTTPClient(base: server.address)
        let bearer = ["Authorization": "Bearer " + (try cli.apiToken(for: "c001", client: client))]
        // Longer than the server's own deadline for one statement (30 s): a request that waits longer waits for ever.
        client.timeout = 45
        let offices = try Store.open(path: cli.databasePath).plan.offices.map(\.id)

        // Eight clients, each on a thread of its own (Dispatch's shared pool has
        // one thread per core and the clients block): registrations (writes),
        // the register and /healthz (reads), round and round.
        let tally = Tally()
        let load = DispatchGroup()
        for worker in 0..<8 {
            load.enter()
            Thread { [client] in
                defer { load.leave() }
                var round = 0
                while !tally.isStopped {
                    round += 1
                    let started = Date()
                    var name: String?
                    let what: String
                    let reply: Result<HTTPClient.Reply, any Error>
                    switch (worker + round) % 3 {
                    case 0:
                        name = "员工\(worker)-\(round)"
                        what = "POST /api/v1/people \(name ?? "")"
                        reply = Result {
                            try client.send(
                                "POST", "/api/v1/people", json: ["name": name ?? "", "role": "office", "office": offices[round % offices.count]],
                                headers: bearer)
                        }
                    case 1:
                        what = "GET /api/v1/people"
                        reply = Result { try client.send("GET", "/api/v1/people", headers: bearer) }
                    default:
                        what = "GET /healthz"
                        reply = Result { try client.send("GET", "/healthz") }
                    }
                    let seconds = Date().timeIntervalSince(started)
                    switch reply {
                    case .success(let answer):
                        tally.add(.init(what: what, status: answer.status, error: nil, seconds: seconds), registered: name)
                    case .failure(let error):
                        tally.add(.init(what: what, status: nil, error: "\(error)", seconds: seconds), registered: nil)
                    }
                }
            }.start()
        }
        defer {
            tally.stop()
            _ = load.wait(timeout: .now() + 60)
        }

        XCTAssertTrue(tally.waitForGood(24, since: 0, within: 60), "the load runs before the restarts")
        for mode in ["fast", "immediate"] {
            XCTAssertEqual(Self.run(["/bin/bash", restart, mode]), 0, "PostgreSQL restarted (\(mode))")
            guard server.process.isRunning || !server.log.closes(within: 1) else {
                XCTFail("the server exited during the \(mode) restart: \(server.log.whole.suffix(3000))")
                return
            }
            XCTAssertTrue(
                tally.waitForGood(24, since: tally.goodCount, within: 60),
                "after the \(mode) restart the server answers again; last answers: \(tally.all.suffix(8))")
        }
        tally.stop()
        XCTAssertEqual(load.wait(timeout: .now() + 60), .success, "every client's last request was answered")

        let answers = tally.all
        XCTAssertEqual(answers.filter { $0.status == nil }.map { "\($0.what): \($0.error ?? "")" }, [], "no request went unanswered")
        XCTAssertEqual(
            answers.filter { ![200, 201, 503].contains($0.status ?? 0) }.map { "\($0.what): \($0.status ?? 0)" }, [],
            "while PostgreSQL is away the server says it is unavailable, nothing else")
        XCTAssertGreaterThan(answers.filter { $0.status == 503 }.count + answers.filter { $0.status == 201 }.count, 0)

        // Once PostgreSQL is back, a read, /healthz and a write answer within seconds.
        for (method, path, body) in [
            ("GET", "/healthz", nil), ("GET", "/api/v1/people", nil),
            ("POST", "/api/v1/people", ["name": "最后一位", "role": "office", "office": offices[0]] as [String: Any]?),
        ] {
            let started = Date()
            let reply = try client.send(method, path, json: body, headers: bearer)
            XCTAssertTrue([200, 201].contains(reply.status), "\(method) \(path): \(reply.status) \(reply.text)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(method) \(path) answers within seconds")
        }

        // Nothing accepted was lost, nothing was recorded twice, the chain verifies.
        let entries = try Store.open(path: cli.databasePath).allEntries()
        let added = entries.filter { $0.kind == .personAdded }.compactMap(\.detail.name)
        XCTAssertEqual(Set(added).count, added.count, "no one registered twice")
        XCTAssertEqual(Set(tally.registered + ["最后一位"]).subtracting(added), [], "every registration answered 201 is in the history")
        try cli.expect(0, ["audit", "verify"])

        // SIGTERM stops the server within seconds.
        server.process.terminate()
        XCTAssertTrue(server.log.closes(within: 15), "the server stops within 15 s of SIGTERM")
        server.process.waitUntilExit()
        XCTAssertEqual(server.process.terminationStatus, 0, server.log.whole.suffix(2000).description)
    }
}
