import ArgumentParser
import RolloutCore
import RolloutStore

/// `rollout overdue`: every late milestone, most late first, with who must act.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "overdue", abstract: "List milestones past their due date and not done, most late first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("as-of"), help: "The date to measure lateness on (default: today); the state is as known now.")
    var asOf: String?

    func run() throws {
        try reporting {
            let store = try database.open()
            let date = try asOf.map { try TimeArguments.date($0, option: "--as-of") } ?? Clock.moment(for: store).today
            let items = OverdueList.items(plan: store.plan, outstanding: try store.outstanding(asOf: date), asOf: date)
            if output.json {
                try JSONOutput.print(items.map {
                    OverdueView(batch: $0.batch, office: $0.office?.id, officeName: $0.office?.name, milestone: $0.milestone.id,
                                due: $0.due.description, daysLate: $0.daysLate, expected: $0.expected, blocked: $0.blocked)
                })
                return
            }
            var table = TextTable("Days late", "Batch", "Office", "Milestone", "Due", "Who must act")
            for item in items {
                table.add(["\(item.daysLate)", item.batch, item.office.map { "\($0.name) (\($0.id))" } ?? "district-wide",
                           item.milestone.id, item.due.description, item.expected + (item.blocked ? " (blocked)" : "")],
                          colors: [.red])
            }
            print(items.isEmpty ? "Nothing overdue as of \(date)." : table.rendered + "\n\(items.count) overdue as of \(date)")
        }
    }

    private struct OverdueView: Encodable {
        var batch: String
        var office: String?
        var officeName: String?
        var milestone: String
        var due: String
        var daysLate: Int
        var expected: String
        var blocked: Bool
    }
}
