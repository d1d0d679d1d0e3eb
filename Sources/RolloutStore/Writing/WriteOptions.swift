import RolloutCore

/// How a write is checked before it is applied.
package struct WriteOptions: Sendable {
    /// Refuse unless the history is still where the person saw it.
    package var expect: Expectation?
    /// A key the client chose; an action already recorded under it is not recorded again.
    package var idempotencyKey: String?
    /// Decide and report, then roll everything back.
    package var dryRun: Bool
    /// How the people acting were authenticated, sealed into their entries.
    package var authentication: Authentication
    /// The bytes of the evidence files the actions name, kept in the same transaction.
    package var evidence: [EvidenceContent]

    package init(
        expect: Expectation? = nil, idempotencyKey: String? = nil, dryRun: Bool = false, authentication: Authentication = .cli,
        evidence: [EvidenceContent] = []
    ) {
        self.expect = expect
        self.idempotencyKey = idempotencyKey
        self.dryRun = dryRun
        self.authentication = authentication
        self.evidence = evidence
    }
}
