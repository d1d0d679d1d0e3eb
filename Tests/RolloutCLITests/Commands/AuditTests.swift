import Foundation
import TestSupport
import RolloutCore
import RolloutStore
import XCTest

/// Auditors can trust the history without trusting us: verification, export,
/// an independent Python check, and tampering by raw SQL detected precisely.
final class AuditTests: XCTestCase {
    private var cli: CLI!

    /// Runs `body` on each engine, each time on a fresh history of batch one.
    private func onEachEngine(only engines: Set<TestEngine> = Set(TestEngine.allCases), _ body: () throws -> Void) throws {
        for engine in try TestEngine.available() where engines.contains(engine) {
            cli = try CLI(now: "2026-09-10T10:00:00+08:00", engine: engine)
            defer { cli.remove() }
            try Scenario.playBatchOne(cli)
            do {
                try body()
            } catch {
                XCTFail("on \(engine.rawValue): \(error)")
                throw error
            }
        }
    }

    private func tamper(_ sql: String...) throws { try cli.tamper(sql) }

    private func verifyFails(_ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try cli.run(["audit", "verify"] + arguments)
        XCTAssertEqual(result.status, 5, result.stdout + result.stderr, file: file, line: line)
        XCTAssertTrue(result.stdout.hasPrefix("VERIFICATION FAILED"), result.stdout, file: file, line: line)
        return result.stdout
    }

    /// Runs the independent Python verifier; returns its exit status and standard output.
    private func pythonVerify(_ export: String, expectHead head: String) throws -> (Int32, String) {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", CLI.repository.appendingPathComponent("docs/verify_export.py").path, export, "--expect-head", head]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        return (python.terminationStatus, text)
    }

    private func head() throws -> String { try Store.open(path: cli.databasePath).head().hash }

    func testAnHonestHistoryVerifiesAndPrintsItsHead() throws {
        try onEachEngine {
            let result = try cli.expect(0, ["audit", "verify"])
            let head = try head()
            XCTAssertTrue(result.stdout.contains("Verified 31 entries"), result.stdout)
            XCTAssertTrue(result.stdout.contains("Head: \(head)"))
            try cli.expect(0, ["audit", "verify", "--expect-head", String(head.prefix(16))])
            let json = try cli.expect(0, ["audit", "verify", "--json"]).stdout
            XCTAssertTrue(json.contains("\"passed\" : true"), json)
        }
    }

    func testAChangedFieldIsNamed() throws {
        try onEachEngine {
            try tamper("UPDATE entries SET note = '改过' WHERE seq = 8")
            let report = try verifyFails()
            XCTAssertTrue(
                report.contains("entry #8: its hash does not match its content: a field of this entry was changed after it was written"), report)
            XCTAssertTrue(report.contains("Checked 7 entries before the failure"), report)
        }
    }

    func testTheFirstOfTwoChangedEntriesIsNamedWhicheverThreadChecksIt() throws {
        try onEachEngine {
            // Verification checks every third entry's content on the replay thread, the others on the reading thread.
            try tamper("UPDATE entries SET note = '改过' WHERE seq IN (9, 10)")
            var report = try verifyFails()
            XCTAssertTrue(report.contains("entry #9: its hash does not match its content"), report)
            XCTAssertTrue(report.contains("Checked 8 entries before the failure"), report)
            try tamper("UPDATE entries SET note = '改过' WHERE seq = 7")
            report = try verifyFails()
            XCTAssertTrue(report.contains("entry #7: its hash does not match its content"), report)
        }
    }

    func testADeletedEntryIsNamed() throws {
        try onEachEngine {
            try tamper("DELETE FROM entries WHERE seq = 12")
            let report = try verifyFails()
            XCTAssertTrue(report.contains("entry #13: entry #12 is missing: entries were deleted or the history was cut"), report)
        }
    }

    func testAnUnreadableEntryIsNamed() throws {
        try onEachEngine {
            try tamper("UPDATE entries SET detail = 'not json' WHERE seq = 5")
            let report = try verifyFails()
            XCTAssertTrue(report.contains("entry #5: it cannot be read: its detail is not what the schema allows"), report)
        }
    }

    func testTwoSwappedEntriesAreDetected() throws {
        try onEachEngine {
            try tamper(
                "UPDATE entries SET seq = 100000 WHERE seq = 8", "UPDATE entries SET seq = 8 WHERE seq = 9",
                "UPDATE entries SET seq = 9 WHERE seq = 100000")
            let report = try verifyFails()
            XCTAssertTrue(report.contains("entry #8: its previous_hash") || report.contains("entry #8: its hash does not match"), report)
        }
    }

