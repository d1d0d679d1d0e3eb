/// One node of a batch's milestone graph, as the plan data defines it.
package struct Milestone: Codable, Equatable, Sendable {
    /// Stable identifier, e.g. `permissions_granted`.
    package var id: String
    /// Chinese label from the source document.
    package var label: String
    /// The role that records it.
    package var recordedBy: Role
    /// Recorded once per batch for the whole district, or once per office.
    package var scope: Scope
    /// Milestones that must be done first (for the same office, or district-wide).
    package var requires: [String]
    /// Which month's last day it is due by; nil when it has no due date.
    package var due: Phase?

    /// Where a milestone is recorded.
    package enum Scope: String, Codable, Sendable {
        case district, office
    }

    /// The two months of a new batch.
    package enum Phase: String, Codable, Sendable {
        case prep, live
    }
}
