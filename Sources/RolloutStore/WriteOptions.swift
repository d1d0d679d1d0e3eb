import RolloutCore

/// How a write is checked before it is applied.
public struct WriteOptions: Sendable {
    /// Refuse unless the history is still where the person saw it.
    public var expect: Expectation?
    /// A key the client chose; an action already recorded under it is not recorded again.
    public var idempotencyKey: String?
    /// Decide and report, then roll everything back.
    public var dryRun: Bool

    public init(expect: Expectation? = nil, idempotencyKey: String? = nil, dryRun: Bool = false) {
        self.expect = expect
        self.idempotencyKey = idempotencyKey
        self.dryRun = dryRun
    }
}
