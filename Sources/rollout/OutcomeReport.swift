import ArgumentParser
import Foundation
import RolloutCore
import RolloutStore

/// Prints what a write did, per action, and ends with exit code 3 when any
/// action was refused (the accepted ones are recorded all the same).
struct OutcomeReport {
    let plan: Plan
    let outcomes: [Outcome]
    let dryRun: Bool

    func print(json: Bool) throws {
        if json {
            try JSONOutput.print(Report(dryRun: dryRun, bulk: bulk, outcomes: outcomes.map(OutcomeView.init)))
        } else {
            for outcome in outcomes { Swift.print(line(for: outcome)) }
            if outcomes.count > 1 {
                let counts = tally
                let prefix = dryRun ? "dry run, nothing written" : bulk.map { "\($0)" } ?? "bulk"
                Swift.print("\(prefix): \(counts.recorded) \(dryRun ? "allowed" : "recorded"), \(counts.refused) refused, \(counts.duplicate) already recorded")
            }
        }
        if tally.refused > 0 { throw ExitCode(Exit.refused) }
    }

    private var tally: (recorded: Int, refused: Int, duplicate: Int) {
        outcomes.reduce(into: (0, 0, 0)) { counts, outcome in
            switch outcome.result {
            case .recorded: counts.0 += 1
            case .refused: counts.1 += 1
            case .duplicate: counts.2 += 1
            }
        }
    }

    private var bulk: String? {
        outcomes.lazy.compactMap { outcome -> String? in
            switch outcome.result {
            case .recorded(let entries): entries.first?.bulk
            case .refused(_, let entry): entry.bulk
            case .duplicate: nil
            }
        }.first
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
