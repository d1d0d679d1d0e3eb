import ArgumentParser
import RolloutApp

/// `rollout check`: every integrity check in one command with one exit code.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity and foreign-key checks, the audit verification and the state replay.",
        discussion: "Exit 0 when all pass, 5 when any fails."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reporting {
            let report = try database.openToRead().check()
            if output.json {
                try JSONOutput.print(CheckView(report))
            } else {
                print(CheckRendering.text(report))
            }
            if !report.passed { throw ExitCode(AuditCommand.failed) }
        }
    }
}
