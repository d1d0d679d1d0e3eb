import Foundation
import GRDB
import RolloutCore
import RolloutStore
import XCTest

/// The recorded time cannot be faked: it never goes backwards along the
/// chain, `audit verify` names an entry recorded before the one before it,
/// and `ROLLOUT_NOW` is honoured only by a database made as a test database.
final class RecordingTimeTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-10-25T10:00:00+08:00")
    }

    override func tearDown() { cli.remove() }

    private func head() throws -> Head { try Store.open(path: cli.databasePath).head() }

    func testAWriteWhoseClockIsBehindTheHeadIsRefusedAndWritesNothing() throws {
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        let before = try head()
        let result = try cli.expect(
            4, ["record", "guides_written", "--batch", "2", "--as", "王敏", "--date", "2026-07-01"],
            extraEnvironment: ["ROLLOUT_NOW": "2026-07-01T10:00:00+08:00"])
        XCTAssertEqual(
            result.stderr,
            "rollout: the clock reads 2026-07-01T02:00:00Z, earlier than entry #2, recorded at 2026-10-25T02:00:00Z; the recorded time never goes backwards, so nothing was recorded; check the system clock (or ROLLOUT_NOW) and try again\n"
        )
        XCTAssertEqual(try head(), before, "nothing written")
        // What the database knew on 2026-08-01 is still only what was recorded by then: nothing of batch 2.
        let known = try cli.expect(0, ["history", "--recorded-to", "2026-08-01"]).stdout
        XCTAssertFalse(known.contains("guides_written"), known)
        // The same second as the head is not going backwards.
        try cli.expect(0, ["record", "guides_written", "--batch", "2", "--as", "王敏"])
        try cli.expect(0, ["audit", "verify"])
    }

    func testAClockAFewMinutesBehindTheHeadRecordsAtTheHeadsTimeAndNeverEarlier() throws {
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        // A second server on the same database whose clock lags by 299 s: the write lands, at the head's time.
        try cli.expect(
            0, ["record", "guides_written", "--batch", "2", "--as", "王敏"], extraEnvironment: ["ROLLOUT_NOW": "2026-10-25T09:55:01+08:00"])
        let entries = try Store.open(path: cli.databasePath).entries([2, 3])
        XCTAssertEqual(entries.map(\.recordedAt), ["2026-10-25T02:00:00Z", "2026-10-25T02:00:00Z"])
        // 301 s behind is a clock to fix.
        let before = try head()
        let result = try cli.expect(
            4, ["record", "network_built", "--batch", "2", "--office", "daping", "--as", "王敏"],
            extraEnvironment: ["ROLLOUT_NOW": "2026-10-25T09:54:59+08:00"])
        XCTAssertTrue(result.stderr.contains("the clock reads 2026-10-25T01:54:59Z, earlier than entry #3"), result.stderr)
        XCTAssertEqual(try head(), before, "nothing written")
    }

    func testAuditVerifyNamesAnEntryRecordedBeforeTheEntryBeforeIt() throws {
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        try cli.expect(
            0, ["record", "guides_written", "--batch", "2", "--as", "王敏", "--date", "2026-07-01"],
            extraEnvironment: ["ROLLOUT_NOW": "2026-10-26T10:00:00+08:00"])
        // An attacker with the file back-dates the last entry's recording time and re-hashes it, so every link still holds.
        let original = try Store.open(path: cli.databasePath).entries([3])[0]
        let last = EntryDraft(original).sealed(
            seq: original.seq, recordedAt: "2026-07-01T02:00:00Z", planVersion: original.planVersion, previousHash: original.previousHash,
            bulk: original.bulk, idempotencyKey: original.idempotencyKey, identity: Identity(login: original.login, authentication: .cli))
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER entries_no_update")
            try db.execute(sql: "UPDATE entries SET recorded_at = ?, hash = ? WHERE seq = 3", arguments: [last.recordedAt, last.hash])
        }
        try queue.close()
        let expected = "entry #3: recorded at 2026-07-01T02:00:00Z, before entry #2 (2026-10-25T02:00:00Z): the recording time went backwards"
        let result = try cli.expect(5, ["audit", "verify"])
        XCTAssertTrue(result.stdout.contains(expected), result.stdout)
        // An export carries the same chain; verifying it without the database finds the same entry.
        let export = cli.folder.appendingPathComponent("audit.jsonl").path
        try cli.expect(0, ["audit", "export", export])
        let offline = try cli.expect(5, ["audit", "verify", "--file", export])
        XCTAssertTrue(offline.stdout.contains(expected), offline.stdout)
    }

    func testTheInjectedClockIsHonouredOnlyByATestDatabase() throws {
        var result = try cli.expect(2, ["init", "--coordinator", "王敏"])
        XCTAssertEqual(
            result.stderr,
            "rollout: ROLLOUT_NOW is set, but a real district's database records the system clock's time; pass --test-clock to make a test database that honours ROLLOUT_NOW, or unset ROLLOUT_NOW\n"
        )
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.databasePath))

        var real = cli!
        real.environment["ROLLOUT_NOW"] = nil
        try real.expect(0, ["init", "--coordinator", "王敏"])
        XCTAssertFalse(try Store.open(path: cli.databasePath).isTestDatabase)
        let before = try head()
        for arguments in [["record", "guides_written", "--batch", "1", "--as", "王敏"], ["status"], ["report", "--html", "weekly.html"]] {
            result = try cli.expect(2, arguments)
            XCTAssertEqual(
                result.stderr,
                "rollout: ROLLOUT_NOW is set, but \(cli.databasePath) is a real district's database, which records the system clock's time; the injected clock is honoured only by a test database (`rollout init --test-clock`); unset ROLLOUT_NOW\n"
            )
        }
        XCTAssertEqual(try head(), before)
        // Without ROLLOUT_NOW the system clock stamps the entry.
        let start = Int64(Date().timeIntervalSince1970.rounded(.down))
        try real.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        let end = Int64(Date().timeIntervalSince1970.rounded(.up))
        let stamped = try XCTUnwrap(Timestamp(iso8601: try Store.open(path: cli.databasePath).entries([2])[0].recordedAt))
        XCTAssertTrue((start...end).contains(stamped.seconds), "recorded at \(stamped.iso8601), between the system clock's \(start) and \(end)")
        // A real database cannot be marked as a test database afterwards, nor a mark removed.
        let queue = try DatabaseQueue(path: cli.databasePath)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "INSERT INTO test_clock (id, marked_at) VALUES (1, 'x')") })
        try queue.close()

        var test = cli!
        test.environment["ROLLOUT_DB"] = cli.folder.appendingPathComponent("test.sqlite").path
        try test.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        XCTAssertTrue(try Store.open(path: test.databasePath).isTestDatabase)
        XCTAssertEqual(try Store.open(path: test.databasePath).entries([1])[0].recordedAt, "2026-10-25T02:00:00Z")
        let marked = try DatabaseQueue(path: test.databasePath)
        XCTAssertThrowsError(try marked.write { try $0.execute(sql: "DELETE FROM test_clock") })
        try marked.close()
    }

    func testADateAloneMeansNineOClockInThePlansTimeZone() throws {
        let utc = cli.folder.appendingPathComponent("utc")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Fixtures/yuzhong"), to: utc)
        let plan = utc.appendingPathComponent("plan.json")
        let text = try String(contentsOf: plan, encoding: .utf8)
        XCTAssertTrue(text.contains("\"timeZone\": \"Asia/Shanghai\""))
        try text.replacingOccurrences(of: "\"timeZone\": \"Asia/Shanghai\"", with: "\"timeZone\": \"UTC\"").write(
            to: plan, atomically: true, encoding: .utf8)
        for (fixtures, expected) in [(nil, "2026-08-01T01:00:00Z"), (utc.path, "2026-08-01T09:00:00Z")] {
            let db = cli.folder.appendingPathComponent("\(fixtures == nil ? "yuzhong" : "utc").sqlite").path
            try cli.expect(
                0, ["init", "--test-clock", "--db", db, "--coordinator", "王敏"] + (fixtures.map { ["--fixtures", $0] } ?? []),
                extraEnvironment: ["ROLLOUT_NOW": "2026-08-01"])
            XCTAssertEqual(try Store.open(path: db).entries([1])[0].recordedAt, expected, fixtures ?? "Asia/Shanghai")
        }
    }
}
