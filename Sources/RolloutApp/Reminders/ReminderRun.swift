/// A run of `rollout remind`, as typed: the date, the window, where to send
/// (nil with a dry run) and in which format, or a dry run that only prints.
package struct ReminderRun: Sendable {
    package var asOf: String?
    package var withinDays: Int
    package var webhook: String?
    /// `auto` (from the webhook's host), `generic`, `wecom` or `dingtalk`.
    package var format: String?
    package var dryRun: Bool

    package init(asOf: String? = nil, withinDays: Int = 7, webhook: String? = nil, format: String? = nil, dryRun: Bool = false) {
        self.asOf = asOf
        self.withinDays = withinDays
        self.webhook = webhook
        self.format = format
        self.dryRun = dryRun
    }
}
