import ArgumentParser
import RolloutApp

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

        @Argument(help: "The person's display name (several people may share one).")
        var name: String

        @Option(name: .long, help: "A unique login: a staff number or a mobile number (default: the name).")
        var login: String?

        @Option(name: .long, help: "coordinator, office or auditor.")
        var role: String

        @Option(name: .long, help: "For office staff: their one office (id or Chinese name).")
        var office: String?

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let result = try service.addPerson(
                    name: name, login: login, role: role, office: office, by: person,
                    at: clock)
                try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
            }
        }
    }

    /// `rollout people remove NAME --reason TEXT`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Take a person off the register (coordinators only); their past entries stay valid.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The person's login, or a name only one registered person has.")
        var name: String

        @Option(name: .long, help: "Why (required).")
        var reason: String

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let result = try service.removePerson(
                    name, reason: reason, by: person, at: clock)
                try OutcomeReport(plan: service.plan, result: result).print(json: output.json)
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
                let service = try database.openToRead()
                let people = try service.people()
                if output.json {
                    try JSONOutput.print(people.map(PersonView.init))
                    return
                }
                var table = TextTable("Name", "Login", "Role", "Office")
                for person in people {
                    table.add(person.name, person.login, person.role.rawValue, person.office.map { EntryText.office($0, service.plan) } ?? "-")
                }
                print(table.rendered)
            }
        }
    }
}
