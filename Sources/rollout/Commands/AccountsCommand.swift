import ArgumentParser
import RolloutApp
import RolloutCore

/// `rollout accounts`: who may sign in to `rollout serve`, managed by coordinators.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Create accounts for the web server, issue one-time codes, disable accounts, review sign-ins (coordinators).",
        discussion: """
            A one-time code is shown once; the person signs in with it and must choose a password at once. \
            Disabling an account ends all its sessions and revokes its API tokens.
            """,
        subcommands: [Create.self, Reset.self, Disable.self, List.self, Attempts.self],
        defaultSubcommand: List.self
    )

    /// `rollout accounts create LOGIN --name NAME --role ROLE [--office OFFICE]`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Register a person and issue their one-time code.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The unique login: a staff number or a mobile number.")
        var login: String

        @Option(name: .long, help: "The display name (several people may share one).")
        var name: String

        @Option(name: .long, help: "coordinator, office or auditor.")
        var role: String

        @Option(name: .long, help: "For office staff: their one office (id or Chinese name).")
        var office: String?

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let (result, code) = try service.createAccount(
                    login: login, name: name, role: role, office: office, by: person, at: clock.now())
                try OutcomeReport(plan: service.plan, result: result).print(json: output.json, code: code)
            }
        }
    }

    /// `rollout accounts reset LOGIN`.
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Issue a new one-time code; the person's sessions end.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The person's login.")
        var login: String

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                let code = try service.resetPassword(login: login, by: person, at: clock.now())
                if output.json { try JSONOutput.print(IssuedCodeView(code)) } else { print(IssuedCodeView.text(code)) }
            }
        }
    }

    /// `rollout accounts disable LOGIN`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable an account: its sessions end and its tokens are revoked.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Argument(help: "The person's login.")
        var login: String

        func run() throws {
            try reporting {
                let (service, person, clock) = try database.openForWriting(as: actor)
                try service.disableAccount(login: login, by: person, at: clock.now())
                print(
                    "Disabled \(login): every session ended, every API token revoked. `rollout accounts reset \(login)` enables it again with a new code."
                )
            }
        }
    }

    /// `rollout accounts list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every registered person and the state of their account.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try reporting {
                let service = try database.openToRead()
                let accounts = try service.accounts(by: try actor.resolve(in: service))
                if output.json { try JSONOutput.print(accounts.map(AccountView.init)); return }
                var table = TextTable("Login", "Name", "Role", "Office", "Account")
                for account in accounts {
                    let state =
                        account.disabled
                        ? "disabled" : !account.hasPassword ? "no password yet" : account.mustChange ? "one-time code issued" : "active"
                    table.add(
                        account.person.login, account.person.name, account.person.role.rawValue,
                        account.person.office.map { EntryText.office($0, service.plan) } ?? "-", state)
                }
                print(table.rendered)
            }
        }
    }

    /// `rollout accounts attempts`.
    struct Attempts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attempts", abstract: "The newest sign-in attempts, failed and successful.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var actor: ActorOptions

        @Option(name: .long, help: "How many (default 50).")
        var limit: Int = 50

        func run() throws {
            try reporting {
                guard (1...10_000).contains(limit) else { throw InputError("invalid --limit \(limit); expected 1 to 10000") }
                let service = try database.openToRead()
                let attempts = try service.signInAttempts(by: try actor.resolve(in: service), limit: limit)
                if output.json { try JSONOutput.print(attempts.map(SignInAttemptView.init)); return }
                var table = TextTable("When (UTC)", "Login", "From", "Result")
                for attempt in attempts { table.add(attempt.at, attempt.login, attempt.address, attempt.succeeded ? "signed in" : "failed") }
                print(table.rendered)
            }
        }
    }
}
