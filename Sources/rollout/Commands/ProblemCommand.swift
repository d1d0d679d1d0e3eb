import ArgumentParser
import RolloutApp

/// `rollout problem`: follow-up after go-live.
struct ProblemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Report, resolve and list problems found after go-live.",
        subcommands: [Open.self, Resolve.self, List.self],
        defaultSubcommand: List.self
    )

    /// `rollout problem open --batch B --office O --note TEXT`.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: "Report a problem at a live office.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var flags: WriteFlags
        @OptionGroup var offices: OfficeSelection

        @Option(name: .long, help: "The batch: id, number or label.")
        var batch: String

        @Option(name: .long, help: "What is wrong.")
        var note: String

        @Option(name: .long, help: "A file showing it (kept in the database by its SHA-256). Repeatable.")
        var evidence: [String] = []

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let report = ProblemReport(
                    batch: batch, office: offices.office, note: note, evidence: try evidence.map(EvidenceFile.read), write: flags.input())
                let result = try service.openProblem(report, by: person, at: clock)
                try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
            }
        }
    }

    /// `rollout problem resolve ID --note TEXT`.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve an open problem (coordinators).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var flags: WriteFlags

        @Argument(help: "The problem id (the entry number that opened it).")
        var id: Int64

        @Option(name: .long, help: "How it was resolved.")
        var note: String

        @Option(name: .long, help: "A file showing the fix (kept in the database by its SHA-256). Repeatable.")
        var evidence: [String] = []

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let result = try service.resolveProblem(
                    ProblemResolution(problem: id, note: note, evidence: try evidence.map(EvidenceFile.read), write: flags.input()),
                    by: person,
                    at: clock)
                try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
            }
        }
    }

    /// `rollout problem list [--all]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List open problems (or all with --all).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Flag(name: .long, help: "Include resolved problems.")
        var all = false

        func run() throws {
            try reporting {
                let service = try database.openToRead()
                let records = try service.problems(openOnly: !all)
                if output.json {
                    try JSONOutput.print(records.map(ProblemView.init))
                    return
                }
                var table = TextTable("Id", "Batch", "Office", "Opened", "Problem", "Resolved")
                for record in records {
                    table.add(
                        "#\(record.problem.id)", record.batch, EntryText.office(record.office, service.plan), record.problem.opened.description,
                        record.problem.note, record.problem.resolution.map { "\($0.effective): \($0.note)" } ?? "open")
                }
                print(table.rendered)
                print("\(records.filter { $0.problem.resolution == nil }.count) open")
            }
        }
    }
}
