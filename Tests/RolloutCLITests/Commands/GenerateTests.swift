import Foundation
import XCTest

/// The hidden scale generator behind the benchmarks: its histories are real ones.
final class GenerateTests: XCTestCase {
    private var cli: CLI!

    override func setUpWithError() throws { cli = try CLI(now: "2026-12-31T10:00:00+08:00") }
    override func tearDown() { cli.remove() }

    func testAGeneratedHistoryVerifiesAndLooksLikeARollout() throws {
        let db = cli.folder.appendingPathComponent("scale.sqlite").path
        let result = try cli.expect(0, ["generate", "--db", db, "--offices", "60", "--districts", "3", "--batches", "2"])
        XCTAssertTrue(result.stdout.hasPrefix("Generated "), result.stdout)
        XCTAssertTrue(try cli.expect(0, ["audit", "verify", "--db", db]).stdout.contains("every entry legal when made"))
        // Every office is live in both batches; the early go-live attempts were refused and recorded.
        let status = try cli.expect(0, ["status", "--db", db, "--batch", "batch2"]).stdout
        XCTAssertTrue(status.contains("batch2: 60/60 live"), status)
        XCTAssertTrue(try cli.expect(0, ["refusals", "--db", db]).stdout.contains("needs ready"))
        try cli.expect(2, ["generate", "--db", db, "--offices", "60"])  // refuses to overwrite
    }

    func testTheOpenLastBatchLeavesTrainingToRecord() throws {
        let db = cli.folder.appendingPathComponent("open.sqlite").path
        try cli.expect(0, ["generate", "--db", db, "--offices", "40", "--districts", "2", "--batches", "1", "--open-last-batch"])
        let record = try cli.expect(0, ["record", "staff_trained", "--batch", "batch1", "--office", "all", "--as", "总协调员", "--db", db])
        XCTAssertTrue(record.stdout.contains("40 recorded, 0 refused"), record.stdout)
        try cli.expect(2, ["generate", "--db", cli.folder.appendingPathComponent("bad.sqlite").path, "--offices", "0"])
    }
}
