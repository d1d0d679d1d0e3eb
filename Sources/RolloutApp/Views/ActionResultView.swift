import RolloutCore
import RolloutStore

/// The JSON form of what a write did (`record --json` and the other writing
/// commands, and every writing route of the API): one outcome per action.
package struct ActionResultView: Encodable {
    package var dryRun: Bool
    package var bulk: String?
    package var outcomes: [OutcomeView]

    /// One action's outcome.
    package struct OutcomeView: Encodable {
        package var action: String
        package var batch: String?
        package var office: String?
        package var result: String
        package var entries: [Int64]
        package var reason: String?
        package var message: String?

        package init(_ outcome: Outcome) {
            action = outcome.action.summary
            batch = outcome.action.scope.batch
            office = outcome.action.scope.office
            switch outcome.result {
            case .recorded(let written):
                result = "recorded"
                entries = written.map(\.seq)
            case .refused(let refusal, let entry):
                result = "refused"
                entries = [entry.seq]
                reason = refusal.reason.rawValue
                message = refusal.message
            case .duplicate(let entry):
                result = "duplicate"
                entries = [entry.seq]
            }
        }
    }

    package init(_ result: ActionResult) {
        dryRun = result.dryRun
        bulk = result.bulk
        outcomes = result.outcomes.map(OutcomeView.init)
    }
}
