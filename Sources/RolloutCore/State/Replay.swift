/// Rebuilds state from history: the definition of what the history means.
public enum Replay {
    /// The state implied by `entries`, folded in sequence order.
    public static func state<Entries: Sequence>(of entries: Entries) -> RolloutState where Entries.Element == Entry {
        var state = RolloutState()
        for entry in entries { state.apply(entry) }
        return state
    }
}
