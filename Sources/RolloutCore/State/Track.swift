/// One office's progress in one batch.
public struct Track: Equatable, Sendable {
    /// Per-office milestone id → completion.
    public var completions = MilestoneCompletions()
    /// Block and unblock entries in effect, oldest first; a correction removes the last.
    public var blockChanges: [BlockChange] = []
    /// Problems reported after go-live, by id.
    public var problems: [Int64: Problem] = [:]

    public init() {}

    /// Set while the rollout is blocked: the block in effect.
    public var block: BlockChange? { blockChanges.last.flatMap { $0.blocked ? $0 : nil } }

    var isEmpty: Bool { completions.isEmpty && blockChanges.isEmpty && problems.isEmpty }
}
