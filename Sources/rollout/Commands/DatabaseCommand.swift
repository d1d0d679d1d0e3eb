import ArgumentParser
import RolloutApp

/// `rollout db copy|grant|upgrade`: moving a history between SQLite and
/// PostgreSQL, a server's PostgreSQL role, and upgrading an older schema.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Copy a whole database between SQLite and PostgreSQL; grant a server's PostgreSQL role its rights; upgrade an older database.",
        subcommands: [Copy.self, Grant.self, Upgrade.self]
    )

    /// `rollout db upgrade`.
    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade a database of an older schema to this rollout's; commands that only read never do.",
            discussion: "Commands that write upgrade the database they open as well. Upgrade a copy to keep a backup as it was."
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try reporting {
                if let upgrade = try RolloutService.upgrade(location: database.location) {
                    print("Upgraded \(database.location) from schema version \(upgrade.from) to \(upgrade.to).")
                } else {
                    print("\(database.location) is already at this rollout's schema; nothing to upgrade.")
                }
            }
        }
    }

    /// `rollout db copy FROM TO`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole database (plan, history with its hashes, evidence, accounts) into a new one, and verify the copy.",
            discussion: """
                FROM and TO are each a file (SQLite) or a postgresql:// URL. TO must not exist, or be an empty \
                PostgreSQL database (a missing one is created). The copy must verify and end at FROM's head hash. \
                Sessions are not copied: people sign in again.
                """
        )

        @Argument(help: "The database to copy: a file or a postgresql:// URL.")
        var from: String

        @Argument(help: "The new database: a file that does not exist, or the URL of an empty PostgreSQL database.")
        var to: String

        @Flag(help: "Print JSON for scripts instead of a sentence.")
        var json = false

        func run() throws {
            try reporting {
                let head = try RolloutService.copyDatabase(from: from, to: to)
                if json {
                    try JSONOutput.print(CopyView(head))
                } else {
                    print("Copied \(head.count) entries into \(to); the copy verifies and ends at head \(head.hash).")
                }
            }
        }
    }

    /// `rollout db grant ROLE`.
    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant a PostgreSQL role what rollout serve needs: read and append on the history, never update or delete.",
            discussion: "Run as the owner of the tables. The role must exist (CREATE ROLE name LOGIN PASSWORD '…')."
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The PostgreSQL role the servers connect as.")
        var role: String

        func run() throws {
            try reporting {
                try database.openToWrite().grantServerRole(role)
                print("Granted \(role) read and append rights on the history and use of the state and account tables in \(database.location).")
            }
        }
    }
}
