import RolloutCore
import RolloutStore

/// What changed between two dates, as known now: per office, milestones
/// reached, blocks and problems; and the filter of the entries effective then.
package struct ChangesReport: Sendable {
    package let from: LocalDate
    package let to: LocalDate
    package let changes: [StateChanges.Change]
    /// The entries effective in the period (refusals left out by `eachEntry`).
    package let period: HistoryFilter
}

extension RolloutService {
    /// Changes effective from `from` to `to` (both YYYY-MM-DD, inclusive).
    package func changes(from: String, to: String) throws -> ChangesReport {
        let start = try TimeInput.date(from, field: .from), end = try TimeInput.date(to, field: .to)
        guard start <= end else { throw InputError(.from) { "\($0(.from)) \(start) is after \($0(.to)) \(end); expected an earlier or equal date" } }
        let dayBefore = LocalDate.fromDayNumber(start.dayNumber - 1)
        // Batch by batch, so that only one batch's tracks are in memory at a time.
        let changes = try plan.newBatches.flatMap { batch in
            StateChanges.between(
                try store.state(asOf: dayBefore, batches: [batch.id]), try store.state(asOf: end, batches: [batch.id]),
                plan: plan, in: batch)
        }
        return ChangesReport(from: start, to: end, changes: changes, period: HistoryFilter(effectiveFrom: start, effectiveTo: end))
    }

    /// The accepted entries of a changes report's period (refused attempts changed nothing).
    package func eachChangeEntry(_ report: ChangesReport, through: Int64?, _ body: (Entry) throws -> Void) throws {
        try eachEntry(report.period, through: through) { if $0.kind != .refused { try body($0) } }
    }
}

extension RolloutService {
    /// The accepted entries of a changes report's period, collected.
    package func changeEntries(_ report: ChangesReport) throws -> [Entry] {
        try store.history(report.period).filter { $0.kind != .refused }
    }
}
