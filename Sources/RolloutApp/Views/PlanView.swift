import RolloutCore

/// The JSON form of `rollout plan`.
package struct PlanView: Encodable {
    package var district: String
    package var title: String
    package var year: Int
    package var version: String
    package var batches: [BatchView]
    package var milestones: [Milestone]
    package var followUp: Plan.FollowUp

    /// One batch: its items, months and due dates.
    package struct BatchView: Encodable {
        package var id: String
        package var number: Int
        package var label: String
        package var alreadyLive: Bool
        package var items: [Int]
        package var prepMonth: Int?
        package var liveMonth: Int?
        package var schedule: String?
        package var due: [String: String]
    }

    package init(_ plan: Plan) {
        district = plan.district
        title = plan.title
        year = plan.year
        version = plan.version
        milestones = plan.milestones
        followUp = plan.followUp
        batches = plan.batches.map { batch in
            var due: [String: String] = [:]
            if !batch.alreadyLive {
                for milestone in plan.milestones { due[milestone.id] = plan.dueDate(of: milestone, in: batch)?.description }
            }
            return BatchView(
                id: batch.id, number: batch.number, label: batch.label, alreadyLive: batch.alreadyLive,
                items: plan.items(in: batch).map(\.number), prepMonth: batch.prepMonth, liveMonth: batch.liveMonth,
                schedule: batch.schedule, due: due)
        }
    }
}
