import ArgumentParser
import RolloutCore
import RolloutStore

/// `rollout people`: the register of who may act, in which role.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Register people and list the register.",
        subcommands: [Add.self, Remove.self, List.self],
        defaultSubcommand: List.self
    )

    /// `rollout people add NAME --role ROLE [--office OFFICE]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a person (coordinators only).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The person's name as they will pass it to --as.")
        var name: String

        @Option(name: .long, help: "coordinator, office or auditor.")
        var role: String

        @Option(name: .long, help: "For office staff: their one office (id or Chinese name).")
        var office: String?

        func run() throws {
            try reporting {
                let store = try database.open()
                try NoteText.check(name, what: "name")
                guard let parsedRole = Role(rawValue: role.lowercased()) else {
                    throw InputError("unknown role \"\(role)\"; expected coordinator, office or auditor")
                }
                let officeID = try office.map { try NameResolver(plan: store.plan).office($0).id }
                let action = Action.addPerson(name: name, role: parsedRole, office: officeID)
                let outcomes = try store.perform([action], as: try actor.name(), at: Clock.moment(for: store))
                try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: false).print(json: output.json)
            }
        }
    }

    /// `rollout people remove NAME --reason TEXT`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take a person off the register (coordinators only); their past entries stay valid.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The registered name.")
        var name: String

        @Option(name: .long, help: "Why (required).")
        var reason: String

        func run() throws {
            try reporting {
                let store = try database.open()
                try NoteText.check(reason, what: "reason")
                let outcomes = try store.perform([.removePerson(name: name, reason: reason)], as: try actor.name(), at: Clock.moment(for: store))
                try OutcomeReport(plan: store.plan, outcomes: outcomes, dryRun: false).print(json: output.json)
            }
        }
    }

    /// `rollout people list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered people.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reporting {
                let store = try database.open()
                let people = try store.people()
                if output.json {
                    try JSONOutput.print(people.map { PersonView(name: $0.name, role: $0.role.rawValue, office: $0.office) })
                    return
                }
                var table = TextTable("Name", "Role", "Office")
                for person in people {
                    table.add(person.name, person.role.rawValue, person.office.flatMap { store.plan.office(id: $0) }.map { "\($0.name) (\($0.id))" } ?? "-")
                }
                print(table.rendered)
            }
        }

        private struct PersonView: Encodable {
            var name: String
            var role: String
            var office: String?
        }
    }
}
