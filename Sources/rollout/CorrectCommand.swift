import ArgumentParser
import RolloutCore
import RolloutStore

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
            let store = try database.open()
            let moment = try Clock.moment(for: store)
            try NoteText.check(reason, what: "reason")
            guard !entries.isEmpty else { throw InputError("name at least one entry number to reverse") }
            let targets = try store.entries(Array(Set(entries)).sorted())
            let action = Action.correct(targets: targets, effective: try flags.effective(today: moment.today), reason: reason)
            let outcomes = try store.perform([action], as: try actor.name(), at: moment, options: try flags.options())
            try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: false).print(json: output.json)
        }
    }
}
