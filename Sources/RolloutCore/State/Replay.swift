/// Rebuilds state from history: the definition of what the history means.
package enum Replay {
    /// The state implied by `entries`, folded in sequence order.
    package static func state<Entries: Sequence>(of entries: Entries) -> RolloutState where Entries.Element == Entry {
        var state = RolloutState()
        for entry in entries { state.apply(entry) }
        return state
    }
}
