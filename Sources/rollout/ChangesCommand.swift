import ArgumentParser
import RolloutCore
import RolloutStore

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
            let store = try database.open()
            let plan = store.plan
            let start = try TimeArguments.date(from, option: "--from"), end = try TimeArguments.date(to, option: "--to")
            guard start <= end else { throw InputError("--from \(start) is after --to \(end); expected an earlier or equal date") }
            let dayBefore = LocalDate.fromDayNumber(start.dayNumber - 1)
            // Batch by batch, so that only one batch's tracks are in memory at a time.
            let changes = try plan.newBatches.flatMap { batch in
                StateChanges.between(try store.state(asOf: dayBefore, batches: [batch.id]), try store.state(asOf: end, batches: [batch.id]),
                                     plan: plan, in: batch)
            }
            let period = HistoryFilter(effectiveFrom: start, effectiveTo: end)
            if output.json {
                let entries = try store.history(period).filter { $0.kind != .refused }
                try JSONOutput.print(ChangesView(from: start.description, to: end.description,
                                                 changes: changes.map { .init(batch: $0.batch, office: $0.office, change: $0.description) },
                                                 entries: entries.map(EntryRecord.init)))
                return
            }
            print("Changes effective \(start) to \(end), as known now:")
            var table = TextTable("Batch", "Office", "Change")
            for change in changes { table.add(change.batch, change.office.flatMap { plan.office(id: $0)?.name } ?? "district-wide", change.description) }
            print(changes.isEmpty ? "(no change)" : table.rendered)
            print("")
            _ = try HistoryRendering.print(plan: plan, heading: { "Entries effective in that period (\($0)):" }) { through, body in
                var pass = period
                pass.through = through
                try store.eachEntry(pass) { if $0.kind != .refused { try body($0) } }
            }
        }
    }

    private struct ChangesView: Encodable {
        var from: String
        var to: String
        var changes: [ChangeView]
        var entries: [EntryRecord]

        struct ChangeView: Encodable {
            var batch: String
            var office: String?
            var change: String
        }
    }
}
