import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout plan`: batches, months and the milestone graph with real due dates.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show the batches, their months and the milestones with due dates.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reporting {
            let plan = try database.openToRead().plan
            if output.json { try JSONOutput.print(PlanView(plan)); return }
            print("\(plan.district): \(plan.title)")
            print("Year \(plan.year), plan version \(plan.version.prefix(16))")
            print("")
            var batches = TextTable("Batch", "No.", "Label 延伸情况", "Items", "Prep month", "Go-live month")
            for batch in plan.batches {
                let numbers = plan.items(in: batch).map(\.number)
                batches.add(
                    batch.id, String(batch.number), batch.label, "\(ItemRanges.text(numbers)) (\(numbers.count))",
                    batch.prepMonth.map { month(plan.year, $0) } ?? "-",
                    batch.alreadyLive ? "already live" : batch.liveMonth.map { month(plan.year, $0) } ?? "-")
            }
            print(batches.rendered)
            print("")
            let newBatches = plan.newBatches
            var milestones = TextTable(["Milestone", "Label", "Recorded by", "Scope", "Requires"] + newBatches.map { "\($0.id) due" })
            for milestone in plan.milestones {
                milestones.add(
                    [
                        milestone.id, milestone.label, milestone.recordedBy.rawValue, milestone.scope.rawValue,
                        milestone.requires.isEmpty ? "-" : milestone.requires.joined(separator: ", "),
                    ]
                        + newBatches.map { plan.dueDate(of: milestone, in: $0)?.description ?? "-" })
            }
            print(milestones.rendered)
            print("")
            print(
                "Follow-up after \(plan.followUp.after): problems reported by \(plan.followUp.reportedBy.map(\.rawValue).joined(separator: " or ")), resolved by \(plan.followUp.resolvedBy.map(\.rawValue).joined(separator: " or "))."
            )
        }
    }

    private func month(_ year: Int, _ month: Int) -> String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
