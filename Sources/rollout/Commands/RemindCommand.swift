import ArgumentParser
import RolloutApp

/// `rollout remind`: send each office's late and soon-due milestones, and the coordinators' digest, to a work group.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Send reminders of late and soon-due milestones to a webhook (WeCom, DingTalk or generic JSON).",
        discussion: """
            One digest per office with something late or due within --within days, and one for the coordinators \
            with the history's entry count and head hash (an outside record for `audit verify --expect-head`). \
            A digest already sent for the same date with the same content is not sent again; a failed post is \
            retried with backoff; every send is logged in the database. --dry-run prints the messages instead. \
            Exit 1 when a message could not be delivered. See docs/reminders.md.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var reminders: ReminderOptions

    @Option(name: .customLong("as-of"), help: "The date to remind as of, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Flag(name: .customLong("dry-run"), help: "Print the messages; send and log nothing.")
    var dryRun = false

    func run() async throws {
        do {
            let service = try database.openToWrite()
            let report = try await service.remind(
                reminders.run(asOf: asOf, dryRun: dryRun), now: try CommandClock.now(for: service), transport: HTTPWebhookTransport(),
                retry: try reminders.retry())
            try ReminderRendering(report: report).print(json: output.json)
        } catch {
            throw Exit.report(error)
        }
    }
}