    func testAForgedEntryWithAValidHashIsCaughtByTheReplay() throws {
        try onEachEngine {
            // The attacker appends a go-live for daping, hashes it correctly and links it to the head.
            let store = try Store.open(path: cli.databasePath)
            let last = try XCTUnwrap(store.allEntries().last)
            let forged = EntryDraft(
                kind: .milestone, batch: "batch1", office: "daping", milestone: "live", actor: "王敏", actorRole: .coordinator,
                effective: last.effective
            )
            .sealed(
                seq: last.seq + 1, recordedAt: last.recordedAt, planVersion: last.planVersion, previousHash: last.hash, bulk: nil,
                idempotencyKey: nil,
                identity: Identity(login: "王敏", authentication: .cli))
            try tamper(
                """
                INSERT INTO entries (\(["seq", "kind", "batch_id", "office_id", "milestone_id", "actor", "actor_role", "effective", "recorded_at", "note", "evidence", "detail", "plan_version", "previous_hash", "hash", "actor_login", "auth"].joined(separator: ", ")))
                VALUES (\(forged.seq), 'milestone', 'batch1', 'daping', 'live', '王敏', 'coordinator', '\(last.effective)', '\(forged.recordedAt)', '', '[]', '{}', '\(forged.planVersion)', '\(forged.previousHash)', '\(forged.hash)', '王敏', 'cli')
                """)
            let report = try verifyFails()
            XCTAssertTrue(
                report.contains(
                    "entry #\(forged.seq): it records milestone live that the rules refuse at that point: live for 大坪街道 (daping) in batch1 needs ready"
                ),
                report)
        }
    }

    func testATruncatedTailIsCaughtWithTheNotedHead() throws {
        try onEachEngine {
            let noted = try head()
            try tamper("DELETE FROM entries WHERE seq > 28")
            let report = try verifyFails(["--expect-head", noted])
            XCTAssertTrue(
                report.contains(
                    "the current-state tables disagree with the history: office_completions: batch1/daping/permissions_granted is stored as not done but the history says done by entry #11"
                ), report)
            // The attacker also makes the state tables agree with the shortened history: the noted head still catches it.
            try tamper(
                "INSERT INTO office_completions VALUES ('batch1', 'daping', 'permissions_granted', 11, '2026-08-07')",
                "UPDATE problems SET resolved_seq = NULL, resolved = NULL, resolution = NULL",
                "DELETE FROM block_changes WHERE entry_seq > 28")
            try cli.expect(0, ["audit", "verify"])
            let again = try verifyFails(["--expect-head", noted])
            XCTAssertTrue(again.contains("after 28 entries, not the expected \(noted.prefix(16)): the history was rewritten or truncated"), again)
        }
    }

    func testAWholeChainRecomputedAfterAnEditIsCaughtWithTheNotedHead() throws {
        try onEachEngine {
            let noted = try head()
            let store = try Store.open(path: cli.databasePath)
            var entries = try store.allEntries()
            var statements: [String] = []
            var previous = entries[6].hash
            for index in 7..<entries.count {
                var draft = EntryDraft(entries[index])
                if index == 7 { draft.note = "篡改后的说明" }
                let original = entries[index]
                let identity = original.actorLogin.map { Identity(login: $0, authentication: Authentication(rawValue: original.auth ?? "") ?? .cli) }
                entries[index] = draft.sealed(
                    seq: original.seq, recordedAt: original.recordedAt, planVersion: original.planVersion,
                    previousHash: previous, bulk: original.bulk, idempotencyKey: original.idempotencyKey, identity: identity)
                previous = entries[index].hash
                statements.append(
                    "UPDATE entries SET note = '\(entries[index].note)', previous_hash = '\(entries[index].previousHash)', hash = '\(entries[index].hash)' WHERE seq = \(entries[index].seq)"
                )
            }
            try tamper(statements.joined(separator: ";\n"))
            try cli.expect(0, ["audit", "verify"])
            let report = try verifyFails(["--expect-head", noted])
            XCTAssertTrue(
                report.contains("not the expected \(noted.prefix(16)): the history was rewritten or truncated since that head was noted"), report)
        }
    }

