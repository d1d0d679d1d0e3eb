import ArgumentParser
import RolloutCore
import RolloutStore

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

        func run() throws {
            try reporting {
                let store = try database.open()
                let resolver = NameResolver(plan: store.plan)
                let moment = try Clock.moment(for: store)
                try NoteText.check(note)
                let action = Action.openProblem(batch: try resolver.batch(batch).id, office: try offices.single(store.plan).id,
                                                effective: try flags.effective(today: moment.today), note: note)
                let outcomes = try store.perform([action], as: try actor.name(), at: moment, options: try flags.options())
                try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: false).print(json: output.json)
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

        func run() throws {
            try reporting {
                let store = try database.open()
                let moment = try Clock.moment(for: store)
                try NoteText.check(note)
                let record = try store.problem(id: id)
                let action = Action.resolveProblem(problem: id, batch: record.batch, office: record.office,
                                                   effective: try flags.effective(today: moment.today), note: note)
                let outcomes = try store.perform([action], as: try actor.name(), at: moment, options: try flags.options())
                try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: false).print(json: output.json)
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
                let store = try database.open()
                let records = try store.problems(openOnly: !all)
                if output.json {
                    try JSONOutput.print(records.map(ProblemView.init))
                    return
                }
                var table = TextTable("Id", "Batch", "Office", "Opened", "Problem", "Resolved")
                for record in records {
                    table.add("#\(record.problem.id)", record.batch, EntryText.office(record.office, store.plan), record.problem.opened.description,
                              record.problem.note, record.problem.resolution.map { "\($0.effective): \($0.note)" } ?? "open")
                }
                print(table.rendered)
                print("\(records.filter { $0.problem.resolution == nil }.count) open")
            }
        }
    }

    /// The JSON form of a problem.
    struct ProblemView: Encodable {
        var id: Int64
        var batch: String
        var office: String
        var opened: String
        var note: String
        var resolvedBy: Int64?
        var resolved: String?
        var resolution: String?

        init(_ record: ProblemRecord) {
            id = record.problem.id
            batch = record.batch
            office = record.office
            opened = record.problem.opened.description
            note = record.problem.note
            resolvedBy = record.problem.resolution?.entry
            resolved = record.problem.resolution?.effective.description
            resolution = record.problem.resolution?.note
        }
    }
}
