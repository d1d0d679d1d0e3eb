import ArgumentParser
import RolloutApp
import RolloutCore

/// Prints what a write did, per action, and ends with exit code 3 when any
/// action was refused (the accepted ones are recorded all the same).
struct OutcomeReport {
    let plan: Plan
    let result: ActionResult

    private var dryRun: Bool { result.dryRun }

    /// Prints the outcomes, and a one-time code issued with them.
    func print(json: Bool, code: IssuedCode? = nil) throws {
        if json {
            if let code {
                try JSONOutput.print(CreatedAccountView(result: ActionResultView(result), code: IssuedCodeView(code)))
            } else {
                try JSONOutput.print(ActionResultView(result))
            }
        } else {
            defer { if let code { Swift.print(IssuedCodeView.text(code)) } }
            for outcome in result.outcomes { Swift.print(line(for: outcome)) }
            if result.outcomes.count > 1 {
                let prefix = dryRun ? "dry run, nothing written" : result.bulk.map { "\($0)" } ?? "bulk"
                Swift.print(
                    "\(prefix): \(result.recorded) \(dryRun ? "allowed" : "recorded"), \(result.refused) refused, \(result.duplicates) already recorded"
                )
            }
        }
        if result.refused > 0 { throw ExitCode(Exit.refused) }
    }

    private func line(for outcome: Outcome) -> String {
        switch outcome.result {
        case .recorded(let entries):
            let mark = Terminal.paint(dryRun ? "would record" : "recorded", .green)
            return entries.map { "\(mark) \(EntryText.describe($0, plan, numbered: !dryRun))" }.joined(separator: "\n")
        case .refused(let refusal, let entry):
            let mark = Terminal.paint(dryRun ? "would refuse" : "refused", .red)
            let whereText = outcome.action.scope.office.map { " [\(EntryText.office($0, plan))]" } ?? ""
            return "\(mark)\(whereText): \(refusal.message)" + (dryRun ? "" : " (attempt recorded as #\(entry.seq))")
        case .duplicate(let entry):
            return "\(Terminal.paint("already recorded", .yellow)) \(EntryText.describe(entry, plan)) (same --key; nothing new written)"
        }
    }
}

/// The JSON form of an account created with its code.
private struct CreatedAccountView: Encodable {
    var result: ActionResultView
    var code: IssuedCodeView
}
