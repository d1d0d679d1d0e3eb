import RolloutCore
import RolloutStore

/// What a write did: one outcome per action (recorded, refused and recorded as
/// a refusal, or a duplicate of an earlier submission), and whether it was a
/// dry run that wrote nothing.
package struct ActionResult: Sendable {
    package let outcomes: [Outcome]
    package let dryRun: Bool

    package init(outcomes: [Outcome], dryRun: Bool) {
        self.outcomes = outcomes
        self.dryRun = dryRun
    }

    /// How many actions were recorded (allowed, in a dry run).
    package var recorded: Int { count { if case .recorded = $0 { true } else { false } } }
    /// How many were refused by the rules.
    package var refused: Int { count { if case .refused = $0 { true } else { false } } }
    /// How many were already recorded under the same idempotency key.
    package var duplicates: Int { count { if case .duplicate = $0 { true } else { false } } }

    /// The bulk id the entries share, when the command wrote several.
    package var bulk: String? {
        outcomes.lazy.compactMap { outcome -> String? in
            switch outcome.result {
            case .recorded(let entries): entries.first?.bulk
            case .refused(_, let entry): entry.bulk
            case .duplicate: nil
            }
        }.first
    }

    private func count(_ matches: (Outcome.Result) -> Bool) -> Int {
        outcomes.filter { matches($0.result) }.count
    }
}
