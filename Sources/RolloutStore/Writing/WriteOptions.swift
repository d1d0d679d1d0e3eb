import RolloutCore

/// How a write is checked before it is applied.
package struct WriteOptions: Sendable {
    /// Refuse unless the history is still where the person saw it.
    package var expect: Expectation?
    /// A key the client chose; an action already recorded under it is not recorded again.
    package var idempotencyKey: String?
    /// Decide and report, then roll everything back.
    package var dryRun: Bool

    package init(expect: Expectation? = nil, idempotencyKey: String? = nil, dryRun: Bool = false) {
        self.expect = expect
        self.idempotencyKey = idempotencyKey
        self.dryRun = dryRun
    }
}