    func testAHeadWitnessedWhenTheHistoryWasShorterIsCheckedAfterItGrows() throws {
        try onEachEngine {
            let noted = try Store.open(path: cli.databasePath).head()
            let witnessed = "\(noted.count):\(noted.hash)"
            let reminder = try cli.expect(0, ["remind", "--dry-run"]).stdout
            XCTAssertTrue(reminder.contains("--expect-head \(witnessed)`"), "the coordinators' digest carries it: \(reminder)")
            try cli.expect(0, ["record", "guides_written", "--batch", "2", "--as", "王敏"])
            try cli.expect(0, ["audit", "verify", "--expect-head", witnessed])
            try cli.expect(0, ["audit", "verify", "--expect-head", "\(noted.count):\(noted.hash.prefix(8))"])
            XCTAssertTrue(try verifyFails(["--expect-head", noted.hash]).contains("not the expected"), "the plain form checks the head now")
            let export = cli.folder.appendingPathComponent("grown.jsonl").path
            try cli.expect(0, ["audit", "export", export])
            try cli.expect(0, ["audit", "verify", "--file", export, "--expect-head", witnessed])
            XCTAssertEqual(try pythonVerify(export, expectHead: witnessed).0, 0)

            let truncated = try verifyFails(["--expect-head", "\(noted.count + 5):\(noted.hash)"])
            XCTAssertTrue(truncated.contains("fewer than the \(noted.count + 5) noted"), truncated)
            let rewritten = try verifyFails(["--expect-head", "\(noted.count - 1):\(noted.hash)"])
            XCTAssertTrue(rewritten.contains("the history up to it was rewritten since that head was noted"), rewritten)
            XCTAssertEqual(try pythonVerify(export, expectHead: "\(noted.count - 1):\(noted.hash)").0, 1)
            try cli.expect(2, ["audit", "verify", "--expect-head", "0:\(noted.hash)"])
        }
    }

    func testAnEditedCurrentStateTableIsNamed() throws {
        try onEachEngine {
            try tamper("DELETE FROM office_completions WHERE batch_id = 'batch1' AND office_id = 'jiefangbei' AND milestone_id = 'ready'")
            let report = try verifyFails()
            XCTAssertTrue(
                report.contains(
                    "the current-state tables disagree with the history: office_completions: batch1/jiefangbei/ready is stored as not done but the history says done by entry #"
                ), report)
        }
    }

    func testADatabaseOfThePreviousReleaseGrowsInFormatTwoAndBothVerifiersAcceptTheWhole() throws {
        // It removes the database file.
        try onEachEngine(only: [.sqlite]) {
            // Release 1's history (format 1, schema 5), migrated on open, then written to by this release (format 2).
            try FileManager.default.removeItem(atPath: cli.databasePath)
            try FileManager.default.copyItem(
                atPath: CLI.repository.appendingPathComponent("Fixtures/compat/release-1.sqlite").path, toPath: cli.databasePath)
            var real: CLI = cli
            real.environment["ROLLOUT_NOW"] = nil
            try real.expect(0, ["problem", "open", "--batch", "2", "--office", "lianglukou", "--note", "新问题", "--as", "周婷"])
            let export = cli.folder.appendingPathComponent("mixed.jsonl").path
            try real.expect(0, ["audit", "export", export])
            let lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")
            XCTAssertFalse(lines[lines.count - 3].contains("actor_login"), "entry #144 was written by release 1")
            XCTAssertTrue(lines[lines.count - 2].contains(#""actor_login":"周婷","actor_role":"office","auth":"cli""#), String(lines[lines.count - 2]))
            let head = try head()
            XCTAssertTrue(try real.expect(0, ["audit", "verify", "--file", export, "--expect-head", head]).stdout.contains("Verified 145 entries"))
            let (status, text) = try pythonVerify(export, expectHead: head)
            XCTAssertEqual(status, 0, text)
            XCTAssertEqual(text, "verified 145 entries\nhead \(head)\n")
        }
    }

    func testInspectingAnOlderDatabaseChangesNothingAndSaysItNeedsAnUpgrade() throws {
        // It replaces the database file.
        try onEachEngine(only: [.sqlite]) {
            try FileManager.default.removeItem(atPath: cli.databasePath)
            try FileManager.default.copyItem(
                atPath: CLI.repository.appendingPathComponent("Fixtures/compat/release-1.sqlite").path, toPath: cli.databasePath)
            let before = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
            for command in [["check"], ["audit", "verify"], ["status"], ["history"]] {
                let refused = try cli.expect(2, command)
                XCTAssertTrue(refused.stderr.contains("has schema version 5 and this rollout reads version"), refused.stderr)
                XCTAssertTrue(refused.stderr.contains("nothing was changed; upgrade it (or a copy of it) with `rollout db upgrade"), refused.stderr)
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cli.databasePath)), before, "the file is byte for byte as it was")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.databasePath + "-wal"), "not even switched to WAL")

