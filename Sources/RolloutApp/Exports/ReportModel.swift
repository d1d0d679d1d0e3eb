import RolloutCore
import RolloutStore

/// What the weekly report shows: the boards of the chosen batches, the
/// overdue list, open problems and the verified audit head, on one day.
package struct ReportModel: Sendable {
    package let plan: Plan
    package let boards: [StatusBoard]
    package let overdue: [OverdueList.Item]
    package let problems: [ProblemRecord]
    package let verification: Verification
    /// When the report was made (ISO 8601 UTC).
    package let generatedAt: String
    package let asOf: LocalDate
}

extension RolloutService {
    /// The report of `batches` (default: every new batch) at `moment`.
    package func report(batches: [String], at moment: Moment) throws -> ReportModel {
        let chosen = try self.batches(named: batches) ?? plan.newBatches
        // One batch's tracks at a time, and the overdue list from index scans: the whole state is never loaded.
        let boards = try chosen.map { StatusBoard(plan: plan, state: try store.currentState(batches: [$0.id]), batch: $0, asOf: moment.today) }
        return ReportModel(
            plan: plan, boards: boards,
            overdue: OverdueList.items(plan: plan, outstanding: try store.outstanding(asOf: moment.today), asOf: moment.today),
            problems: try store.problems(openOnly: true),
            verification: try store.verify(), generatedAt: moment.recordedAt, asOf: moment.today
        )
    }

    /// The report of `batches` as of the clock reading `now`.
    package func report(batches: [String], now: Timestamp) throws -> ReportModel {
        try report(batches: batches, at: moment(at: now))
    }
}
