import RolloutApp
import RolloutCore
import RolloutWeb

extension OutcomeLine {
    /// The outcome as one message after a form: refusals are shown as errors.
    static func tell(_ result: ActionResult, plan: Plan, page: PageRequest, pages: Pages) async throws {
        let t = page.strings
        var messages: [(text: String, error: Bool)] = []
        for outcome in result.outcomes {
            let line = OutcomeLine(outcome, plan: plan, strings: t, dryRun: false)
            let refused = if case .refused = outcome.result { true } else { false }
            messages.append(("\(line.office)：\(line.state) \(line.text)", refused))
        }
        if result.outcomes.count > 1 {
            let counts = ["recorded": String(result.recorded), "refused": String(result.refused), "duplicates": String(result.duplicates)]
            messages.append((t.format("outcome_summary", counts), false))
        }
        try await pages.tell(page, messages)
    }
}
