import Foundation
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

/// Several real `rollout` processes writing to one database at once, on each engine.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentProcessesLoseNoUpdateAndNeverForkTheChain() throws {
        for engine in try TestEngine.available() {
            let cli = try CLI.withStaff(now: "2026-08-20T10:00:00+08:00", engine: engine)
            defer { cli.remove() }
            try concurrentProcessesLoseNoUpdate(cli)
        }
    }

    private func concurrentProcessesLoseNoUpdate(_ cli: CLI) throws {
        let store = try Store.open(path: cli.databasePath)
        let offices = store.plan.offices.map(\.id)
        var started: [(Process, Pipe, Pipe)] = []
        // Every office reports its network twice (a resubmission with the same key),
        // while a coordinator records the district-wide guides and blocks/unblocks one office.
        for office in offices {
            for _ in 0..<2 {
                started.append(
                    try cli.start([
                        "record", "network_built", "--batch", "1", "--office", office, "--as", "staff-\(office)",
                        "--key", "net-\(office)", "--note", "并发",
                    ]))
            }
        }
        started.append(try cli.start(["record", "guides_written", "--batch", "1", "--as", "张伟", "--key", "guides"]))
        started.append(try cli.start(["record", "guides_written", "--batch", "2", "--as", "王敏"]))
        let results = started.map(CLI.finish)
        for result in results { XCTAssertEqual(result.status, 0, result.stderr + result.stdout) }

        let entries = try store.allEntries()
        XCTAssertEqual(entries.map(\.seq), Array(1...Int64(entries.count)), "no gaps, no duplicates")
        for (previous, entry) in zip(entries, entries.dropFirst()) {
            XCTAssertEqual(entry.previousHash, previous.hash, "entry #\(entry.seq) links to #\(previous.seq)")
            XCTAssertEqual(entry.hash, entry.expectedHash)
        }
        let networks = entries.filter { $0.kind == .milestone && $0.milestone == "network_built" }
        XCTAssertEqual(networks.compactMap(\.office).sorted(), offices.sorted(), "each office's report exactly once")
        XCTAssertEqual(entries.filter { $0.milestone == "guides_written" && $0.kind == .milestone }.count, 2)
        let duplicates = results.filter { $0.stdout.hasPrefix("already recorded") }.count
        XCTAssertEqual(duplicates, offices.count, "every resubmission was recognised")
        XCTAssertEqual(try store.currentState(), try store.replayedState())
    }
}
