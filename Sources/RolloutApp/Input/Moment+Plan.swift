import RolloutCore

extension Moment {
    /// The moment of a clock reading for `plan`: the time, and its date in the plan's time zone.
    package init(_ now: Timestamp, in plan: Plan) throws {
        guard let today = ZoneTime.date(at: now, in: plan.timeZone) else {
            throw InputError("the plan's time zone \"\(plan.timeZone)\" is unknown to this system")
        }
        self.init(recordedAt: now.iso8601, today: today)
    }
}
