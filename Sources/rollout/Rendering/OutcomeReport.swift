import ArgumentParser
import RolloutApp
import RolloutCore
import RolloutStore

/// Prints what a write did, per action, and ends with exit code 3 when any
/// action was refused (the accepted ones are recorded all the same).
struct OutcomeReport {
    let plan: Plan
    let result: ActionResult

    private var dryRun: Bool { result.dryRun }

    func print(json: Bool) throws {
        if json {
            try JSONOutput.print(Report(dryRun: dryRun, bulk: result.bulk, outcomes: result.outcomes.map(OutcomeView.init)))
        } else {
            for outcome in result.outcomes { Swift.print(line(for: outcome)) }
            if result.outcomes.count > 1 {
                let prefix = dryRun ? "dry run, nothing written" : result.bulk.map { "\($0)" } ?? "bulk"
                Swift.print("\(prefix): \(result.recorded) \(dryRun ? "allowed" : "recorded"), \(result.refused) refused, \(result.duplicates) already recorded")
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

    private struct Report: Encodable {
        var dryRun: Bool
        var bulk: String?
        var outcomes: [OutcomeView]
    }

    private struct OutcomeView: Encodable {
        var action: String
        var batch: String?
        var office: String?
        var result: String
        var entries: [Int64]
        var reason: String?
        var message: String?

        init(_ outcome: Outcome) {
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
}
