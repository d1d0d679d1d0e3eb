import RolloutCore

/// The JSON form of an overdue milestone (`overdue --json`, `GET /api/v1/overdue`).
package struct OverdueView: Encodable {
    package var batch: String
    package var office: String?
    package var officeName: String?
    package var milestone: String
    package var due: String
    package var daysLate: Int
    package var expected: String
    package var blocked: Bool

    package init(_ item: OverdueList.Item) {
        batch = item.batch
        office = item.office?.id
        officeName = item.office?.name
        milestone = item.milestone.id
        due = item.due.description
        daysLate = item.daysLate
        expected = item.expected
        blocked = item.blocked
    }
}
