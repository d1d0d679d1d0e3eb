/// One node of a batch's milestone graph, as the plan data defines it.
public struct Milestone: Codable, Equatable, Sendable {
    /// Stable identifier, e.g. `permissions_granted`.
    public var id: String
    /// Chinese label from the source document.
    public var label: String
    /// The role that records it.
    public var recordedBy: Role
    /// Recorded once per batch for the whole district, or once per office.
    public var scope: Scope
    /// Milestones that must be done first (for the same office, or district-wide).
    public var requires: [String]
    /// Which month's last day it is due by; nil when it has no due date.
    public var due: Phase?

    /// Where a milestone is recorded.
    public enum Scope: String, Codable, Sendable {
        case district, office
    }

    /// The two months of a new batch.
    public enum Phase: String, Codable, Sendable {
        case prep, live
    }
}
