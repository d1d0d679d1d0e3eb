/// What changed between two states, office by office: milestones reached or
/// withdrawn, blocks, problems opened or resolved.
package enum StateChanges {
    /// One office's (or the district's) changes in one batch.
    package struct Change: Equatable, Sendable {
        package var batch: String
        /// nil for district-wide milestones.
        package var office: String?
        package var description: String
    }

    /// The changes of one batch between two states, which need only its tracks.
    package static func between(_ before: RolloutState, _ after: RolloutState, plan: Plan, in batch: Batch) -> [Change] {
        var changes: [Change] = []
        for milestone in plan.milestones where milestone.scope == .district {
            if let line = compare(milestone.id, before.district[batch.id]?[milestone.id], after.district[batch.id]?[milestone.id]) {
                changes.append(Change(batch: batch.id, office: nil, description: line))
            }
        }
        for office in plan.offices {
            let a = before.track(batch: batch.id, office: office.id), b = after.track(batch: batch.id, office: office.id)
            var lines = plan.milestones.filter { $0.scope == .office }.compactMap { compare($0.id, a.completions[$0.id], b.completions[$0.id]) }
            if a.block == nil, let block = b.block { lines.append("blocked since \(block.effective): \(block.reason)") }
            if a.block != nil, b.block == nil { lines.append("unblocked") }
            let opened = b.problems.keys.filter { a.problems[$0] == nil }.sorted()
            let resolved = b.problems.values.filter { $0.resolution != nil && a.problems[$0.id]?.resolution == nil }.map(\.id).sorted()
            if !opened.isEmpty { lines.append("problems opened: " + opened.map { "#\($0)" }.joined(separator: ", ")) }
            if !resolved.isEmpty { lines.append("problems resolved: " + resolved.map { "#\($0)" }.joined(separator: ", ")) }
            changes += lines.map { Change(batch: batch.id, office: office.id, description: $0) }
        }
        return changes
    }

    private static func compare(_ milestone: String, _ before: Completion?, _ after: Completion?) -> String? {
        switch (before, after) {
        case (nil, let done?): "+ \(milestone) (\(done.effective))"
        case (_?, nil): "- \(milestone) withdrawn"
        default: nil
        }
    }
}
