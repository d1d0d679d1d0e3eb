import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout changes --from X --to Y`: what changed between two dates.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed between two dates: per office, milestones reached, blocks and problems; then the entries."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "From this date (inclusive), YYYY-MM-DD.") var from: String
    @Option(name: .long, help: "To this date (inclusive), YYYY-MM-DD.") var to: String

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let plan = service.plan
            let report = try service.changes(from: from, to: to)
            if output.json {
                try JSONOutput.print(ChangesView(report, entries: try service.changeEntries(report)))
                return
            }
            print("Changes effective \(report.from) to \(report.to), as known now:")
            var table = TextTable("Batch", "Office", "Change")
            for change in report.changes {
                table.add(change.batch, change.office.flatMap { plan.office(id: $0)?.name } ?? "district-wide", change.description)
            }
            print(report.changes.isEmpty ? "(no change)" : table.rendered)
            print("")
            _ = try HistoryRendering.print(
                plan: plan, sharedNames: try service.sharedNames(), heading: { "Entries effective in that period (\($0)):" }
            ) { through, body in
                try service.eachChangeEntry(report, through: through, body)
            }
        }
    }
}
