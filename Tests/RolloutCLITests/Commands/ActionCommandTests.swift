import Foundation
import GRDB
import RolloutCore
import RolloutStore
import XCTest

/// The day-to-day actions through the real binary: a scripted session against
/// a golden transcript, exit codes, and bad input that writes nothing.
final class ActionCommandTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws {
        cli = try CLI()
        try cli.expect(0, ["init", "--test-clock", "--coordinator", "王敏"])
        for (name, role, office) in [("张伟", "coordinator", nil), ("李娜", "office", "解放碑"), ("赵强", "office", "daping"), ("审计员", "auditor", nil)] {
            try cli.expect(0, ["people", "add", name, "--role", role, "--as", "王敏"] + (office.map { ["--office", $0] } ?? []))
        }
    }

    override func tearDown() { cli.remove() }

    func testAScriptedBatchOneSessionMatchesTheGoldenTranscript() throws {
        var t = Transcript(cli: cli)
        let aug = "2026-08-20T10:00:00+08:00", sep = "2026-09-02T10:00:00+08:00"
        try t.run(["record", "staff_trained", "--batch", "1", "--office", "jiefangbei", "--as", "张伟"], now: aug)
        try t.run(["record", "guides_written", "--batch", "1", "--date", "2026-08-10", "--as", "张伟", "--note", "指南已印发"], now: aug)
        try t.run(["record", "network_built", "--batch", "1", "--office", "jiefangbei", "--date", "2026-08-12", "--as", "李娜"], now: aug)
        try t.run(["record", "network_built", "--batch", "1", "--office", "daping", "--as", "李娜"], now: aug)
        try t.run(["record", "network_built", "--batch", "1", "--office", "jiefangbei", "--as", "王敏"], now: aug)
        try t.run(["record", "permissions_granted", "--batch", "1", "--office", "all", "--dry-run", "--as", "张伟"], now: aug)
        try t.run(["record", "permissions_granted", "--batch", "1", "--office", "jiefangbei,daping", "--as", "张伟"], now: aug)
        try t.run(["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "张伟", "--date", "2026-08-18"], now: aug)
        try t.run(["block", "--batch", "1", "--office", "daping", "--reason", "机房搬迁", "--as", "张伟"], now: aug)
        try t.run(["record", "network_built", "--batch", "1", "--office", "daping", "--as", "赵强"], now: aug)
        try t.run(["record", "ready", "--batch", "1", "--office", "jiefangbei", "--as", "李娜"], now: aug)
        try t.run(["record", "live", "--batch", "1", "--office", "jiefangbei", "--as", "王敏", "--date", "2026-09-01"], now: sep)
        try t.run(["problem", "open", "--batch", "1", "--office", "jiefangbei", "--note", "社保卡读卡器无法识别", "--as", "李娜"], now: sep)
        try t.run(["problem", "list"], now: sep)
        try t.run(["correct", "8", "--reason", "日期录错", "--as", "王敏"], now: sep)
        try t.run(["correct", "6", "--reason", "不可撤销", "--as", "王敏"], now: sep)
        try t.run(["correct", "24", "--reason", "误操作，未搬迁", "--as", "王敏"], now: sep)
        try t.run(
            ["record", "network_built", "--batch", "1", "--office", "大坪", "--as", "赵强", "--date", "2026-08-25", "--key", "daping-net"], now: sep)
        try t.run(
            ["record", "network_built", "--batch", "1", "--office", "大坪", "--as", "赵强", "--date", "2026-08-25", "--key", "daping-net"], now: sep)
        try t.run(["problem", "resolve", "28", "--note", "更换读卡器驱动", "--as", "李娜"], now: sep)
        try t.run(["problem", "resolve", "28", "--note", "更换读卡器驱动", "--as", "张伟"], now: sep)
        try t.run(["problem", "list", "--all"], now: sep)
        try t.run(["refusals"], now: sep)
        try Golden.check(t.text, "session-batch1.txt")
    }

    func testBadInputIsRefusedWithAClearMessageAndWritesNothing() throws {
        let before = try Store.open(path: cli.databasePath).head()
        let cases: [([String], String)] = [
            (
                ["record", "guides_written", "--batch", "1", "--date", "2026-02-30", "--as", "王敏"],
                "invalid --date \"2026-02-30\"; expected a real calendar date as YYYY-MM-DD, e.g. 2026-09-30"
            ),
            (["record", "guides_written", "--batch", "1", "--date", "2026-13-01", "--as", "王敏"], "invalid --date \"2026-13-01\""),
            (
                ["record", "guides_written", "--batch", "1", "--date", "2026-08-02", "--as", "王敏"],
                "effective date 2026-08-02 is in the future (today is 2026-08-01); expected today or earlier"
            ),
            (["record", "guides_writen", "--batch", "1", "--as", "王敏"], "did you mean guides_written"),
            (["record", "network_built", "--batch", "1", "--office", "jiefangbie", "--as", "李娜"], "did you mean jiefangbei (解放碑街道)?"),
            (["record", "network_built", "--batch", "batch7", "--office", "jiefangbei", "--as", "李娜"], "unknown batch \"batch7\""),
            (["record", "network_built", "--batch", "1", "--as", "李娜"], "network_built is recorded per office; pass --office"),
            (
                ["record", "guides_written", "--batch", "1", "--office", "daping", "--as", "王敏"],
                "guides_written is recorded once for the whole district; do not pass --office"
            ),
            (["record", "live", "--batch", "0", "--office", "daping", "--as", "王敏"], "is already live everywhere"),
            (
                ["record", "guides_written", "--batch", "1", "--as", "王敏", "--evidence", "/nonexistent/file.pdf"],
                "cannot read evidence file /nonexistent/file.pdf"
            ),
            (["record", "guides_written", "--batch", "1", "--as", "王敏", "--note", "bad\u{07}bell"], "control character U+7"),
            (["record", "guides_written", "--batch", "1"], "who is acting? pass --as NAME or set ROLLOUT_ACTOR"),
            (["correct", "999", "--reason", "x", "--as", "王敏"], "there is no entry #999"),
            (["problem", "resolve", "3", "--note", "x", "--as", "王敏"], "there is no problem #3"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rollout: ") && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        let stranger = try cli.run(["record", "guides_written", "--batch", "1", "--as", "陌生人"])
        XCTAssertEqual(stranger.status, 3, "a person not on the register is not allowed, as on the server (403): \(stranger.stderr)")
        XCTAssertTrue(stranger.stderr.contains("unknown person \"陌生人\""), stranger.stderr)
        XCTAssertEqual(try Store.open(path: cli.databasePath).head(), before)
    }

    func testSQLLookingNotesAreStoredAndShownVerbatim() throws {
        let note = "'); DROP TABLE entries; -- 解放碑"
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--note", note])
        let store = try Store.open(path: cli.databasePath)
        XCTAssertEqual(try store.allEntries().last?.note, note)
    }

    func testEvidenceIsKeptAndAChangedOrMissingFileFailsVerification() throws {
        let file = cli.folder.appendingPathComponent("培训签到表.pdf")
        try Data("签到".utf8).write(to: file)
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--evidence", file.path])
        let sha256 = SHA256Hex.digest(Array("签到".utf8))
        let kept = try Store.open(path: cli.databasePath).evidence(sha256: sha256)
        XCTAssertEqual(kept?.content.bytes, Array("签到".utf8))
        try cli.expect(0, ["audit", "verify"])
        try cli.expect(0, ["check"])
        let refused = try cli.run([
            "record", "guides_written", "--batch", "1", "--as", "王敏", "--evidence", cli.folder.appendingPathComponent("x.exe").path,
        ])
        XCTAssertEqual(refused.status, 2)
        try Data("MZ".utf8).write(to: cli.folder.appendingPathComponent("x.exe"))
        let wrongKind = try cli.run([
            "record", "guides_written", "--batch", "1", "--as", "王敏", "--evidence", cli.folder.appendingPathComponent("x.exe").path,
        ])
        XCTAssertEqual(wrongKind.status, 2)
        XCTAssertTrue(wrongKind.stderr.contains("evidence file x.exe is not an accepted kind; expected one of:"), wrongKind.stderr)

        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in
            try db.execute(
                sql: "DROP TRIGGER evidence_files_no_update; UPDATE evidence_files SET content = x'00' WHERE sha256 = ?", arguments: [sha256])
        }
        try queue.close()
        let changed = try cli.run(["audit", "verify"])
        XCTAssertEqual(changed.status, 5)
        XCTAssertTrue(changed.stdout.contains("evidence file 培训签到表.pdf (sha256 \(sha256.prefix(12))) no longer matches its hash"), changed.stdout)
        XCTAssertNotEqual(try cli.run(["check"]).status, 0)
        let again = try DatabaseQueue(path: cli.databasePath)
        try again.write { db in try db.execute(sql: "DROP TRIGGER evidence_files_no_delete; DELETE FROM evidence_files") }
        try again.close()
        let missing = try cli.run(["audit", "verify"])
        XCTAssertEqual(missing.status, 5)
        XCTAssertTrue(missing.stdout.contains("evidence file 培训签到表.pdf (sha256 \(sha256.prefix(12))) is missing from the database"), missing.stdout)
    }

    func testEvidenceIsRecordedByNameHashAndSize() throws {
        let file = cli.folder.appendingPathComponent("培训签到表.pdf")
        try Data("签到".utf8).write(to: file)
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--evidence", file.path])
        let evidence = try XCTUnwrap(Store.open(path: cli.databasePath).allEntries().last?.evidence.first)
        XCTAssertEqual(evidence.name, "培训签到表.pdf")
        XCTAssertEqual(evidence.size, 6)
        XCTAssertEqual(evidence.sha256, SHA256Hex.digest(Array("签到".utf8)))
        XCTAssertEqual(evidence.sha256.count, 64)
    }

    func testAStaleExpectationExitsFourAndWritesNothing() throws {
        let head = try Store.open(path: cli.databasePath).head()
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--expect", String(head.count)])
        let stale = try cli.expect(4, ["record", "guides_written", "--batch", "2", "--as", "王敏", "--expect", String(head.count)])
        XCTAssertTrue(stale.stderr.contains("the history moved since you looked"), stale.stderr)
        XCTAssertEqual(try Store.open(path: cli.databasePath).head().count, head.count + 1)
    }
}
