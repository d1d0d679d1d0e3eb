/// A block or unblock of an office's rollout: which entry, since when, why.
public struct BlockChange: Equatable, Sendable {
    public var entry: Int64
    public var blocked: Bool
    public var effective: LocalDate
    public var reason: String

    public init(entry: Int64, blocked: Bool, effective: LocalDate, reason: String) {
        self.entry = entry
        self.blocked = blocked
        self.effective = effective
        self.reason = reason
    }
}
