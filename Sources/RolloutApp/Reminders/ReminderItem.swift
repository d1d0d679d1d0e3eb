import RolloutCore

/// One milestone a reminder names: late, or due within the window.
package struct ReminderItem: Equatable, Sendable {
    package var batch: Batch
    /// nil for a district-wide milestone.
    package var office: Office?
    package var milestone: Milestone
    package var due: LocalDate
    /// Days past the due date (late), or days left until it (due soon; 0: due today).
    package var days: Int
    package var late: Bool
    package var blocked: Bool
}
