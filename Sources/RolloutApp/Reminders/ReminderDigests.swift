import RolloutCore

extension RolloutService {
    /// The digests as of `asOf` (YYYY-MM-DD; default today): one per office
    /// with something late or due within `withinDays` days, and always one for
    /// the coordinators carrying the history's entry count and head hash.
    package func reminderDigests(asOf: String?, withinDays: Int, now: Timestamp) throws -> [ReminderDigest] {
        guard (0...366).contains(withinDays) else { throw InputError(.within) { "invalid \($0(.within)) \(withinDays); expected 0 to 366 days" } }
        let date = try asOf.map { try TimeInput.date($0, field: .asOf) } ?? moment(at: now).today
        let outstanding = try store.outstanding(asOf: date, dueThrough: LocalDate.fromDayNumber(date.dayNumber + withinDays))
        let late = OverdueList.items(plan: plan, outstanding: outstanding, asOf: date).compactMap { item -> ReminderItem? in
            guard let batch = plan.batch(id: item.batch) else { return nil }
            return ReminderItem(
                batch: batch, office: item.office, milestone: item.milestone, due: item.due, days: item.daysLate, late: true, blocked: item.blocked)
        }
        var soon: [ReminderItem] = []
        for batch in plan.newBatches {
            for milestone in plan.milestones {
                guard let due = plan.dueDate(of: milestone, in: batch), date <= due, date.days(until: due) <= withinDays else { continue }
                let key = Outstanding.key(batch.id, milestone.id)
                let days = date.days(until: due)
                if milestone.scope == .district {
                    if !outstanding.districtDone.contains(key) {
                        soon.append(ReminderItem(batch: batch, office: nil, milestone: milestone, due: due, days: days, late: false, blocked: false))
                    }
                    continue
                }
                let missing = outstanding.missing[key] ?? []
                for office in plan.offices where missing.contains(office.id) {
                    soon.append(
                        ReminderItem(
                            batch: batch, office: office, milestone: milestone, due: due, days: days, late: false,
                            blocked: outstanding.blocked[batch.id]?.contains(office.id) ?? false))
                }
            }
        }
        soon.sort { ($0.days, plan.position(ofOffice: $0.office?.id ?? "") ?? -1) < ($1.days, plan.position(ofOffice: $1.office?.id ?? "") ?? -1) }
        let head = try store.head()
        func digest(_ recipient: ReminderDigest.Recipient, _ late: [ReminderItem], _ soon: [ReminderItem]) -> ReminderDigest {
            ReminderDigest(recipient: recipient, district: plan.district, asOf: date, withinDays: withinDays, late: late, dueSoon: soon)
        }
        var digests: [ReminderDigest] = plan.offices.compactMap { office in
            let mine = { (item: ReminderItem) in item.office?.id == office.id }
            let digest = digest(.office(office), late.filter(mine), soon.filter(mine))
            return digest.late.isEmpty && digest.dueSoon.isEmpty ? nil : digest
        }
        var coordinators = digest(.coordinators, late, soon)
        coordinators.entries = head.count
        coordinators.head = head.hash
        digests.append(coordinators)
        return digests
    }
}
