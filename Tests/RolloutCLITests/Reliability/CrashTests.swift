import Foundation
import RolloutCore
import RolloutStore
import XCTest

/// SIGKILL at many points of a large bulk action and of `init`: afterwards the
/// database opens, verifies, and holds the action wholly or not at all.
final class CrashTests: XCTestCase {
    private var cli: CLI!
    private var fixtures: URL!
    private let officeCount = 3000

    override func setUpWithError() throws {
        cli = try CLI(now: "2026-08-20T10:00:00+08:00")
        fixtures = cli.folder.appendingPathComponent("big")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Fixtures/yuzhong"), to: fixtures)
        let offices = (1...officeCount).map { "{\"id\": \"o\($0)\", \"name\": \"第\($0)街道\"}" }.joined(separator: ",\n")
        try "[\n\(offices)\n]\n".write(to: fixtures.appendingPathComponent("offices.json"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { cli.remove() }

    /// Kill points spread over the measured duration of one full run.
    private func killPoints(full: TimeInterval) -> [useconds_t] {
        (1...8).map { useconds_t(full * 1_000_000 * Double($0) / 9) }
    }

    private func timed(_ arguments: [String], db: String) throws -> TimeInterval {
        let start = Date()
        var copy = cli!
        copy.environment["ROLLOUT_DB"] = db
        try copy.expect(0, arguments)
        return Date().timeIntervalSince(start)
    }

    private func killed(_ arguments: [String], db: String, after delay: useconds_t) throws {
        var copy = cli!
        copy.environment["ROLLOUT_DB"] = db
        let started = try copy.start(arguments)
        usleep(delay)  // the crash injection point, not a wait for a result
        kill(started.0.processIdentifier, SIGKILL)
        _ = CLI.finish(started)
    }

    func testABulkActionKilledAtAnyPointIsWhollyThereOrWhollyAbsent() throws {
        let base = cli.folder.appendingPathComponent("base.sqlite").path
        try cli.expect(0, ["init", "--db", base, "--fixtures", fixtures.path, "--coordinator", "王敏"])
        try cli.expect(0, ["record", "guides_written", "--batch", "1", "--as", "王敏", "--db", base])
        let bulk = ["record", "staff_trained", "--batch", "1", "--office", "all", "--as", "王敏"]
        let reference = cli.folder.appendingPathComponent("reference.sqlite").path
        try FileManager.default.copyItem(atPath: base, toPath: reference)
        let full = try timed(bulk, db: reference)
        var outcomes: Set<Int> = []
        for (index, delay) in killPoints(full: full).enumerated() {
            let db = cli.folder.appendingPathComponent("kill-\(index).sqlite").path
            try FileManager.default.copyItem(atPath: base, toPath: db)
            try killed(bulk, db: db, after: delay)
            let store = try Store.open(path: db)
            let trained = try store.history(HistoryFilter(milestone: "staff_trained")).count
            XCTAssertTrue(trained == 0 || trained == officeCount, "kill \(index) after \(delay) µs left \(trained) of \(officeCount) entries")
            outcomes.insert(trained)
            let verification = try store.verify()
            XCTAssertTrue(verification.passed, "kill \(index): \(verification.failure?.description ?? "")")
        }
        XCTAssertTrue(outcomes.contains(0), "at least one kill landed before the commit")
    }

    func testInitKilledAtAnyPointLeavesNoHalfLoadedDatabase() throws {
        let reference = cli.folder.appendingPathComponent("reference.sqlite").path
        let arguments = ["init", "--fixtures", fixtures.path, "--coordinator", "王敏"]
        let full = try timed(arguments, db: reference)
        for (index, delay) in killPoints(full: full).enumerated() {
            let db = cli.folder.appendingPathComponent("init-\(index).sqlite").path
            try killed(arguments, db: db, after: delay)
            if FileManager.default.fileExists(atPath: db) {
                let store = try Store.open(path: db)
                XCTAssertEqual(store.plan.offices.count, officeCount)
                XCTAssertTrue(try store.verify().passed)
            } else {
                var copy = cli!
                copy.environment["ROLLOUT_DB"] = db
                try copy.expect(0, arguments)
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("init-\(index).sqlite.init-") }
                XCTAssertEqual(leftovers, [], "the killed init's temporary file is cleaned up by the next init")
            }
        }
    }
}
