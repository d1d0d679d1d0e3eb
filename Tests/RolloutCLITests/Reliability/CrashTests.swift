import Foundation
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

/// SIGKILL inside a large bulk action and inside `init`: afterwards the
/// database opens, verifies, and holds the action wholly or not at all.
///
/// No kill is timed by sleeping. Each is triggered by an observable event:
/// the write-ahead log (or `init`'s temporary database) reaching a given size
/// while the process writes, or the process reporting its result. A kill
/// counts as landing mid-transaction when the process had demonstrably
/// started writing (its WAL had grown) and the action is wholly absent
/// afterwards; the tests require several such kills, so they cannot pass
/// with every kill landing after the commit.
final class CrashTests: XCTestCase {
    private var cli: CLI!
    private var fixtures: URL!
    private let officeCount = 3000
    /// Kills spread over the write; at least this many must land mid-transaction.
    private let kills = 8, requiredMidTransaction = 5

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-08-20T10:00:00+08:00")
        fixtures = cli.folder.appendingPathComponent("big")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Fixtures/yuzhong"), to: fixtures)
        let offices = (1...officeCount).map { "{\"id\": \"o\($0)\", \"name\": \"第\($0)街道\"}" }.joined(separator: ",\n")
        try "[\n\(offices)\n]\n".write(to: fixtures.appendingPathComponent("offices.json"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { cli.remove() }

    private func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    private func with(db: String) -> CLI {
        var copy = cli!
        copy.environment["ROLLOUT_DB"] = db
        return copy
    }

    /// A started `rollout` whose output is drained as it comes (so it never
    /// blocks on a full pipe), with an event for its first output line.
    private final class Running: @unchecked Sendable {
        let process = Process()
        private let output = Pipe()
        let firstOutput = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var sawOutput = false

        init(_ cli: CLI, _ arguments: [String]) throws {
            process.executableURL = cli.executable
            process.arguments = arguments
            process.environment = cli.environment
            process.currentDirectoryURL = cli.folder
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil }
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                let first = !self.sawOutput
                self.sawOutput = true
                self.lock.unlock()
                if first { self.firstOutput.signal() }
            }
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        func finish() -> (status: Int32, killed: Bool) {
            process.waitUntilExit()
            output.fileHandleForReading.readabilityHandler = nil
            return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
        }
    }

    /// Runs to the end, polling the size of the file `watched(pid)` names; returns the largest size seen.
    private func peak(_ arguments: [String], db: String, watched: (Int32) -> String) throws -> Int64 {
        let running = try Running(with(db: db), arguments)
        let file = watched(running.pid)
        var largest: Int64 = 0
        while running.process.isRunning {
            largest = max(largest, size(file))
            usleep(50)  // poll interval
        }
        XCTAssertEqual(running.finish().status, 0, "rollout \(arguments.joined(separator: " "))")
        return largest
    }

    /// Starts the command and kills it as soon as the watched file reaches `threshold` bytes
    /// (polling, bounded by the process's own run). Returns the size seen at the kill, or nil if the process finished first.
    private func killed(_ arguments: [String], db: String, whenSizeOf watched: (Int32) -> String, reaches threshold: Int64) throws -> Int64? {
        let running = try Running(with(db: db), arguments)
        let file = watched(running.pid)
        var seen: Int64?
        while running.process.isRunning {
            let now = size(file)
            if now >= threshold {
                kill(running.pid, SIGKILL)
                seen = now
                break
            }
            usleep(50)  // poll interval
        }
        let end = running.finish()
        if seen != nil && !end.killed { seen = nil }  // it finished between the look and the kill
        return seen
    }

    func testABulkActionKilledAtAnyPointIsWhollyThereOrWhollyAbsent() throws {
        let base = cli.folder.appendingPathComponent("base.sqlite").path
        try cli.expect(0, ["init", "--test-clock", "--db", base, "--fixtures", fixtures.path, "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--db", base])
        // Long notes make the transaction larger than SQLite's page cache, so its pages spill
        // into the WAL while the action is still being written, long before the commit.
        let bulk = ["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "王敏", "--note", String(repeating: "培训", count: 900)]
        let reference = cli.folder.appendingPathComponent("reference.sqlite").path
        try FileManager.default.copyItem(atPath: base, toPath: reference)
        let walPeak = try peak(bulk, db: reference) { _ in reference + "-wal" }
        XCTAssertGreaterThan(walPeak, 0, "the bulk action writes through the WAL")

        var midTransaction = 0
        for index in 1...kills {
            let db = cli.folder.appendingPathComponent("kill-\(index).sqlite").path
            try FileManager.default.copyItem(atPath: base, toPath: db)
            let threshold = max(1, walPeak * Int64(index) / Int64(kills + 1))
            let seen = try killed(bulk, db: db, whenSizeOf: { _ in db + "-wal" }, reaches: threshold)
            let store = try Store.open(path: db)
            let trained = try store.history(HistoryFilter(milestone: "staff_trained")).count
            XCTAssertTrue(trained == 0 || trained == officeCount, "kill \(index) at WAL size \(seen ?? -1) left \(trained) of \(officeCount) entries")
            if let seen, seen > 0, trained == 0 { midTransaction += 1 }
            let verification = try store.verify()
            XCTAssertTrue(verification.passed, "kill \(index): \(verification.failure?.description ?? "")")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        print("CrashTests: \(midTransaction) of \(kills) kills landed inside the bulk action's transaction (WAL peak \(walPeak) bytes)")
        XCTAssertGreaterThanOrEqual(
            midTransaction, requiredMidTransaction,
            "kills that landed while the bulk action was being written (WAL growing, action absent afterwards)")

        // A kill after the process reported its result: the action is wholly there.
        let late = cli.folder.appendingPathComponent("kill-late.sqlite").path
        try FileManager.default.copyItem(atPath: base, toPath: late)
        let running = try Running(with(db: late), bulk)
        // The first output line is printed after the commit; bounded wait for that event.
        XCTAssertEqual(running.firstOutput.wait(timeout: .now() + 300), .success, "the bulk action reported its result")
        kill(running.pid, SIGKILL)
        _ = running.finish()
        XCTAssertEqual(try Store.open(path: late).history(HistoryFilter(milestone: "staff_trained")).count, officeCount)
        XCTAssertTrue(try Store.open(path: late).verify().passed)
    }

    func testInitKilledAtAnyPointLeavesNoHalfLoadedDatabase() throws {
        let reference = cli.folder.appendingPathComponent("reference.sqlite").path
        let arguments = ["init", "--test-clock", "--fixtures", fixtures.path, "--coordinator", "王敏"]
        // `init` builds the database in PATH.init-PID (WAL mode) and renames it into place when complete.
        let walPeak = try peak(arguments, db: reference) { pid in "\(reference).init-\(pid)-wal" }
        XCTAssertGreaterThan(walPeak, 0, "init writes its temporary database through the WAL")
        var midway = 0
        for index in 1...kills {
            let db = cli.folder.appendingPathComponent("init-\(index).sqlite").path
            let threshold = max(1, walPeak * Int64(index) / Int64(kills + 1))
            let seen = try killed(arguments, db: db, whenSizeOf: { pid in "\(db).init-\(pid)-wal" }, reaches: threshold)
            if FileManager.default.fileExists(atPath: db) {
                let store = try Store.open(path: db)
                XCTAssertEqual(store.plan.offices.count, officeCount)
                XCTAssertTrue(try store.verify().passed)
            } else {
                if seen != nil { midway += 1 }
                try with(db: db).expect(0, arguments)
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter {
                    $0.hasPrefix("init-\(index).sqlite.init-")
                }
                XCTAssertEqual(leftovers, [], "the killed init's temporary file is cleaned up by the next init")
            }
        }
        print("CrashTests: \(midway) of \(kills) kills landed while init was writing (WAL peak \(walPeak) bytes)")
        XCTAssertGreaterThanOrEqual(midway, requiredMidTransaction, "kills that landed while init was writing its temporary database")
    }

    /// PostgreSQL's write-ahead log position, in bytes, read through the admin URL.
    private func walPosition() throws -> Int64 {
        let admin = try XCTUnwrap(PostgresTestServer.adminURL)
        return Int64(try PostgresTestServer.psql("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn", on: admin)) ?? 0
    }

    /// Whether some transaction holds the chain's advisory lock (a writer is appending).
    private func chainLocked() throws -> Bool {
        let admin = try XCTUnwrap(PostgresTestServer.adminURL)
        return try PostgresTestServer.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted", on: admin) != "0"
    }

    /// The same on PostgreSQL: the client killed while its transaction is open
    /// (it holds the chain's lock and has written that much WAL) is rolled back
    /// by the server, the lock is released, and the action is wholly there or absent.
    func testABulkActionKilledMidWriteOnPostgreSQLIsWhollyThereOrWhollyAbsent() throws {
        guard try TestEngine.available().contains(.postgres) else { throw XCTSkip("no PostgreSQL server (ROLLOUT_TEST_POSTGRES)") }
        let admin = try XCTUnwrap(PostgresTestServer.adminURL)
        let base = try PostgresTestServer.freshDatabase()
        try cli.expect(0, ["init", "--test-clock", "--db", base, "--fixtures", fixtures.path, "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--db", base])
        let baseName = try XCTUnwrap(URLComponents(string: base)?.path.dropFirst()).description
        /// A database made from the base, as it was before the bulk action.
        func copyOfBase(_ name: String) throws -> String {
            try PostgresTestServer.psql("CREATE DATABASE \(name) TEMPLATE \(baseName)", on: admin)
            var components = try XCTUnwrap(URLComponents(string: base))
            components.path = "/" + name
            return try XCTUnwrap(components.string)
        }
        let bulk = ["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "王敏"]
        let reference = try copyOfBase(baseName + "_reference")
        let start = try walPosition()
        try with(db: reference).expect(0, bulk)
        let walBytes = try walPosition() - start
        XCTAssertGreaterThan(walBytes, 0)

        var midTransaction = 0
        for index in 1...kills {
            let db = try copyOfBase(baseName + "_kill\(index)")
            let threshold = max(1, walBytes * Int64(index) / Int64(kills + 1))
            let running = try Running(with(db: db), bulk)
            let begun = try walPosition()
            var seen: Int64?
            while running.process.isRunning {
                let written = try walPosition() - begun
                if written >= threshold, try chainLocked() {
                    kill(running.pid, SIGKILL)
                    seen = written
                    break
                }
            }
            if !running.finish().killed { seen = nil }
            let store = try Store.open(path: db)
            let trained = try store.history(HistoryFilter(milestone: "staff_trained")).count
            XCTAssertTrue(
                trained == 0 || trained == officeCount, "kill \(index) at \(seen ?? -1) WAL bytes left \(trained) of \(officeCount) entries")
            if seen != nil, trained == 0 { midTransaction += 1 }
            XCTAssertTrue(try store.verify().passed, "kill \(index)")
            // The killed writer's lock went with its connection: the next write goes through.
            try with(db: db).expect(0, ["record", "guides_written", "--batch", "2", "--as", "王敏"])
        }
        print("CrashTests: \(midTransaction) of \(kills) kills landed inside the bulk action's PostgreSQL transaction (\(walBytes) WAL bytes)")
        XCTAssertGreaterThanOrEqual(
            midTransaction, requiredMidTransaction, "kills that landed while the bulk action's transaction was open and writing")
    }
}
