import ArgumentParser
import Crypto
import Foundation
import RolloutCore
import RolloutStore

/// `rollout record MILESTONE`: record a milestone for one office, many, or the district.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a milestone (guides_written, network_built, permissions_granted, staff_trained, ready, live).",
        discussion: """
        District-wide milestones take no --office. With several offices (or --office all) the \
        allowed ones are recorded and the refused ones are reported and recorded as refused \
        attempts; all entries share one bulk id. --dry-run shows, per office, allowed or refused \
        and why, and writes nothing.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var flags: WriteFlags
    @OptionGroup var offices: OfficeSelection

    @Argument(help: "The milestone id.")
    var milestone: String

    @Option(name: .long, help: "The batch: id, number or label.")
    var batch: String

    @Option(name: .long, help: "A note for the record.")
    var note: String = ""

    @Option(name: .long, help: "A file offered as evidence (its name, SHA-256 and size are recorded). Repeatable.")
    var evidence: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show what would happen per office; write nothing.")
    var dryRun = false

    func run() throws {
        try reporting {
            let store = try database.open()
            let plan = store.plan
            let resolver = NameResolver(plan: plan)
            let milestone = try resolver.milestone(self.milestone)
            let batch = try resolver.batch(self.batch)
            let moment = try Clock.moment(for: store)
            let effective = try flags.effective(today: moment.today)
            let files = try evidence.map(EvidenceFile.read)
            try NoteText.check(note)
            let targets: [String?] = milestone.scope == .district ? [nil] : try offices.resolve(plan).map(\.id)
            if milestone.scope == .district, !offices.office.isEmpty {
                throw InputError("\(milestone.id) is recorded once for the whole district; do not pass --office")
            }
            if targets.isEmpty { throw InputError("\(milestone.id) is recorded per office; pass --office (an id, a list, or all)") }
            let actions = targets.map {
                Action.record(milestone: milestone.id, batch: batch.id, office: $0, effective: effective, note: note, evidence: files)
            }
            let outcomes = try store.perform(actions, as: try actor.name(), at: moment, options: try flags.options(dryRun: dryRun))
            try OutcomeReport(plan: plan, outcomes: outcomes, dryRun: dryRun).print(json: output.json)
        }
    }
}
