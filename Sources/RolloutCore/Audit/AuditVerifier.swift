/// Verifies a history entry by entry, streaming: the hash chain
/// (`ChainVerifier`) and a replay of the state machine (`ReplayVerifier`).
///
/// Memory is bounded by the state (offices × milestones), not by the history.
/// Feed entries in stored order, then call `finish`.
package struct AuditVerifier {
    private var chain: ChainVerifier
    private var replay: ReplayVerifier

    package init(plans: [String: Plan]) {
        chain = ChainVerifier(planVersions: Set(plans.keys))
        replay = ReplayVerifier(plans: plans)
    }

    /// The state replayed so far.
    package var state: RolloutState { replay.state }
    /// Entries checked so far.
    package var count: Int64 { chain.count }
    /// The hash of the last entry checked.
    package var head: String { chain.head }

    /// Checks one entry. `lookup` returns an earlier entry by number (for corrections).
    package mutating func feed(_ entry: Entry, lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        try replay.settle(before: entry, lookup: lookup)
        try chain.feed(entry)
        try replay.feed(entry, lookup: lookup)
    }

    /// Checks what is still pending at the end of the history.
    package mutating func finish(lookup: (Int64) throws -> Entry?) throws(AuditFailure) {
        try replay.finish(lookup: lookup)
    }
}
