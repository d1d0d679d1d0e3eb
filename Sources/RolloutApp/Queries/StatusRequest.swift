import RolloutCore
import RolloutStore

/// Which status boards to show, as typed: batches (default: those in
/// progress), and the state now, on a past date (`asOf`, effective axis) or as
/// the database held it at a past time (`knownAt`, recorded axis).
package struct StatusRequest: Sendable {
    package var batches: [String]
    package var asOf: String?
    package var knownAt: String?

    package init(batches: [String] = [], asOf: String? = nil, knownAt: String? = nil) {
        self.batches = batches
        self.asOf = asOf
        self.knownAt = knownAt
    }
}

extension RolloutService {
    /// The batches named, or nil for the default.
    func batches(named names: [String]) throws -> [Batch]? {
        names.isEmpty ? nil : try names.map { try self.names.batch($0) }
    }

    /// The whole state a request asks for, and the date it is judged on.
    package func stateAndDate(_ request: StatusRequest, now: Timestamp) throws -> (state: RolloutState, date: LocalDate) {
        let only = try batches(named: request.batches)?.map(\.id)
        if request.asOf != nil && request.knownAt != nil { throw InputError(.knownAt) { "use \($0(.asOf)) or \($0(.knownAt)), not both" } }
        if let asOf = request.asOf {
            let date = try TimeInput.date(asOf, field: .asOf)
            return (try store.state(asOf: date, batches: only), date)
        }
        if let knownAt = request.knownAt {
            let bound = try TimeInput.recordedBound(knownAt, field: .knownAt, plan: plan, endOfDay: true)
            // The bound's own date in the plan's time zone: 07:00+08:00 is judged against that day, not the UTC day before.
            return (try store.state(knownAt: bound.iso8601), try moment(at: bound).today)
        }
        return (try store.currentState(batches: only), try moment(at: now).today)
    }

    /// Every board a request asks for.
    package func boards(_ request: StatusRequest, now: Timestamp) throws -> [StatusBoard] {
        var boards: [StatusBoard] = []
        try eachBoard(request, now: now) { boards.append($0) }
        return boards
    }

    /// Hands over one board per batch named, else per batch in progress (every
    /// new batch when none is), in batch order. Current and effective-axis
    /// states are read one batch at a time, so at national scale only one
    /// batch's tracks and board are in memory at once.
    package func eachBoard(_ request: StatusRequest, now: Timestamp, _ body: (StatusBoard) throws -> Void) throws {
        guard request.knownAt == nil else {
            let (state, date) = try stateAndDate(request, now: now)
            let chosen = try batches(named: request.batches) ?? StatusBoard.batchesInProgress(plan: plan, state: state, asOf: date)
            for batch in chosen { try body(StatusBoard(plan: plan, state: state, batch: batch, asOf: date)) }
            return
        }
        let date = try request.asOf.map { try TimeInput.date($0, field: .asOf) } ?? moment(at: now).today
        func board(_ batch: Batch, onlyInProgress: Bool) throws -> StatusBoard? {
            let state = try request.asOf == nil ? store.currentState(batches: [batch.id]) : store.state(asOf: date, batches: [batch.id])
            guard !onlyInProgress || StatusBoard.isInProgress(batch, plan: plan, state: state, asOf: date) else { return nil }
            return StatusBoard(plan: plan, state: state, batch: batch, asOf: date)
        }
        if let named = try batches(named: request.batches) {
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
