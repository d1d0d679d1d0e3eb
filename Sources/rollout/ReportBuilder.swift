import Foundation
import RolloutCore
import RolloutStore

/// Gathers what the report shows, and writes it.
enum ReportBuilder {
    static func build(store: Store, moment: Moment, batches: [String]) throws -> HTMLReport {
        let plan = store.plan
        let resolver = NameResolver(plan: plan)
        let chosen = batches.isEmpty ? plan.newBatches : try batches.map { try resolver.batch($0) }
        // One batch's tracks at a time, and the overdue list from index scans: the whole state is never loaded.
        let boards = try chosen.map { StatusBoard(plan: plan, state: try store.currentState(batches: [$0.id]), batch: $0, asOf: moment.today) }
        return HTMLReport(
            plan: plan, boards: boards,
            overdue: OverdueList.items(plan: plan, outstanding: try store.outstanding(asOf: moment.today), asOf: moment.today),
            problems: try store.problems(openOnly: true),
            verification: try store.verify(), generatedAt: moment.recordedAt, asOf: moment.today
        )
    }

    /// Writes the page through the shared atomic-write routine (`-` is standard output).
    static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(path, text: text)
    }
}