            XCTAssertTrue(try cli.expect(0, ["db", "upgrade"]).stdout.hasPrefix("Upgraded \(cli.databasePath) from schema version 5 to "))
            XCTAssertTrue(try cli.expect(0, ["db", "upgrade"]).stdout.contains("already at this rollout's schema"))
            try cli.expect(0, ["check"])
        }
    }

    func testTheExportVerifiesWithoutTheDatabaseAndWithPython() throws {
        // It removes the database file.
        try onEachEngine(only: [.sqlite]) {
            let export = cli.folder.appendingPathComponent("audit.jsonl").path
            try cli.expect(0, ["audit", "export", export])
            let head = try head()
            try FileManager.default.removeItem(atPath: cli.databasePath)
            let result = try cli.expect(0, ["audit", "verify", "--file", export, "--expect-head", head])
            XCTAssertTrue(result.stdout.contains("Verified 31 entries"), result.stdout)

            let (status, text) = try pythonVerify(export, expectHead: head)
            XCTAssertEqual(status, 0, text)
            XCTAssertEqual(text, "verified 31 entries\nhead \(head)\n")

            // A changed line in the export is caught by both.
            var lines = try String(contentsOfFile: export, encoding: .utf8).components(separatedBy: "\n")
            lines[10] = lines[10].replacingOccurrences(of: "\"note\":\"\"", with: "\"note\":\"x\"")
            try lines.joined(separator: "\n").write(toFile: export, atomically: true, encoding: .utf8)
            let tampered = try cli.run(["audit", "verify", "--file", export])
            XCTAssertEqual(tampered.status, 5, tampered.stdout)
            XCTAssertTrue(tampered.stdout.contains("its hash does not match its content"), tampered.stdout)

            // A line that lost a field, or holds one of the wrong type, is named with its line number.
            lines[10] = lines[10].replacingOccurrences(of: "\"note\":\"x\",", with: "")
            lines[12] = lines[12].replacingOccurrences(of: "\"seq\":", with: "\"seq\":\"x\",\"was\":")
            try lines.joined(separator: "\n").write(toFile: export, atomically: true, encoding: .utf8)
            let broken = try cli.run(["audit", "verify", "--file", export])
            XCTAssertEqual(broken.status, 5, broken.stdout)
            XCTAssertTrue(
                broken.stdout.contains(
                    "export line 11: an entry line lacks a field or has a wrong type (field \"note\" is missing or has a wrong type)"),
                broken.stdout)
        }
    }

    func testAnEntryWithoutItsLoginAfterOneWithItIsCaught() throws {
        try onEachEngine {
            // Stripping actor_login and auth (and re-hashing) would dodge the recording-time check; the format never goes back.
            let store = try Store.open(path: cli.databasePath)
            let last = try XCTUnwrap(store.allEntries().last)
            let forged = EntryDraft(
                kind: .milestone, batch: "batch1", office: "daping", milestone: "live", actor: "王敏", actorRole: .coordinator,
                effective: LocalDate("2026-09-05")!
            )
            .sealed(
                seq: last.seq + 1, recordedAt: "2026-07-01T02:00:00Z", planVersion: last.planVersion, previousHash: last.hash, bulk: nil,
                idempotencyKey: nil)
            try tamper(
                """
                INSERT INTO entries (\(["seq", "kind", "batch_id", "office_id", "milestone_id", "actor", "actor_role", "effective", "recorded_at", "note", "evidence", "detail", "plan_version", "previous_hash", "hash"].joined(separator: ", ")))
                VALUES (\(forged.seq), 'milestone', 'batch1', 'daping', 'live', '王敏', 'coordinator', '2026-09-05', '2026-07-01T02:00:00Z', '', '[]', '{}', '\(forged.planVersion)', '\(forged.previousHash)', '\(forged.hash)')
                """)
            let report = try verifyFails()
            XCTAssertTrue(
                report.contains("entry #\(forged.seq): it has no actor_login, but entry #1 before it has: the entry format never goes back"), report)
        }
    }
}
