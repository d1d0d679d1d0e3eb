import RolloutCore

/// Every milestone past its due date and not done on a date, most late first.
package struct OverdueReport: Sendable {
    /// The date lateness is measured on.
    package let date: LocalDate
    package let items: [OverdueList.Item]
}

extension RolloutService {
    /// What is overdue on `asOf` (YYYY-MM-DD; default today), the state as known now.
    package func overdue(asOf: String?, now: Timestamp) throws -> OverdueReport {
        let date = try asOf.map { try TimeInput.date($0, field: .asOf) } ?? moment(at: now).today
        return OverdueReport(date: date, items: OverdueList.items(plan: plan, outstanding: try store.outstanding(asOf: date), asOf: date))
    }

    /// What is overdue for a status request: on its date as known now, or as
    /// known at its recording time (`knownAt`), for its batches.
    package func overdue(_ request: StatusRequest, now: Timestamp) throws -> OverdueReport {
        let (state, date) = try stateAndDate(request, now: now)
        return OverdueReport(date: date, items: OverdueList.items(plan: plan, state: state, asOf: date))
    }
}
