/// What is not yet done, per batch and milestone: enough to list overdue work
/// without holding the whole state (at national scale, a million completions).
package struct Outstanding: Equatable, Sendable {
    /// Offices that have not reached a per-office milestone, by `key(batch, milestone)`.
    package var missing: [String: Set<String>]
    /// District-wide milestones done, as `key(batch, milestone)`.
    package var districtDone: Set<String>
    /// Offices whose rollout of a batch is blocked, by batch.
    package var blocked: [String: Set<String>]

    package init(missing: [String: Set<String>], districtDone: Set<String>, blocked: [String: Set<String>]) {
        self.missing = missing
        self.districtDone = districtDone
        self.blocked = blocked
    }

    /// The key of a (batch, milestone) pair.
    package static func key(_ batch: String, _ milestone: String) -> String { batch + "/" + milestone }

    /// Derives what is outstanding from a full state (for dates in the past).
    package init(plan: Plan, state: RolloutState) {
        var missing: [String: Set<String>] = [:], districtDone = Set<String>(), blocked: [String: Set<String>] = [:]
        for batch in plan.newBatches {
            for milestone in plan.milestones {
                let key = Outstanding.key(batch.id, milestone.id)
                if milestone.scope == .district {
                    if state.district[batch.id]?[milestone.id] != nil { districtDone.insert(key) }
                } else {
                    missing[key] = Set(plan.offices.map(\.id).filter { state.track(batch: batch.id, office: $0).completions[milestone.id] == nil })
                }
            }
            blocked[batch.id] = Set(plan.offices.map(\.id).filter { state.track(batch: batch.id, office: $0).block != nil })
        }
        self.init(missing: missing, districtDone: districtDone, blocked: blocked)
    }
}
