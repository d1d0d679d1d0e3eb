/// Rebuilds state from history: the definition of what the history means.
public enum Replay {
    /// The state implied by `entries` (in sequence order), leaving out every
    /// entry reversed by a correction among them or listed in `reversed`.
    public static func state<Entries: Sequence>(of entries: Entries, reversed: Set<Int64> = []) -> RolloutState
    where Entries.Element == Entry {
        let all = Array(entries)
        var skip = reversed
        for entry in all where entry.kind == .correction {
            if let target = entry.target { skip.insert(target) }
        }
        var state = RolloutState()
        for entry in all where !skip.contains(entry.seq) {
            state.apply(entry)
        }
        return state
    }
}
