import ArgumentParser
import RolloutApp

/// `rollout correct`: reverse mistaken entries with a new entry each.
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Reverse mistaken entries (coordinators). Nothing is deleted: each reversal is a new entry.",
        discussion: "Entries that depend on a reversed milestone must be reversed in the same command; the refusal names them."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var flags: WriteFlags

    @Argument(help: "The entry numbers to reverse.")
    var entries: [Int64]

    @Option(name: .long, help: "Why the entries are wrong (required).")
    var reason: String

    func run() throws {
        try reporting {
            let (service, person, clock) = try database.openForWriting(as: actor)
            let result = try service.correct(
                CorrectionRequest(entries: entries, reason: reason, write: flags.input()), by: person,
                at: clock)
            try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
        }
    }
}
