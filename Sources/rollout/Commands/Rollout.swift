import ArgumentParser

/// The `rollout` command: tracks the Yuzhong service-extension rollout.
@main
struct Rollout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Track the rollout of services to street offices: plan, progress, problems and an auditable history.",
        discussion: """
            Exit codes: 0 done; 1 unexpected failure; 2 bad input (nothing written); \
            3 refused by the rules (the refusal is recorded); 4 conflict: the history moved since --expect, \
            an idempotency key was reused, the database stayed locked, or the clock is behind the last \
            entry's recording time (nothing written); 5 audit or check failed; 64 usage error; \
            74 no space left on the device (or an I/O error) while writing (nothing written).
            Environment: ROLLOUT_DB (database file or postgresql:// URL), ROLLOUT_ACTOR (who acts), ROLLOUT_NOW (fixed clock, \
            honoured only by a test database made with `init --test-clock`; a real database refuses to run \
            with it set), NO_COLOR.
            """,
        subcommands: [
            InitCommand.self, CatalogCommand.self, OfficesCommand.self, PlanCommand.self,
            PeopleCommand.self, AccountsCommand.self, ServeCommand.self, RecordCommand.self, ImportCommand.self, RemindCommand.self,
            ProblemCommand.self, BlockCommand.self,
            UnblockCommand.self,
            CorrectCommand.self, RefusalsCommand.self, GraphCommand.self, AuditCommand.self, StatusCommand.self, OverdueCommand.self,
            HistoryCommand.self, ChangesCommand.self, ReportCommand.self, DemoCommand.self, ExportCommand.self, CheckCommand.self, BackupCommand.self,
            DatabaseCommand.self,
            GenerateCommand.self,
        ]
    )
}
