import ArgumentParser
import RolloutCore
import RolloutStore

/// `rollout block`: stop an office's rollout of a batch until unblocked.
struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Block offices' rollout of a batch, with a reason (coordinators).")

    @OptionGroup var change: BlockChange

    func run() throws {
        try reporting { try change.perform { .block(batch: $0, office: $1, effective: $2, reason: $3) } }
    }
}

/// `rollout unblock`: let a blocked rollout progress again.
struct UnblockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unblock", abstract: "Unblock offices' rollout of a batch, with a reason (coordinators).")

    @OptionGroup var change: BlockChange

    func run() throws {
        try reporting { try change.perform { .unblock(batch: $0, office: $1, effective: $2, reason: $3) } }
    }
}

/// The arguments block and unblock share.
struct BlockChange: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var flags: WriteFlags
    @OptionGroup var offices: OfficeSelection

    @Option(name: .long, help: "The batch: id, number or label.")
    var batch: String

    @Option(name: .long, help: "Why.")
    var reason: String

    @Flag(name: .customLong("dry-run"), help: "Show what would happen per office; write nothing.")
    var dryRun = false

    func perform(_ make: (String, String, LocalDate, String) -> Action) throws {
        let store = try database.open()
        let moment = try Clock.moment(for: store)
        try NoteText.check(reason, what: "reason")
        let batchID = try NameResolver(plan: store.plan).batch(batch).id
        let effective = try flags.effective(today: moment.today)
        let targets = try offices.resolve(store.plan)
        if targets.isEmpty { throw InputError("name the office with --office (an id, a list, or all)") }
        let actions = targets.map { make(batchID, $0.id, effective, reason) }
        let outcomes = try store.perform(actions, as: try actor.name(), at: moment, options: try flags.options(dryRun: dryRun))
        try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: dryRun).print(json: output.json)
    }
}
