import ArgumentParser
import RolloutApp

/// `rollout block`: stop an office's rollout of a batch until unblocked.
struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block", abstract: "Block offices' rollout of a batch, with a reason (coordinators).")

    @OptionGroup var change: BlockChange

    func run() throws {
        try reporting { try change.perform(blocking: true) }
    }
}

/// `rollout unblock`: let a blocked rollout progress again.
struct UnblockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock", abstract: "Unblock offices' rollout of a batch, with a reason (coordinators).")

    @OptionGroup var change: BlockChange

    func run() throws {
        try reporting { try change.perform(blocking: false) }
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

    func perform(blocking: Bool) throws {
        let (service, person, clock) = try database.openForWriting(as: actor)
        let request = BlockChangeRequest(
            blocking: blocking, batch: batch, offices: offices.office, reason: reason, write: flags.input(dryRun: dryRun))
        let result = try service.changeBlock(request, by: person, at: clock)
        try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
    }
}
