import ArgumentParser
import RolloutApp

/// `rollout overdue`: every late milestone, most late first, with who must act.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "List milestones past their due date and not done, most late first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("as-of"), help: "The date to measure lateness on (default: today); the state is as known now.")
    var asOf: String?

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let report = try service.overdue(asOf: asOf, now: try CommandClock.now(for: service))
            let (date, items) = (report.date, report.items)
            if output.json {
                try JSONOutput.print(items.map(OverdueView.init))
                return
            }
            var table = TextTable("Days late", "Batch", "Office", "Milestone", "Due", "Who must act")
            for item in items {
                table.add(
                    [
                        "\(item.daysLate)", item.batch, EntryText.office(item.office),
                        item.milestone.id, item.due.description, item.expected + (item.blocked ? " (blocked)" : ""),
                    ],
                    colors: [.red])
            }
            print(items.isEmpty ? "Nothing overdue as of \(date)." : table.rendered + "\n\(items.count) overdue as of \(date)")
        }
    }
}
