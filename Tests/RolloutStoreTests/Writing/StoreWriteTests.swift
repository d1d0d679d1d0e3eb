import Foundation
import GRDB
import XCTest
import RolloutCore
@testable import RolloutStore

/// Writes through the real store, on a real SQLite file and a real PostgreSQL database.
final class StoreWriteTests: XCTestCase, EngineParameterised {
    var temporary: TemporaryStore!
    private var store: Store { temporary.store }

    private func record(_ milestone: String, office: String?, on day: String, batch: String = "batch1") -> Action {
        .record(milestone: milestone, batch: batch, office: office, effective: LocalDate(day)!, note: "", evidence: [])
    }

    func testAcceptedAndRefusedActionsAreBothChainedEntries() throws {
        try onEachEngine {
            let outcomes = try store.perform(
                [record("network_built", office: "jiefangbei", on: "2026-08-05")], as: "李娜", at: TemporaryStore.moment("2026-08-05"))
            guard case .recorded(let entries) = outcomes.first?.result else { return XCTFail("\(outcomes)") }
            XCTAssertEqual(entries.map(\.seq), [5])
            let refused = try store.perform(
                [record("network_built", office: "daping", on: "2026-08-05")], as: "李娜", at: TemporaryStore.moment("2026-08-05"))
            guard case .refused(let refusal, let entry) = refused.first?.result else { return XCTFail("\(refused)") }
            XCTAssertEqual(refusal.reason, .wrongOffice)
            XCTAssertEqual(entry.seq, 6)
            let all = try store.allEntries()
            XCTAssertEqual(all.map(\.seq), Array(1...6))
            for (previous, entry) in zip(all, all.dropFirst()) { XCTAssertEqual(entry.previousHash, previous.hash) }
            XCTAssertTrue(all.allSatisfy { $0.hash == $0.expectedHash && $0.planVersion == store.plan.version })
            XCTAssertNil(try store.currentState().track(batch: "batch1", office: "daping").completions["network_built"])
        }
    }

    func testABulkActionSharesOneBulkIdAndADryRunWritesNothing() throws {
        try onEachEngine {
            let moment = TemporaryStore.moment("2026-08-10")
            _ = try store.perform([record("guides_written", office: nil, on: "2026-08-09")], as: "王敏", at: moment)
            let actions = store.plan.offices.map { record("staff_trained", office: $0.id, on: "2026-08-10") }
            let before = try store.head()
            let dry = try store.perform(actions, as: "王敏", at: moment, options: WriteOptions(dryRun: true))
            XCTAssertEqual(dry.count, 11)
            XCTAssertEqual(try store.head(), before)
            let outcomes = try store.perform(actions, as: "王敏", at: moment)
            let bulkIDs = Set(
                outcomes.compactMap { outcome -> String? in
                    if case .recorded(let entries) = outcome.result { return entries.first?.bulk } else { return nil }
                })
            XCTAssertEqual(bulkIDs, ["bulk-\(before.count + 1)"])
            XCTAssertEqual(try store.currentState().tracks.filter { $0.value.completions["staff_trained"] != nil }.count, 11)
        }
    }

    func testAResubmittedReportWithTheSameKeyIsRecordedOnce() throws {
        try onEachEngine {
            let action = record("network_built", office: "jiefangbei", on: "2026-08-05")
            let options = WriteOptions(idempotencyKey: "jfb-network-1")
            _ = try store.perform([action], as: "李娜", at: TemporaryStore.moment("2026-08-05"), options: options)
            let again = try store.perform([action], as: "李娜", at: TemporaryStore.moment("2026-08-06"), options: options)
            guard case .duplicate(let existing) = again.first?.result else { return XCTFail("\(again)") }
            XCTAssertEqual(existing.seq, 5)
            XCTAssertEqual(try store.head().count, 5)
            XCTAssertThrowsError(
                try store.perform(
                    [record("ready", office: "jiefangbei", on: "2026-08-05")], as: "李娜",
                    at: TemporaryStore.moment("2026-08-06"), options: options)
            ) { error in
                XCTAssertEqual(error as? StoreError, .idempotencyConflict(key: "jfb-network-1", existing: 5))
            }
        }
    }

