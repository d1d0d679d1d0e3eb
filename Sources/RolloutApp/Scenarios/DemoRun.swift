import RolloutCore
import RolloutScenarios
import RolloutStore

/// The demo, played into a fresh database: what it did and what it shows at its end.
package struct DemoRun: Sendable {
    package let service: RolloutService
    /// The date the demo stops at, and the moment its report is made.
    package let end: Moment
    /// Commands played, people registered, attempts refused (and recorded).
    package let commands: Int
    package let people: Int
    package let refused: Int
    /// Every new batch's board at the end.
    package let boards: [StatusBoard]
    package let overdue: [OverdueList.Item]
    package let verification: Verification
    package let report: ReportModel
}

extension RolloutService {
    /// Plays the realistic, deterministic Yuzhong rollout of `DemoScenario`
    /// into a new database at `location` (refused if it exists).
    package static func playDemo(into location: String) throws -> DemoRun {
        let plan = try PlanLoader.load(files: FixtureFiles.embedded)
        let scenario = DemoScenario(plan: plan)
        let steps = scenario.steps
        guard let first = steps.first else { throw InputError("the built-in plan cannot play the demo") }
        let store = try Store.create(
            path: location, plan: plan, coordinator: scenario.firstCoordinator, at: first.moment, replace: false, testClock: true)
        var refused = 0
        for step in steps {
            let state = try store.currentState()
            let actions = try DemoScenario.actions(for: step.instruction, effective: step.moment.today, state: state) { seq in
                guard let entry = try store.entries([seq]).first else { throw InputError("the demo names entry #\(seq), which does not exist") }
                return entry
            }
            let outcomes = try store.perform(actions, as: step.actor, at: step.moment)
            refused += outcomes.filter { if case .refused = $0.result { true } else { false } }.count
        }
        let end = Moment(recordedAt: "\(scenario.endDate)T10:00:00Z", today: scenario.endDate)
        let state = try store.currentState()
        let service = RolloutService(store: store)
        return DemoRun(
            service: service, end: end, commands: steps.count, people: state.people.count, refused: refused,
            boards: plan.newBatches.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: end.today) },
            overdue: OverdueList.items(plan: plan, state: state, asOf: end.today),
            verification: try store.verify(), report: try service.report(batches: [], at: end))
    }
}
