import ArgumentParser
import RolloutApp

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

    @Option(
        name: .long,
        help: "A file offered as evidence (PDF, image, document or sheet, at most 10 MiB; kept in the database by its SHA-256). Repeatable.")
    var evidence: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show what would happen per office; write nothing.")
    var dryRun = false

    func run() throws {
        try reporting {
            let (service, person, clock) = try database.openForWriting(as: actor)
            let files = try evidence.map(EvidenceFile.read)
            let request = MilestoneRecording(
                milestone: milestone, batch: batch, offices: offices.office, note: note, evidence: files,
                write: flags.input(dryRun: dryRun))
            let result = try service.record(request, by: person, at: clock)
            try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
        }
    }
}
