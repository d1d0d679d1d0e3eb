import ArgumentParser
import Foundation
import RolloutApp
import RolloutCore

/// `--db`: which database, else `ROLLOUT_DB`, else `rollout.sqlite` in the current folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database: a file (SQLite) or a postgresql:// URL (default: $ROLLOUT_DB, else ./rollout.sqlite).")
    var db: String?

    var location: String {
        db ?? ProcessInfo.processInfo.environment["ROLLOUT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "rollout.sqlite"
    }

    /// Opens the database for a command that only reads: nothing in it changes,
    /// and one of an older schema is refused as needing `rollout db upgrade`.
    func openToRead() throws -> RolloutService { try RolloutService.open(location: location, upgrading: false) }

    /// Opens the database for a command that writes, upgrading an older schema first.
    func openToWrite() throws -> RolloutService { try RolloutService.open(location: location, upgrading: true) }

    /// Opens the database for a write: the service, the person `--as` names,
    /// and the clock the write records by (read by the store once it holds the write lock).
    func openForWriting(as actor: ActorOptions) throws -> (service: RolloutService, person: Identity, clock: any WallClock) {
        let service = try openToWrite()
        return (service, try actor.resolve(in: service), try CommandClock.source(for: service))
    }
}
