import XCTest
@testable import RolloutCore

/// Drives the engine the way the store does, in memory: seals accepted drafts
/// into a chain and folds them into the state (refolding after corrections).
struct EngineHarness {
    let plan: Plan
    let engine: Engine
    var entries: [Entry] = []
    var state = RolloutState()
    var today = LocalDate(year: 2026, month: 11, day: 27)!

    static let coordinator = Person(name: "王敏", role: .coordinator, office: nil)
    static let jiefangbei = Person(name: "李娜", role: .office, office: "jiefangbei")
    static let daping = Person(name: "赵强", role: .office, office: "daping")
    static let auditor = Person(name: "审计员", role: .auditor, office: nil)

    init() throws {
        plan = try FixturePaths.yuzhongPlan()
        engine = Engine(plan: plan)
        append([engine.bootstrap(coordinator: Self.coordinator, today: today)])
        for person in [Self.jiefangbei, Self.daping, Self.auditor] {
            try act(.addPerson(name: person.name, role: person.role, office: person.office), as: Self.coordinator)
        }
    }

    /// Decides and applies; returns the decision.
    @discardableResult
    mutating func act(_ action: Action, as person: Person) throws -> Engine.Decision {
        let decision = try engine.decide(action, by: person, in: state, today: today)
        switch decision {
        case .accepted(let drafts): append(drafts)
        case .refused(_, let record): append([record])
        }
        return decision
    }

    private mutating func append(_ drafts: [EntryDraft]) {
        for draft in drafts {
            let entry = draft.sealed(
                seq: Int64(entries.count + 1), recordedAt: "2026-11-27T01:00:00Z", planVersion: plan.version,
                previousHash: entries.last?.hash ?? Entry.genesisHash, bulk: nil, idempotencyKey: nil)
            entries.append(entry)
        }
        state = Replay.state(of: entries)
    }

    func date(_ text: String) -> LocalDate { LocalDate(text)! }

    /// Records a milestone, asserting it is accepted.
    mutating func record(
        _ milestone: String, office: String?, batch: String = "batch1", on day: String, as person: Person,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let decision = try act(.record(milestone: milestone, batch: batch, office: office, effective: date(day), note: "", evidence: []), as: person)
        if case .refused(let refusal, _) = decision { XCTFail("\(milestone) refused: \(refusal.message)", file: file, line: line) }
    }

    /// Attempts an action and returns its refusal, failing when it was accepted.
    mutating func refusal(_ action: Action, as person: Person, file: StaticString = #filePath, line: UInt = #line) throws -> Refusal? {
        if case .refused(let refusal, _) = try act(action, as: person) { return refusal }
        XCTFail("expected a refusal", file: file, line: line)
        return nil
    }

    func recordAction(_ milestone: String, office: String?, batch: String = "batch1", on day: String) -> Action {
        .record(milestone: milestone, batch: batch, office: office, effective: date(day), note: "", evidence: [])
    }

    /// Brings jiefangbei's batch1 rollout live.
    mutating func bringJiefangbeiLive() throws {
        try record("guides_written", office: nil, on: "2026-08-10", as: Self.coordinator)
        try record("network_built", office: "jiefangbei", on: "2026-08-12", as: Self.jiefangbei)
        try record("permissions_granted", office: "jiefangbei", on: "2026-08-15", as: Self.coordinator)
        try record("staff_trained", office: "jiefangbei", on: "2026-08-20", as: Self.coordinator)
        try record("ready", office: "jiefangbei", on: "2026-08-28", as: Self.jiefangbei)
        try record("live", office: "jiefangbei", on: "2026-09-01", as: Self.coordinator)
    }

    func seq(of milestone: String, office: String?, batch: String = "batch1") -> Int64 {
        entries.last { $0.kind == .milestone && $0.milestone == milestone && $0.office == office && $0.batch == batch }?.seq ?? 0
    }
}
