import RolloutApp
import RolloutCore
import RolloutStore
import RolloutWeb

/// One action's outcome in words, per office: recorded (or would be),
/// refused with the engine's reason, or already recorded under the form's key.
struct OutcomeLine: Sendable {
    let office: String
    let state: String
    let css: String
    let text: String

    init(_ outcome: Outcome, plan: Plan, strings t: PageStrings, dryRun: Bool) {
        office = outcome.action.scope.office.flatMap { plan.office(id: $0)?.name } ?? t["overdue_districtWide"]
        switch outcome.result {
        case .recorded(let entries):
            state = dryRun ? t["preview_allowed"] : t["outcome_recorded"]
            css = "allowed"
            text = dryRun ? "" : entries.map { t.format("outcome_entry", ["seq": String($0.seq)]) }.joined(separator: ", ")
        case .refused(let refusal, let entry):
            state = dryRun ? t["preview_refused"] : t["outcome_refused"]
            css = "refused"
            text = refusal.message + (dryRun ? "" : " (" + t.format("outcome_entry", ["seq": String(entry.seq)]) + ")")
        case .duplicate(let entry):
            state = t["outcome_duplicate"]
            css = "due"
            text = t.format("outcome_entry", ["seq": String(entry.seq)])
        }
    }

    /// The outcome as one message after a form: refusals are shown as errors.
    static func tell(_ result: ActionResult, plan: Plan, page: PageRequest, pages: Pages) async {
        let t = page.strings
        for outcome in result.outcomes {
            let line = OutcomeLine(outcome, plan: plan, strings: t, dryRun: false)
            let refused = if case .refused = outcome.result { true } else { false }
            await pages.tell(page, "\(line.office)：\(line.state) \(line.text)", error: refused)
        }
        if result.outcomes.count > 1 {
            await pages.tell(
                page,
                t.format(
                    "outcome_summary",
                    ["recorded": String(result.recorded), "refused": String(result.refused), "duplicates": String(result.duplicates)]))
        }
    }
}
