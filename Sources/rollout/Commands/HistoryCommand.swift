import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout history`: the entries, filtered.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List history entries, filtered by office, batch, milestone, person, kind and dates on either axis."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Only this office (id or Chinese name).") var office: String?
    @Option(name: .long, help: "Only this batch.") var batch: String?
    @Option(name: .long, help: "Only this milestone.") var milestone: String?
    @Option(name: .long, help: "Only entries by this person.") var actor: String?
    @Option(name: .long, help: "Only this kind: \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String?
    @Option(name: .long, help: "Effective on or after this date.") var from: String?
    @Option(name: .long, help: "Effective on or before this date.") var to: String?
    @Option(name: .customLong("recorded-from"), help: "Recorded at or after this time (ISO 8601, or a date's start).") var recordedFrom: String?
    @Option(name: .customLong("recorded-to"), help: "Recorded at or before this time (ISO 8601, or a date's end).") var recordedTo: String?
    @Option(name: .long, help: "Only the newest N entries.") var limit: Int?

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let filter = try service.historyFilter(
                HistoryRequest(
                    office: office, batch: batch, milestone: milestone, actor: actor, kind: kind, from: from, to: to,
                    recordedFrom: recordedFrom, recordedTo: recordedTo, limit: limit))
            if output.json { try JSONOutput.print(try service.history(filter).map(EntryRecord.init)); return }
            let count = try HistoryRendering.print(plan: service.plan, sharedNames: try service.sharedNames()) { through, body in
                try service.eachEntry(filter, through: through, body)
            }
            print("\(count) entries")
        }
    }
}
