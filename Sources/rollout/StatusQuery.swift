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
            let today = try Clock.moment(for: store).today
            let date = LocalDate(String(bound.prefix(10))) ?? today
            return (try store.state(knownAt: bound), date)
        }
        return (try store.currentState(batches: only), try Clock.moment(for: store).today)
    }

    /// Every board, collected.
    func boards() throws -> [StatusBoard] {
        var boards: [StatusBoard] = []
        try eachBoard { boards.append($0) }
        return boards
    }

    /// Hands over one board per batch named, else per batch in progress (every
    /// new batch when none is), in batch order. Current and effective-axis
    /// states are read one batch at a time, so at national scale only one
    /// batch's tracks and board are in memory at once.
    func eachBoard(_ body: (StatusBoard) throws -> Void) throws {
        let plan = store.plan
        guard knownAt == nil else {
            let (state, date) = try stateAndDate()
            let chosen = try namedBatches() ?? StatusBoard.batchesInProgress(plan: plan, state: state, asOf: date)
            for batch in chosen { try body(StatusBoard(plan: plan, state: state, batch: batch, asOf: date)) }
            return
        }
        let date = try asOf.map { try TimeArguments.date($0, option: "--as-of") } ?? Clock.moment(for: store).today
        func board(_ batch: Batch, onlyInProgress: Bool) throws -> StatusBoard? {
            let state = try asOf == nil ? store.currentState(batches: [batch.id]) : store.state(asOf: date, batches: [batch.id])
            guard !onlyInProgress || StatusBoard.isInProgress(batch, plan: plan, state: state, asOf: date) else { return nil }
            return StatusBoard(plan: plan, state: state, batch: batch, asOf: date)
        }
        if let named = try namedBatches() {
            for batch in named { try board(batch, onlyInProgress: false).map(body) }
            return
        }
        var anyInProgress = false
        for batch in plan.newBatches {
            guard let board = try board(batch, onlyInProgress: true) else { continue }
            anyInProgress = true
            try body(board)
        }
        if !anyInProgress {
            for batch in plan.newBatches { try board(batch, onlyInProgress: false).map(body) }
        }
    }
}