    func testAnExpectationThatNoLongerHoldsRefusesTheWriteAndWritesNothing() throws {
        try onEachEngine {
            let head = try store.head()
            _ = try store.perform([record("network_built", office: "daping", on: "2026-08-05")], as: "赵强", at: TemporaryStore.moment("2026-08-05"))
            let stale = WriteOptions(expect: .count(head.count))
            XCTAssertThrowsError(
                try store.perform(
                    [record("network_built", office: "jiefangbei", on: "2026-08-05")], as: "李娜",
                    at: TemporaryStore.moment("2026-08-05"), options: stale)
            ) { error in
                guard case .stale = error as? StoreError else { return XCTFail("\(error)") }
            }
            XCTAssertEqual(try store.head().count, head.count + 1)
            let fresh = try store.head()
            _ = try store.perform(
                [record("network_built", office: "jiefangbei", on: "2026-08-05")], as: "李娜",
                at: TemporaryStore.moment("2026-08-05"), options: WriteOptions(expect: .head(String(fresh.hash.prefix(8)))))
        }
    }

    func testUnknownPeopleAndInvalidActionsWriteNothing() throws {
        try onEachEngine {
            let head = try store.head()
            XCTAssertThrowsError(
                try store.perform([record("network_built", office: "daping", on: "2026-08-05")], as: "陌生人", at: TemporaryStore.moment("2026-08-05")))
            XCTAssertThrowsError(
                try store.perform([record("network_built", office: "daping", on: "2026-08-09")], as: "赵强", at: TemporaryStore.moment("2026-08-05")))
            XCTAssertEqual(try store.head(), head)
        }
    }

    func testTheStoredStateAlwaysEqualsAReplayOfTheHistory() throws {
        try onEachEngine {
            let coordinator = "王敏"
            func act(_ actions: [Action], as person: String, on day: String) throws {
                _ = try store.perform(actions, as: person, at: TemporaryStore.moment(day))
            }
            try act([record("guides_written", office: nil, on: "2026-08-03")], as: coordinator, on: "2026-08-03")
            try act([record("network_built", office: "jiefangbei", on: "2026-08-04")], as: "李娜", on: "2026-08-04")
            try act([record("network_built", office: "daping", on: "2026-08-04")], as: "赵强", on: "2026-08-04")
            try act(["jiefangbei", "daping"].map { record("permissions_granted", office: $0, on: "2026-08-05") }, as: coordinator, on: "2026-08-05")
            try act(["jiefangbei", "daping"].map { record("staff_trained", office: $0, on: "2026-08-06") }, as: coordinator, on: "2026-08-06")
            try act([record("ready", office: "jiefangbei", on: "2026-08-07")], as: "李娜", on: "2026-08-07")
            try act([record("live", office: "jiefangbei", on: "2026-09-01")], as: coordinator, on: "2026-09-01")
            try act(
                [.openProblem(batch: "batch1", office: "jiefangbei", effective: LocalDate("2026-09-02")!, note: "读卡器无法识别")], as: "李娜",
                on: "2026-09-02")
            try act(
                [.block(batch: "batch1", office: "daping", effective: LocalDate("2026-09-02")!, reason: "网络中断")], as: coordinator, on: "2026-09-02")
            XCTAssertEqual(try store.currentState(), try store.replayedState())
            // A correction with dependants refolds the slice.
            let entries = try store.allEntries()
            let daping = entries.filter {
                $0.office == "daping" && $0.kind == .milestone && ["network_built", "permissions_granted"].contains($0.milestone)
            }
            try act([.correct(targets: daping, effective: LocalDate("2026-09-03")!, reason: "记错街道")], as: coordinator, on: "2026-09-03")
            let state = try store.currentState()
            XCTAssertEqual(state, try store.replayedState())
            XCTAssertEqual(Set(state.track(batch: "batch1", office: "daping").completions.milestones), ["staff_trained"])
            XCTAssertEqual(state.track(batch: "batch1", office: "daping").block?.reason, "网络中断")
            XCTAssertEqual(state.track(batch: "batch1", office: "jiefangbei").problems.count, 1)
        }
    }
}
