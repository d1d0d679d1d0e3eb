import Foundation
import RolloutCore
import RolloutStore
import TestSupport
import XCTest

/// The state on a past date is read from the current-state tables; these
/// tests hold it to its definition, a fold of the unreversed history entries
/// effective by that date, over random histories with corrections, blocks and problems.
final class AsOfTests: XCTestCase {
    private static let offices = ["jiefangbei", "daping", "chaotianmen", "shangqingsi"]

    /// The definition: every unreversed milestone, block change and problem entry
    /// effective by `date` (and the people register), folded in order.
    private func definition(_ entries: [Entry], asOf date: LocalDate, batches: [String]?) -> RolloutState {
        let reversed = Set(entries.filter { $0.kind == .correction }.compactMap(\.target))
        let tracked: Set<EntryKind> = [.milestone, .blocked, .unblocked, .problemOpened, .problemResolved]
        return Replay.state(
            of: entries.filter { entry in
                guard !reversed.contains(entry.seq) else { return false }
                if tracked.contains(entry.kind) {
                    return entry.effective <= date && (batches?.contains(entry.batch ?? "") ?? true)
                }
                return batches == nil && (entry.kind == .personAdded || entry.kind == .personRemoved)
            })
    }

    /// Plays `steps` random actions through the store, most of them allowed, some refused or invalid.
    private func playRandomHistory(_ store: Store, seed: UInt64, steps: Int) throws {
        var random = SeededGenerator(seed: seed)
        let coordinator = "王敏"
        _ = try store.perform(
            Self.offices.map { .addPerson(name: "staff-\($0)", role: .office, office: $0) }, as: coordinator,
            at: TemporaryStore.moment("2026-08-01"))
        var day = LocalDate("2026-08-01")!
        for _ in 0..<steps {
            if Int.random(in: 0..<3, using: &random) == 0 { day = LocalDate.fromDayNumber(day.dayNumber + 1) }
            let effective = LocalDate.fromDayNumber(day.dayNumber - Int.random(in: 0..<6, using: &random))
            let batch = ["batch1", "batch2"].randomElement(using: &random)!
            let office = Self.offices.randomElement(using: &random)!
            let entries = try store.allEntries()
            var actor = coordinator
            let action: Action
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                let milestone = ["guides_written", "network_built", "permissions_granted", "staff_trained", "ready", "live"].randomElement(
                    using: &random)!
                if milestone == "network_built" || milestone == "ready" { actor = "staff-\(office)" }
                action = .record(
                    milestone: milestone, batch: batch, office: milestone == "guides_written" ? nil : office,
                    effective: effective, note: "", evidence: [])
            case 5:
                action = .block(batch: batch, office: office, effective: effective, reason: "机房搬迁")
            case 6:
                action = .unblock(batch: batch, office: office, effective: effective, reason: "已恢复")
            case 7:
                actor = "staff-\(office)"
                action = .openProblem(batch: batch, office: office, effective: effective, note: "读卡器无法识别")
            case 8:
                guard let problem = entries.filter({ $0.kind == .problemOpened }).randomElement(using: &random) else { continue }
                action = .resolveProblem(
                    problem: problem.seq, batch: problem.batch ?? batch, office: problem.office ?? office,
                    effective: effective, note: "已更换")
            default:
                let correctable = entries.filter { $0.kind.isCorrectable }
                guard let target = correctable.randomElement(using: &random) else { continue }
                action = .correct(targets: [target], effective: effective, reason: "记错")
            }
            _ = try? store.perform([action], as: actor, at: TemporaryStore.moment(day.description))
        }
    }

    func testTheStateOnADateIsTheFoldOfTheUnreversedEntriesEffectiveByThen() throws {
        for engine in try TestEngine.available() {
            try theStateOnADateIsTheFold(on: engine)
        }
    }

    private func theStateOnADateIsTheFold(on engine: TestEngine) throws {
        for seed: UInt64 in [1, 2, 3] {
            let temporary = try TemporaryStore(engine: engine)
            defer { temporary.remove() }
            let store = temporary.store
            try playRandomHistory(store, seed: seed, steps: 300)
            let entries = try store.allEntries()
            XCTAssertGreaterThan(entries.filter { $0.kind == .correction }.count, 3, "the history exercises corrections (seed \(seed))")
            XCTAssertGreaterThan(entries.filter { $0.kind == .blocked }.count, 3, "the history exercises blocks (seed \(seed))")
            let last = entries.map(\.effective).max() ?? LocalDate("2026-08-01")!
            var date = LocalDate("2026-07-31")!
            while date <= last {
                XCTAssertEqual(try store.state(asOf: date), definition(entries, asOf: date, batches: nil), "\(engine) seed \(seed), \(date)")
                XCTAssertEqual(
                    try store.state(asOf: date, batches: ["batch2"]), definition(entries, asOf: date, batches: ["batch2"]),
                    "seed \(seed), \(date), batch2")
                let expected = OverdueList.items(plan: store.plan, state: definition(entries, asOf: date, batches: nil), asOf: date)
                XCTAssertEqual(
                    OverdueList.items(plan: store.plan, outstanding: try store.outstanding(asOf: date), asOf: date), expected,
                    "seed \(seed), overdue as of \(date)")
                date = LocalDate.fromDayNumber(date.dayNumber + 3)
            }
        }
    }
}
