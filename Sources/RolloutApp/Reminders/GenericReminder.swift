/// The generic webhook's JSON body: the digest's text and its items as data.
struct GenericReminder: Encodable {
    var type = "rollout.reminder"
    var district: String
    var recipient: String
    var office: String?
    var asOf: String
    var title: String
    var text: String
    var overdue: [Item]
    var dueSoon: [Item]
    var history: History?

    /// One late or soon-due milestone.
    struct Item: Encodable {
        var batch: String
        var office: String?
        var milestone: String
        var due: String
        var days: Int
        var blocked: Bool
    }

    /// The history's end when the digest was made.
    struct History: Encodable {
        var entries: Int64
        var head: String
    }

    enum CodingKeys: String, CodingKey {
        case type, district, recipient, office, title, text, overdue, history
        case asOf = "as_of"
        case dueSoon = "due_soon"
    }

    init(_ digest: ReminderDigest) {
        district = digest.district
        switch digest.recipient {
        case .office(let office): (recipient, self.office) = ("office", office.id)
        case .coordinators: recipient = "coordinators"
        }
        asOf = digest.asOf.description
        title = digest.title
        text = digest.markdown
        let item = { (item: ReminderItem) in
            Item(
                batch: item.batch.id, office: item.office?.id, milestone: item.milestone.id, due: item.due.description, days: item.days,
                blocked: item.blocked)
        }
        overdue = digest.late.map(item)
        dueSoon = digest.dueSoon.map(item)
        if let entries = digest.entries, let head = digest.head { history = History(entries: entries, head: head) }
    }
}
