import Foundation
import RolloutCore
import RolloutStore
import XCTest

/// A real full disk (a tiny tmpfs, see `TinyDisk`): every file `rollout`
/// writes and the database itself. The tool says the disk is full, exits 74,
/// leaves no partial file and loses nothing; once space is freed the same
/// command succeeds.
final class FullDiskTests: XCTestCase {
    private var cli: CLI!
    private var disk: TinyDisk?

    override func setUpWithError() throws {
        cli = try CLI.withStaff(now: "2026-08-20T10:00:00+08:00")
        disk = try TinyDisk(kibibytes: 2048)
    }

    override func tearDown() {
        disk?.unmount()
        cli?.remove()
    }

    private func fullDiskMessage(_ path: String) -> String {
        "rollout: no space left on device while writing \(path); nothing was written; free some space and try again\n"
    }

    func testEveryFileWriterOnAFullDiskSaysSoExits74AndLeavesNoPartialFile() throws {
        let disk = try XCTUnwrap(disk)
        let export = disk.path("audit.jsonl")
        try "an older export\n".write(toFile: export, atomically: false, encoding: .utf8)
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        try disk.fill()
        XCTAssertLessThan(disk.available, 4096, "the disk is full")
        let commands: [(arguments: [String], target: String)] = [
            (["audit", "export", export], export),
            (["report", "--html", disk.path("weekly.html")], disk.path("weekly.html")),
            (["backup", disk.path("backup.sqlite")], disk.path("backup.sqlite")),
            (["export", disk.path("exports")], disk.path("exports/status.csv")),
            (["init", "--test-clock", "--db", disk.path("new.sqlite"), "--coordinator", "王敏"], disk.path("new.sqlite")),
        ]
        for (arguments, target) in commands {
            let result = try cli.expect(74, arguments)
            XCTAssertEqual(result.stderr, fullDiskMessage(target), arguments.joined(separator: " "))
            XCTAssertEqual(try disk.contents(), ["audit.jsonl"], "no partial file after \(arguments.joined(separator: " "))")
            XCTAssertEqual(try String(contentsOfFile: export, encoding: .utf8), "an older export\n", "the older export is untouched")
        }
        disk.free()
        for (arguments, _) in commands { try cli.expect(0, arguments) }
        XCTAssertEqual(try disk.contents(), ["audit.jsonl", "backup.sqlite", "exports", "new.sqlite", "weekly.html"])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: disk.path("exports")).sorted(),
            ["catalog.csv", "catalog.json", "history.csv", "history.json", "problems.csv", "problems.json", "status.csv", "status.json"])
        try cli.expect(0, ["audit", "verify", "--file", export])
    }

    func testADatabaseOnAFullDiskRefusesTheWriteKeepsItsHistoryAndTakesTheNextWrite() throws {
        let disk = try XCTUnwrap(disk)
        var onDisk = cli!
        onDisk.environment["ROLLOUT_DB"] = disk.path("rollout.sqlite")
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: onDisk.databasePath)
        try onDisk.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏"])
        let before = try Store.open(path: onDisk.databasePath).head()
        let bulk = ["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "王敏", "--note", String(repeating: "长", count: 1900)]

        // Room to open the database (its WAL index), not for eleven long entries.
        try disk.fill(leaving: 48 * 1024)
        var result = try onDisk.expect(74, bulk)
        XCTAssertEqual(result.stderr, fullDiskMessage(onDisk.databasePath))
        // Not even room for the WAL index: refused as a full disk too, not as a "disk I/O error".
        disk.free()
        XCTAssertEqual(try Store.open(path: onDisk.databasePath).head(), before, "nothing committed was lost, nothing half-written")
        try disk.fill()
        result = try onDisk.expect(74, ["record", "guides_written", "--batch", "2", "--as", "王敏"])
        XCTAssertEqual(result.stderr, fullDiskMessage(onDisk.databasePath))

        disk.free()
        XCTAssertEqual(try Store.open(path: onDisk.databasePath).head(), before)
        try onDisk.expect(0, ["audit", "verify"])
        try onDisk.expect(0, bulk)
        XCTAssertEqual(try Store.open(path: onDisk.databasePath).head().count, before.count + 11, "the next write after space is freed succeeds")
        try onDisk.expect(0, ["check"])
    }
}
