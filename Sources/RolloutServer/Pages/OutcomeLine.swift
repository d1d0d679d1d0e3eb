import RolloutApp
import RolloutCore
import RolloutWeb

extension OutcomeLine {
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
