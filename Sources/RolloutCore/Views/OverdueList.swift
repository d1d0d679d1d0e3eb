/// Every (office, milestone) past its due date and not done, as of a date,
/// with who is expected to act. District-wide milestones appear once.
package enum OverdueList {
    /// One late milestone.
    package struct Item: Equatable, Sendable {
        package var batch: String
        /// nil for a district-wide milestone.
        package var office: Office?
        package var milestone: Milestone
        package var due: LocalDate
        package var daysLate: Int
        /// The role expected to act, and for office work which office.
        package var expected: String
        package var blocked: Bool
    }

    package static func items(plan: Plan, state: RolloutState, asOf: LocalDate) -> [Item] {
        items(plan: plan, outstanding: Outstanding(plan: plan, state: state), asOf: asOf)
    }

    package static func items(plan: Plan, outstanding: Outstanding, asOf: LocalDate) -> [Item] {
        var items: [Item] = []
        for batch in plan.newBatches {
            for milestone in plan.milestones {
                guard let due = plan.dueDate(of: milestone, in: batch), asOf > due else { continue }
                let days = due.days(until: asOf)
                let key = Outstanding.key(batch.id, milestone.id)
                if milestone.scope == .district {
                    if !outstanding.districtDone.contains(key) {
                        items.append(
                            Item(
                                batch: batch.id, office: nil, milestone: milestone, due: due, daysLate: days,
                                expected: "coordinator (district-wide)", blocked: false))
                    }
                    continue
                }
                for office in (outstanding.missing[key] ?? []).compactMap(plan.office(id:)) {
                    let who = milestone.recordedBy == .office ? "office: \(office.name)" : milestone.recordedBy.rawValue
                    items.append(
                        Item(
                            batch: batch.id, office: office, milestone: milestone, due: due, daysLate: days,
                            expected: who, blocked: outstanding.blocked[batch.id]?.contains(office.id) ?? false))
                }
            }
        }
        let milestoneOrder = Dictionary(plan.milestones.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return items.sorted {
            ($1.daysLate, $0.batch, $0.office.flatMap { plan.position(ofOffice: $0.id) } ?? -1, milestoneOrder[$0.milestone.id] ?? 0)
                < ($0.daysLate, $1.batch, $1.office.flatMap { plan.position(ofOffice: $0.id) } ?? -1, milestoneOrder[$1.milestone.id] ?? 0)
        }
    }
}
