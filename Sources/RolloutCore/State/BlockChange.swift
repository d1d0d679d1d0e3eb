/// A block or unblock of an office's rollout: which entry, since when, why.
package struct BlockChange: Equatable, Sendable {
    package var entry: Int64
    package var blocked: Bool
    package var effective: LocalDate
    package var reason: String

    package init(entry: Int64, blocked: Bool, effective: LocalDate, reason: String) {
        self.entry = entry
        self.blocked = blocked
        self.effective = effective
        self.reason = reason
    }
}
