/// One office's progress in one batch.
package struct Track: Equatable, Sendable {
    /// Per-office milestone id → completion.
    package var completions = MilestoneCompletions()
    /// Block and unblock entries in effect, oldest first; a correction removes the last.
    package var blockChanges: [BlockChange] = []
    /// Problems reported after go-live, by id.
    package var problems: [Int64: Problem] = [:]

    package init() {}

    /// Set while the rollout is blocked: the block in effect.
    package var block: BlockChange? { blockChanges.last.flatMap { $0.blocked ? $0 : nil } }

    var isEmpty: Bool { completions.isEmpty && blockChanges.isEmpty && problems.isEmpty }
}
