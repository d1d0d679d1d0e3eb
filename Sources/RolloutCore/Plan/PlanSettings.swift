/// The part of a plan that `plan.json` holds: everything but the offices and the catalog.
struct PlanSettings: Decodable {
    var district: String
    var title: String
    var year: Int
    var timeZone: String
    var milestones: [Milestone]
    var followUp: Plan.FollowUp
    var batches: [Batch]

    /// A plan from these settings and the given offices and items.
    func plan(offices: [Office], items: [Item]) -> Plan {
        Plan(
            district: district, title: title, year: year, timeZone: timeZone, milestones: milestones,
            followUp: followUp, batches: batches, offices: offices, items: items)
    }
}
