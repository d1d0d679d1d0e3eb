import ArgumentParser
import Foundation
import RolloutCore
import RolloutStore

/// `rollout generate` (hidden): builds a synthetic database at district, city or
/// national scale through the real store code, for the benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Build a synthetic database of N offices with a full history (benchmarks; see docs/performance.md).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The database to create (refused if it exists).")
    var db: String

    @Option(name: .long, help: "Number of street offices.")
    var offices: Int

    @Option(name: .long, help: "Number of districts the offices are spread over.")
    var districts: Int = 1

    @Option(name: .long, help: "Number of new batches (1 to 6).")
    var batches: Int = 5

    @Flag(name: .customLong("open-last-batch"), help: "Stop the last batch after permissions_granted, leaving training to record.")
    var openLastBatch = false

    func run() throws {
        try reporting {
            guard (1...1_000_000).contains(offices) else { throw InputError("invalid --offices \(offices); expected 1 to 1000000") }
            guard (1...offices).contains(districts) else { throw InputError("invalid --districts \(districts); expected 1 to the number of offices") }
            guard (1...6).contains(batches) else { throw InputError("invalid --batches \(batches); expected 1 to 6") }
            let base = try PlanLoader.load(files: FixtureFiles.embedded)
            let scenario = ScaleScenario(base: base, offices: offices, districts: districts, batches: batches, openLastBatch: openLastBatch)
            let started = Date()
            let registration = scenario.registration
            let store = try Store.create(path: db, plan: scenario.plan, coordinator: scenario.coordinator, at: registration.moment, replace: false, testClock: true)
            func perform(_ step: ScaleScenario.Step) throws -> [Outcome] {
                try store.perform(step.requests.map { Store.Request(actor: $0.actor, action: $0.action) }, at: step.moment)
            }
            _ = try perform(registration)
            // Batch by batch: only one batch's actions are in memory at a time.
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
            let seconds = Date().timeIntervalSince(started)
            let count = try store.head().count
            print("Generated \(count) entries for \(offices) offices in \(districts) districts, \(batches) batches, in \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / max(seconds, 0.001))) entries/s).")
        }
    }
}
