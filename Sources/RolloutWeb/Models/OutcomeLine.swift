import RolloutApp
import RolloutCore

/// One action's outcome in words, per office: recorded (or would be),
/// refused with the engine's reason, or already recorded under the form's key.
package struct OutcomeLine: Sendable {
    package let office: String
    package let state: String
    let css: String
    package let text: String

    package init(_ outcome: Outcome, plan: Plan, strings t: PageStrings, dryRun: Bool) {
        office = outcome.action.scope.office.flatMap { plan.office(id: $0)?.name } ?? t["overdue_districtWide"]
        switch outcome.result {
        case .recorded(let entries):
            state = dryRun ? t["preview_allowed"] : t["outcome_recorded"]
            css = "allowed"
            text = dryRun ? "" : entries.map { t.format("outcome_entry", ["seq": String($0.seq)]) }.joined(separator: ", ")
        case .refused(let refusal, let entry):
            state = dryRun ? t["preview_refused"] : t["outcome_refused"]
            css = "refused"
            text =
                t.refusal(code: refusal.reason.rawValue, message: refusal.message)
                + (dryRun ? "" : " (" + t.format("outcome_entry", ["seq": String(entry.seq)]) + ")")
        case .duplicate(let entry):
            state = t["outcome_duplicate"]
            css = "due"
            text = t.format("outcome_entry", ["seq": String(entry.seq)])
        }
    }
}
