import RolloutCore

/// One overdue milestone in words: how late, where, and who must act.
package struct OverdueRow: Sendable {
    let daysLate: Int
    let batch: String
    let office: String
    let milestone: String
    let due: String
    let who: String

    package init(_ item: OverdueList.Item, strings t: PageStrings) {
        daysLate = item.daysLate
        batch = item.batch
        office = item.office?.name ?? t["overdue_districtWide"]
        milestone = item.milestone.label
        due = item.due.description
        who = item.expected + (item.blocked ? t["overdue_blocked"] : "")
    }
}
