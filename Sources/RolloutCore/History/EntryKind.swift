/// What an entry records.
package enum EntryKind: String, Codable, CaseIterable, Sendable {
    case milestone
    case problemOpened = "problem_opened"
    case problemResolved = "problem_resolved"
    case blocked
    case unblocked
    case correction
    case personAdded = "person_added"
    case personRemoved = "person_removed"
    case refused

    /// Whether a correction may reverse an entry of this kind.
    package var isCorrectable: Bool {
        switch self {
        case .milestone, .problemOpened, .problemResolved, .blocked, .unblocked: true
        case .correction, .personAdded, .personRemoved, .refused: false
        }
    }
}
