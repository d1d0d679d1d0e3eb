import RolloutCore
import RolloutStore

/// What every recording use case takes besides its own fields, as typed: when
/// it happened, the history the person saw, an idempotency key, a dry run.
package struct WriteInput: Sendable, Equatable {
    /// When it happened, YYYY-MM-DD; nil for today.
    package var date: String?
    /// The entry count or head hash the person saw (`--expect`, `If-Match`).
    package var expect: String?
    /// A key of the person's choosing (`--key`, `Idempotency-Key`).
    package var key: String?
    /// Decide and report, write nothing.
    package var dryRun: Bool

    package init(date: String? = nil, expect: String? = nil, key: String? = nil, dryRun: Bool = false) {
        self.date = date
        self.expect = expect
        self.key = key
        self.dryRun = dryRun
    }

    /// The effective date given, checked; nil for the day the write is recorded on.
    func effectiveDate() throws -> LocalDate? {
        try date.map { try TimeInput.date($0, field: .date) }
    }

    /// The store's options.
    func options() throws -> WriteOptions {
        var expectation: Expectation?
        if let expect {
            guard let parsed = Expectation(expect) else {
                throw InputError(.expect) { "invalid \($0(.expect)) \"\(expect)\"; expected an entry count or a head hash (at least 6 hex digits)" }
            }
            expectation = parsed
        }
        if let key, key.isEmpty || key.count > 200 {
            throw InputError(.key) { "invalid \($0(.key)) of \(key.count) characters; expected 1 to 200 characters" }
        }
        return WriteOptions(expect: expectation, idempotencyKey: key, dryRun: dryRun)
    }
}
