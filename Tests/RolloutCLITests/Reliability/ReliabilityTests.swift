import Foundation
import GRDB
import RolloutCore
import RolloutStore
import XCTest

/// Faults and hostile input: concurrent writers, kills, bad files, permissions.
final class ReliabilityTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI.withStaff(now: "2026-08-20T10:00:00+08:00")
    }

    override func tearDown() { cli.remove() }

    /// Collects results from worker threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(key: String, result: CLI.Result)] = []
        func add(_ key: String, _ result: CLI.Result) { lock.lock(); items.append((key, result)); lock.unlock() }
        var all: [(key: String, result: CLI.Result)] { lock.lock(); defer { lock.unlock() }; return items }
    }

    func testEightConcurrentWritersLoseNothingAndTheChainVerifies() throws {
        let offices = try Store.open(path: cli.databasePath).plan.offices.map(\.id)
        let results = Results()
        let cli = self.cli!
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "2", "--as", "王敏"])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let office = offices[worker]
            var commands: [(String, [String])] = []
            for batch in ["1", "2"] {
                commands.append(
                    ("net-\(batch)-\(office)", ["record", "network_built", "--batch", batch, "--office", office, "--as", "staff-\(office)"]))
                commands.append(("perm-\(batch)-\(office)", ["record", "permissions_granted", "--batch", batch, "--office", office, "--as", "王敏"]))
                commands.append(("train-\(batch)-\(office)", ["record", "staff_trained", "--batch", batch, "--office", office, "--as", "王敏"]))
                commands.append(("live-early-\(batch)-\(office)", ["record", "live", "--batch", batch, "--office", office, "--as", "王敏"]))
                commands.append(("ready-\(batch)-\(office)", ["record", "ready", "--batch", batch, "--office", office, "--as", "staff-\(office)"]))
                commands.append(("live-\(batch)-\(office)", ["record", "live", "--batch", batch, "--office", office, "--as", "王敏"]))
                commands.append(("audit-\(batch)-\(office)", ["record", "live", "--batch", batch, "--office", office, "--as", "审计员"]))
            }
            for (key, arguments) in commands {
                let result = (try? cli.run(arguments + ["--key", key])) ?? CLI.Result(status: -1, stdout: "", stderr: "could not start")
                results.add(key, result)
            }
        }
        let all = results.all
        XCTAssertEqual(all.count, 8 * 14)
        for (key, result) in all {
            XCTAssertTrue([0, 3].contains(result.status), "\(key): exit \(result.status) \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("locked"), "\(key): \(result.stderr)")
        }
        let store = try Store.open(path: cli.databasePath)
        let entries = try store.allEntries()
        let accepted = all.filter { $0.result.status == 0 }.map(\.key)
        let keyed = entries.compactMap(\.idempotencyKey)
        XCTAssertEqual(Set(keyed), Set(accepted), "every accepted action has its entry")
        XCTAssertEqual(keyed.count, Set(keyed).count, "and only one")
        XCTAssertEqual(accepted.count, 8 * 2 * 5, "network, permissions, training, ready, live per office and batch")
        XCTAssertEqual(entries.filter { $0.kind == .refused }.count, 8 * 2 * 2, "early go-live and the auditor, refused and recorded")
        try cli.expect(0, ["audit", "verify"])
        try cli.expect(0, ["check"])
    }

    /// Set once, read by the writer threads.
    private final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
        func set() { lock.lock(); stopped = true; lock.unlock() }
    }

    func testABackupTakenWhileWritersRunPassesCheck() throws {
        let cli = self.cli!
        let start = try Store.open(path: cli.databasePath).head()
        // Writers register people, one command after another, until the backups are done.
        let stop = StopFlag()
        let results = Results()
        let writers = DispatchGroup()
        for writer in 0..<3 {
            DispatchQueue.global().async(group: writers) {
                var round = 0
                while !stop.isSet {
                    round += 1
                    let key = "w\(writer)-\(round)"
                    let result =
                        (try? cli.run(["people", "add", "审计-\(key)", "--role", "auditor", "--as", "王敏"]))
                        ?? CLI.Result(status: -1, stdout: "", stderr: "could not start")
                    results.add(key, result)
                }
            }
        }
        defer { stop.set(); writers.wait() }
        // Wait (bounded) until the writers are committing.
        let deadline = Date().addingTimeInterval(60)
        while try Store.open(path: cli.databasePath).head().count == start.count && Date() < deadline { usleep(1000) }

        // The heads just before and just after a backup differ when writes committed while it ran;
        // a backup is fast, so try a few times (bounded) and require it at least once.
        var overlapped = 0
        for attempt in 1...5 {
            let backup = cli.folder.appendingPathComponent("backup-\(attempt).sqlite").path
            let before = try Store.open(path: cli.databasePath).head()
            let result = try cli.run(["backup", backup])
            let after = try Store.open(path: cli.databasePath).head()
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("All checks passed."), result.stdout)
            // The copy is one consistent snapshot: a prefix of the live history, taken between the two heads.
            let copied = try Store.open(path: backup).allEntries()
            XCTAssertGreaterThanOrEqual(Int64(copied.count), before.count, "the backup holds everything committed before it began")
            XCTAssertLessThanOrEqual(Int64(copied.count), after.count)
            let live = try Store.open(path: cli.databasePath).entries(copied.map(\.seq))
            XCTAssertEqual(copied.map(\.hash), live.map(\.hash), "the backup's history is a prefix of the live one")
            var copy = cli
            copy.environment["ROLLOUT_DB"] = backup
            try copy.expect(0, ["check"])
            if after.count > before.count { overlapped += 1 }
            if overlapped > 0 && attempt >= 2 { break }
        }
        stop.set()
        writers.wait()
        print("ReliabilityTests: \(overlapped) backups overlapped committed writes")
        XCTAssertGreaterThan(overlapped, 0, "writes committed while a backup ran")
        for (key, result) in results.all { XCTAssertEqual(result.status, 0, "\(key): \(result.stderr)") }
        let existing = cli.folder.appendingPathComponent("backup-1.sqlite").path
        XCTAssertEqual(try cli.run(["backup", existing]).status, 2, "an existing backup is not overwritten")
        try cli.expect(0, ["check"])
    }

    func testARemovedPersonCanNoLongerActAndTheirPastEntriesStayValid() throws {
        try cli.expect(0, ["record", "network_built", "--batch", "1", "--office", "daping", "--as", "staff-daping"])
        try cli.expect(0, ["people", "remove", "staff-daping", "--reason", "调离", "--as", "王敏"])
        let refused = try cli.expect(3, ["record", "network_built", "--batch", "2", "--office", "daping", "--as", "staff-daping"])
        XCTAssertTrue(refused.stdout.contains("staff-daping is no longer on the register and may not act (attempt recorded as #"), refused.stdout)
        XCTAssertTrue(try cli.expect(0, ["refusals"]).stdout.contains("no longer on the register"))
        try cli.expect(0, ["people", "remove", "张伟", "--reason", "调任", "--as", "王敏"])
        XCTAssertTrue(
            try cli.expect(3, ["people", "remove", "王敏", "--reason", "x", "--as", "王敏"]).stdout.contains(
                "王敏 is the last coordinator; register another coordinator first"))
        XCTAssertEqual(try cli.expect(3, ["people", "remove", "nobody", "--reason", "x", "--as", "审计员"]).status, 3)
        try cli.expect(0, ["audit", "verify"])
    }

    func testHostileInputIsRefusedClearlyAndWritesNothing() throws {
        let before = try Store.open(path: cli.databasePath).head()
        let long = String(repeating: "长", count: 2001)
        var result = try cli.expect(2, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--note", long])
        XCTAssertEqual(result.stderr, "rollout: the note is 2001 characters long; expected at most 2000\n")
        result = try cli.expect(2, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--note", "a\u{1B}[31mred"])
        XCTAssertTrue(result.stderr.contains("control character U+1B"), result.stderr)
        // Invalid UTF-8 straight from the shell.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" record guides_written --batch 1 --as 王敏 --note \"$(printf 'bad\\377\\376bytes')\"", CLI.binary.path]
        shell.environment = cli.environment
        let errors = Pipe()
        shell.standardError = errors
        shell.standardOutput = Pipe()
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 2, message)
        XCTAssertTrue(message.contains("not valid UTF-8"), message)
        XCTAssertEqual(try Store.open(path: cli.databasePath).head(), before)
    }

    func testBadDatabaseFilesAreRefusedAndLeftUntouched() throws {
        let empty = cli.folder.appendingPathComponent("empty.sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        var result = try cli.expect(2, ["status", "--db", empty])
        XCTAssertEqual(result.stderr, "rollout: \(empty) is not a rollout database (the file is empty); expected a file made by `rollout init`\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: empty)).count, 0)
        let text = cli.folder.appendingPathComponent("notes.sqlite").path
        try Data("会议记录".utf8).write(to: URL(fileURLWithPath: text))
        result = try cli.expect(2, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--db", text])
        XCTAssertTrue(result.stderr.contains("it is not an SQLite file"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: text, encoding: .utf8), "会议记录")

        let newer = cli.folder.appendingPathComponent("newer.sqlite").path
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: newer)
        let queue = try DatabaseQueue(path: newer)
        try queue.write { try $0.execute(sql: "PRAGMA user_version = 42") }
        try queue.close()
        result = try cli.expect(2, ["status", "--db", newer])
        XCTAssertTrue(
            result.stderr.contains("has schema version 42, newer than this rollout supports (\(SQLiteMigrations.latest)); use a newer rollout"),
            result.stderr)
    }

    func testReadOnlyFilesAndFoldersAreRespected() throws {
        let before = try Store.open(path: cli.databasePath).head()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.databasePath)
        var result = try cli.expect(75, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        XCTAssertTrue(result.stderr.contains("cannot be written (read-only file or folder); nothing was recorded"), result.stderr)
        try cli.expect(0, ["status"])
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.databasePath)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path) }
        result = try cli.expect(75, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        XCTAssertTrue(result.stderr.contains("read-only"), result.stderr)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        XCTAssertEqual(try Store.open(path: cli.databasePath).head(), before)
    }
}
