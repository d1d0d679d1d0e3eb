/// The office × milestone matrix of one batch on a date: what coordinators look at every morning.
package struct StatusBoard: Equatable, Sendable {
    package var batch: Batch
    package var asOf: LocalDate
    package var milestones: [Milestone]
    package var rows: [Row]

    /// One cell: a milestone at an office.
    package enum Cell: Equatable, Sendable {
        /// Done on this date, `daysLate` after its due date (0 when on time).
        case done(LocalDate, daysLate: Int)
        /// Not done, due on this date (not yet late).
        case due(LocalDate)
        /// Not done and past its due date by `days`.
        case overdue(due: LocalDate, days: Int)
        /// Not done and the office's rollout is blocked; `daysLate` > 0 once past due.
        case blocked(since: LocalDate, daysLate: Int)
        /// The milestone does not apply (the baseline batch).
        case notApplicable
    }

    /// What a cell says, without its dates: the names exports use.
    package enum CellState: String, Sendable {
        case done, due, overdue, blocked
        case notApplicable = "not_applicable"
    }

    /// One office's row.
    package struct Row: Equatable, Sendable {
        package var office: Office
        package var cells: [Cell]
        package var block: BlockChange?
        package var live: Bool
        package var openProblems: Int
    }

    package init(plan: Plan, state: RolloutState, batch: Batch, asOf: LocalDate) {
        self.batch = batch
        self.asOf = asOf
        milestones = plan.milestones
        let liveMilestone = plan.followUp.after
        let districtDone = state.district[batch.id] ?? [:]
        let dues = plan.milestones.map { plan.dueDate(of: $0, in: batch) }
        rows = plan.offices.map { office in
            let track = state.track(batch: batch.id, office: office.id)
            let cells: [Cell] = zip(plan.milestones, dues).map { milestone, due in
                if batch.alreadyLive { return .notApplicable }
                func late(_ date: LocalDate) -> Int { due.map { max(0, $0.days(until: date)) } ?? 0 }
                let completion = milestone.scope == .district ? districtDone[milestone.id] : track.completions[milestone.id]
                if let done = completion {
                    return .done(done.effective, daysLate: late(done.effective))
                }
                if milestone.scope == .office, let block = track.block { return .blocked(since: block.effective, daysLate: late(asOf)) }
                guard let due else { return .notApplicable }
                return asOf > due ? .overdue(due: due, days: due.days(until: asOf)) : .due(due)
            }
            return Row(
                office: office, cells: cells, block: track.block,
                live: batch.alreadyLive || track.completions[liveMilestone] != nil,
                openProblems: track.problems.values.filter { $0.resolution == nil }.count)
        }
    }

    package var liveCount: Int { rows.filter(\.live).count }
    package var blockedCount: Int { rows.filter { $0.block != nil }.count }
    package var openProblems: Int { rows.reduce(0) { $0 + $1.openProblems } }
    /// Offices with at least one milestone past due and not done (blocked ones included).
    package var overdueOffices: Int { rows.filter { $0.cells.contains(where: \.isOverdue) }.count }

    /// e.g. `batch2: 7/11 live, 3 offices overdue, 2 open problems, 1 blocked`.
    package var summary: String {
        "\(batch.id): \(liveCount)/\(rows.count) live, \(overdueOffices) \(overdueOffices == 1 ? "office" : "offices") overdue, \(openProblems) open \(openProblems == 1 ? "problem" : "problems"), \(blockedCount) blocked"
    }

    /// The batches worth showing by default on a date: started (prep month begun
    /// or anything recorded) and not yet live everywhere; all new batches when none is.
    package static func batchesInProgress(plan: Plan, state: RolloutState, asOf: LocalDate) -> [Batch] {
        let inProgress = plan.newBatches.filter { isInProgress($0, plan: plan, state: state, asOf: asOf) }
        return inProgress.isEmpty ? plan.newBatches : inProgress
    }

    /// Whether `batch` has started (its prep month has begun or anything was
    /// recorded) and is not yet live everywhere; `state` needs only its tracks.
    package static func isInProgress(_ batch: Batch, plan: Plan, state: RolloutState, asOf: LocalDate) -> Bool {
        let started =
            batch.prepMonth.flatMap { LocalDate(year: plan.year, month: $0, day: 1) }.map { asOf >= $0 } ?? false
            || state.district[batch.id] != nil || !state.tracks.tracks(inBatch: batch.id).isEmpty
        let allLive = plan.offices.allSatisfy { state.track(batch: batch.id, office: $0.id).completions[plan.followUp.after] != nil }
        return started && !allLive
    }
}

extension StatusBoard.Cell {
    /// The cell as plain values, the one mapping every rendering (text, CSV,
    /// JSON, HTML) starts from: `date` is when it was done, when it is (or
    /// was) due, or since when it is blocked; `daysLate` is 0 when not late.
    package var parts: (state: StatusBoard.CellState, date: LocalDate?, daysLate: Int) {
        switch self {
        case .done(let date, let late): (.done, date, late)
        case .due(let date): (.due, date, 0)
        case .overdue(let due, let days): (.overdue, due, days)
        case .blocked(let since, let late): (.blocked, since, late)
        case .notApplicable: (.notApplicable, nil, 0)
        }
    }

    /// How late the cell says it is, for the views that show it: nil for a
    /// cell without a date and for `due` (not late yet); the other dated
    /// cells always say, 0 when on time.
    package var statedLateness: Int? {
        let (state, date, late) = parts
        return date == nil || state == .due ? nil : late
    }

    /// Past its due date and not done.
    package var isOverdue: Bool {
        switch self {
        case .overdue: true
        case .blocked(_, let days): days > 0
        case .done, .due, .notApplicable: false
        }
    }
}
