import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout refusals`: every refused attempt, who tried what and why it was refused.
struct RefusalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refusals", abstract: "List refused attempts: who, what, why, when.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reporting {
            let service = try database.openToRead()
            let refusals = try service.refusals()
            if output.json {
                try JSONOutput.print(refusals.map(RefusalView.init))
                return
            }
            var table = TextTable("Entry", "Recorded", "Who", "Role", "Tried", "Batch", "Office", "Why refused")
            for entry in refusals {
                table.add(
                    "#\(entry.seq)", entry.recordedAt, entry.actor, entry.actorRole.rawValue, entry.detail.action ?? "",
                    entry.batch ?? "-", entry.office.map { EntryText.office($0, service.plan) } ?? "-", entry.detail.message ?? "")
            }
            print(table.rendered)
            print("\(refusals.count) refused attempts")
        }
    }
}
