import ArgumentParser
import RolloutCore
import RolloutStore

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
            let store = try database.open()
            let plan = store.plan
            let resolver = NameResolver(plan: plan)
            var parsedKind: EntryKind?
            if let kind {
                guard let value = EntryKind(rawValue: kind) else {
                    throw InputError("unknown kind \"\(kind)\"; expected one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                parsedKind = value
            }
            if let limit, limit < 1 { throw InputError("invalid --limit \(limit); expected a positive number") }
            let filter = HistoryFilter(
                office: try office.map { try resolver.office($0).id }, batch: try batch.map { try resolver.batch($0).id },
                milestone: try milestone.map { try resolver.milestone($0).id }, actor: actor, kind: parsedKind,
                effectiveFrom: try from.map { try TimeArguments.date($0, option: "--from") },
                effectiveTo: try to.map { try TimeArguments.date($0, option: "--to") },
                recordedFrom: try recordedFrom.map { try TimeArguments.recordedBound($0, option: "--recorded-from", plan: plan, endOfDay: false) },
                recordedTo: try recordedTo.map { try TimeArguments.recordedBound($0, option: "--recorded-to", plan: plan, endOfDay: true) },
                limit: limit
            )
            if output.json { try JSONOutput.print(try store.history(filter).map(EntryRecord.init)); return }
            let count = try HistoryRendering.print(plan: plan) { through, body in
                var pass = filter
                pass.through = through
                try store.eachEntry(pass, body)
            }
            print("\(count) entries")
        }
    }
}
