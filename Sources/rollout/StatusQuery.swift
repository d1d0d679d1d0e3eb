import RolloutCore
import RolloutStore

/// Resolves the date, the state (current, effective-axis or recorded-axis) and the batches of a status-like command.
struct StatusQuery {
    let store: Store
    let asOf: String?
    let knownAt: String?
    let batches: [String]

    /// The batches named on the command line, or nil for all.
    func namedBatches() throws -> [Batch]? {
        let resolver = NameResolver(plan: store.plan)
        return batches.isEmpty ? nil : try batches.map { try resolver.batch($0) }
    }

    func stateAndDate() throws -> (RolloutState, LocalDate) {
        let plan = store.plan
        let only = try namedBatches()?.map(\.id)
        if asOf != nil && knownAt != nil { throw InputError("use --as-of or --known-at, not both") }
        if let asOf {
            let date = try TimeArguments.date(asOf, option: "--as-of")
            return (try store.state(asOf: date, batches: only), date)
        }
        if let knownAt {
            let bound = try TimeArguments.recordedBound(knownAt, option: "--known-at", plan: plan, endOfDay: true)
            let today = try Clock.moment(for: plan).today
            let date = LocalDate(String(bound.prefix(10))) ?? today
            return (try store.state(knownAt: bound), date)
        }
        return (try store.currentState(batches: only), try Clock.moment(for: plan).today)
    }

    func boards() throws -> [StatusBoard] {
        let plan = store.plan
        let (state, date) = try stateAndDate()
        let chosen = try namedBatches() ?? StatusBoard.batchesInProgress(plan: plan, state: state, asOf: date)
        return chosen.map { StatusBoard(plan: plan, state: state, batch: $0, asOf: date) }
    }
}
