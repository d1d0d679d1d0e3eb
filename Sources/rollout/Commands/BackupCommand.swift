import ArgumentParser
import RolloutApp

/// `rollout backup FILE`: a consistent online copy, checked after it is written.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database while others keep working, then check the copy."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to create (refused if it exists).")
    var file: String

    func run() throws {
        try reporting {
            let report = try database.openToRead().backup(to: file)
            print("Wrote \(file): \(report.verification.entries) entries, head \(report.verification.head).")
            print(CheckRendering.text(report))
            if !report.passed { throw ExitCode(AuditCommand.failed) }
        }
    }
}
