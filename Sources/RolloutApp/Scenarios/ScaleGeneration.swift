import RolloutCore
import RolloutScenarios
import RolloutStore

/// The size of a synthetic database built for the benchmarks.
package struct ScaleRequest: Sendable {
    package var offices: Int
    package var districts: Int
    package var batches: Int
    /// Stop the last batch after permissions_granted, leaving training to record.
    package var openLastBatch: Bool

    package init(offices: Int, districts: Int = 1, batches: Int = 5, openLastBatch: Bool = false) {
        self.offices = offices
        self.districts = districts
        self.batches = batches
        self.openLastBatch = openLastBatch
    }
}

extension RolloutService {
    /// Builds a synthetic database of `request.offices` offices with a full
    /// history at `location` (refused if it exists), through the real store code,
    /// batch by batch so that only one batch's actions are in memory at a time.
    package static func generate(_ request: ScaleRequest, into location: String) throws -> RolloutService {
        guard (1...1_000_000).contains(request.offices) else {
            throw InputError(.officeCount) { "invalid \($0(.officeCount)) \(request.offices); expected 1 to 1000000" }
        }
        guard (1...request.offices).contains(request.districts) else {
            throw InputError(.districtCount) { "invalid \($0(.districtCount)) \(request.districts); expected 1 to the number of offices" }
        }
        guard (1...6).contains(request.batches) else {
            throw InputError(.batchCount) { "invalid \($0(.batchCount)) \(request.batches); expected 1 to 6" }
        }
        let base = try PlanLoader.load(files: FixtureFiles.embedded)
        let scenario = ScaleScenario(
            base: base, offices: request.offices, districts: request.districts, batches: request.batches,
            openLastBatch: request.openLastBatch)
        let registration = scenario.registration
        let store = try Store.create(
            path: location, plan: scenario.plan, coordinator: scenario.coordinator, at: registration.moment, replace: false, testClock: true)
        func perform(_ step: ScaleScenario.Step) throws -> [Outcome] {
            try store.perform(step.requests.map { Store.Request(actor: $0.actor, action: $0.action) }, at: step.moment)
        }
        _ = try perform(registration)
        for batch in scenario.plan.newBatches {
            for step in scenario.steps(of: batch) {
                let outcomes = try perform(step)
                guard case .openProblem? = step.requests.first?.action else { continue }
                let opened = outcomes.compactMap { outcome -> (office: String, problem: Int64)? in
                    guard case .recorded(let entries) = outcome.result, let entry = entries.first, let office = entry.office else { return nil }
                    return (office, entry.seq)
                }
                if let resolutions = scenario.resolutions(batch: batch, openProblems: opened) { _ = try perform(resolutions) }
            }
        }
        return RolloutService(store: store)
    }
}
