import Foundation
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

/// Two `rollout serve` processes on different ports over one PostgreSQL
/// database, as behind one address: concurrent recording through both is
/// recorded exactly once, on one chain, and each shows what the other wrote.
final class TwoServersTests: XCTestCase {
    private final class Replies: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(key: String, status: Int)] = []
        var all: [(key: String, status: Int)] { lock.withLock { list } }
        func add(_ key: String, _ status: Int) { lock.withLock { list.append((key, status)) } }
    }

    /// One request of the test: a training (no name) or a registration, through server 0 or 1.
    private struct Request: Sendable {
        let server: Int, key: String, office: String, name: String?
    }

    func testTwoServersOverOneDatabaseRecordEachActionOnceOnOneChain() throws {
        guard try TestEngine.available().contains(.postgres) else { throw XCTSkip("no PostgreSQL server (ROLLOUT_TEST_POSTGRES)") }
        var cli = try CLI(engine: .postgres)
        defer { cli.remove() }
        cli.environment["ROLLOUT_NOW"] = nil
        try cli.expect(0, ["init", "--coordinator", "王敏", "--login", "c001"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "c001"])
        let servers = [try cli.startServer(), try cli.startServer()]
        defer { for server in servers where server.process.isRunning { server.process.terminate() } }
        let clients = servers.map { HTTPClient(base: $0.address) }
        let bearer = ["Authorization": "Bearer " + (try cli.apiToken(for: "c001", client: clients[0]))]
        let offices = try Store.open(path: cli.databasePath).plan.offices.map(\.id)

        // Every office's training is sent through both servers at once with one
        // idempotency key (a retry landing on the other server), and twenty new
        // staff are registered, half through each server: 42 requests in flight.
        var trainings: [Request] = [], registrations: [Request] = []
        for office in offices {
            for server in 0..<2 { trainings.append(Request(server: server, key: "train-\(office)", office: office, name: nil)) }
        }
        for number in 0..<20 {
            registrations.append(Request(server: number % 2, key: "staff-\(number)", office: offices[number % offices.count], name: "员工\(number)"))
        }
        let requests = trainings + registrations
        let replies = Replies()
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let request = requests[index]
            let (path, body): (String, [String: Any]) =
                if let name = request.name {
                    ("/api/v1/people", ["name": name, "role": "office", "office": request.office])
                } else {
                    ("/api/v1/milestones", ["milestone": "staff_trained", "batch": "1", "offices": [request.office]])
                }
            let reply = try? clients[request.server].send(
                "POST", path, json: body, headers: bearer.merging(["Idempotency-Key": request.key]) { $1 })
            replies.add(request.key, reply?.status ?? 0)
        }
        XCTAssertEqual(replies.all.count, 42)
        XCTAssertEqual(replies.all.filter { ![200, 201].contains($0.status) }.map { "\($0.key): \($0.status)" }, [], "every request accepted")

        let store = try Store.open(path: cli.databasePath)
        let entries = try store.allEntries()
        XCTAssertEqual(entries.map(\.seq), Array(1...Int64(entries.count)), "no gaps, no duplicates")
        for (previous, entry) in zip(entries, entries.dropFirst()) { XCTAssertEqual(entry.previousHash, previous.hash, "no fork at #\(entry.seq)") }
        let trained = entries.filter { $0.kind == .milestone && $0.milestone == "staff_trained" }
        XCTAssertEqual(trained.compactMap(\.office).sorted(), offices.sorted(), "each office's training exactly once")
        XCTAssertEqual(entries.filter { $0.kind == .personAdded }.count, 1 + 20, "each registration exactly once")
        XCTAssertEqual(entries.filter { $0.kind == .refused }.count, 0)
        try cli.expect(0, ["audit", "verify"])

        // Each server shows what the other wrote: the same history, the same
        // register, and the board page of a session opened on the other server.
        let histories = try clients.map { try $0.send("GET", "/api/v1/history", headers: bearer).body }
        XCTAssertEqual(histories[0], histories[1])
        for client in clients {
            let people = try client.send("GET", "/api/v1/people", headers: bearer).text
            XCTAssertTrue(people.contains("员工0") && people.contains("员工1"), people)
        }
        let session = try cli.signIn("c001", client: clients[1])
        let board = try clients[0].send("GET", "/board", headers: ["Cookie": session["Cookie"] ?? ""])
        XCTAssertEqual(board.status, 200, board.text)
        XCTAssertTrue(board.text.contains("✓"), "the board on server one shows the trainings recorded through both")

        for server in servers {
            server.process.terminate()
            server.process.waitUntilExit()
            XCTAssertEqual(server.process.terminationStatus, 0)
        }
    }
}
